import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { apiErrorBodySchema } from "@/lib/api/errors";
import { API_ENDPOINTS, allowedMethods, matchEndpoint, refuseApiMethod } from "@/lib/api/endpoints.mjs";
import { proxy } from "@/proxy";

// Every API path and every method: what the route exports passes to Next, anything else is a JSON
// 405 listing what the path takes (TRACE among them; the server refuses it before Next, see
// scripts/serve.mjs, because fetch's Request cannot carry it).

const ROOT = path.join(process.cwd(), "app", "api", "v1");
const EXPORTABLE = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const EVERY_METHOD = [...EXPORTABLE, "HEAD", "OPTIONS", "TRACE", "TRACK", "CONNECT", "PROPFIND", "FOO"];

/** Every route.ts under app/api/v1 but the catch-all, as `/api/v1/agents/{agentId}` templates. */
function routeFiles(dir = ROOT): { file: string; template: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("_") || e.name.startsWith("[...") ? [] : routeFiles(full);
    if (e.name !== "route.ts") return [];
    const rel = path.relative(ROOT, dir).split(path.sep).filter(Boolean);
    return [{ file: full, template: "/api/v1/" + rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/") }];
  });
}

const sample = (template: string) => template.replace(/\{(\w+)\}/g, (_m, name: string) => `${name}-1`);

describe("API methods", () => {
  const routes = routeFiles();

  it("the endpoint table lists every route file with exactly the methods it exports", async () => {
    expect(routes.length).toBeGreaterThanOrEqual(13);
    const exported: Record<string, string[]> = {};
    for (const { file, template } of routes) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      exported[template] = EXPORTABLE.filter((m) => typeof mod[m] === "function");
    }
    const table = Object.fromEntries(Object.entries(API_ENDPOINTS).map(([t, m]) => [t, [...m].sort()]));
    expect(table).toEqual(Object.fromEntries(Object.entries(exported).map(([t, m]) => [t, [...m].sort()])));
  });

  for (const { template } of routeFiles()) {
    it(`${template}: exported methods pass, every other method is a JSON 405 with Allow`, () => {
      const url = sample(template);
      expect(matchEndpoint(url)).toBe(template);
      expect(matchEndpoint(`${url}/`)).toBe(template);
      const allow = allowedMethods(template);
      expect(allow).toContain("OPTIONS");
      for (const method of EVERY_METHOD) {
        const refused = refuseApiMethod(method, url);
        const takes =
          API_ENDPOINTS[template]!.includes(method) ||
          method === "OPTIONS" ||
          (method === "HEAD" && allow.includes("GET"));
        if (takes) {
          expect(refused, `${method} ${url}`).toBeNull();
          continue;
        }
        expect(refused, `${method} ${url}`).not.toBeNull();
        expect(refused!.status).toBe(405);
        expect(refused!.headers.allow).toBe(allow.join(", "));
        expect(refused!.headers["content-type"]).toMatch(/^application\/json/);
        const body = apiErrorBodySchema.parse(JSON.parse(refused!.body));
        expect(body.error.code).toBe("method_not_allowed");
        expect(body.error.message).toBe(`${method} is not allowed on ${template}; it takes ${allow.join(", ")}`);
      }
    });
  }

  it("prefers a literal segment over a parameter, as Next routes", () => {
    expect(matchEndpoint("/api/v1/agents/import")).toBe("/api/v1/agents/import");
    expect(refuseApiMethod("POST", "/api/v1/agents/import")).toBeNull();
    expect(refuseApiMethod("GET", "/api/v1/agents/import")!.headers.allow).toBe("OPTIONS, POST");
    expect(matchEndpoint("/api/v1/agents/imports")).toBe("/api/v1/agents/{agentId}");
    expect(matchEndpoint("/api/v1/agents//flows")).toBeNull();
  });

  it("an unknown API path takes what its catch-all route takes (a JSON 404 each); other methods are a 405", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]) {
      expect(refuseApiMethod(method, "/api/v1/nope")).toBeNull();
    }
    const trace = refuseApiMethod("TRACE", "/api/v1/nope")!;
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
  });

  it("leaves pages alone", () => {
    expect(refuseApiMethod("TRACE", "/agents/x/handoffs")).toBeNull();
    expect(refuseApiMethod("DELETE", "/")).toBeNull();
  });

  it("the proxy answers with it", async () => {
    // A Host the server answers to (proxy.ts refuses any other first, with a 403).
    const headers = { host: `localhost:${process.env.PORT || 3000}` };
    const r = await proxy(new NextRequest("http://localhost/api/v1/agents", { method: "DELETE", headers }));
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await r.json()).toEqual({
      error: {
        code: "method_not_allowed",
        message: "DELETE is not allowed on /api/v1/agents; it takes GET, HEAD, OPTIONS",
      },
    });
    const passed = await proxy(new NextRequest("http://localhost/api/v1/agents", { method: "GET", headers }));
    expect(passed.headers.get("x-middleware-next")).toBe("1");
  });
});
