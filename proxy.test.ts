import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { allowedHosts, proxy } from "./proxy";

const HOST = "127.0.0.1:3106";
const SAVE = "/agents/ag_1/flows/fl_1/save";
const BODY = JSON.stringify({ doc: {}, baseRevision: 1 });
/** A session cookie's presence lets a page through the proxy; its validity is the page's business. */
const SESSION = "switchboard.session_token=anything";

beforeAll(() => {
  process.env.PORT = "3106";
  process.env.SWITCHBOARD_HOST = "127.0.0.1";
  delete process.env.SWITCHBOARD_ALLOWED_HOSTS;
});

function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  // As on the wire: Node's server sees Content-Length, which a Request built here leaves out.
  const length: Record<string, string> =
    body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
  return proxy(
    new NextRequest(`http://${HOST}${path}`, { method, headers: { host: HOST, ...length, ...headers }, body }),
  );
}

/** NextResponse.next() marks the request as passed on to the app. */
const passedOn = (res: Response) => res.headers.get("x-middleware-next") === "1";

describe("proxy: cross-site writes", () => {
  it("passes a same-origin JSON save on", () => {
    const res = send("POST", SAVE, { origin: `http://${HOST}`, "content-type": "application/json" }, BODY);
    expect(passedOn(res)).toBe(true);
  });

  it("refuses a foreign Origin on the save route with a JSON 403", async () => {
    const res = send("POST", SAVE, { origin: "http://evil.example", "content-type": "application/json" }, BODY);
    expect(res.status).toBe(403);
    expect(passedOn(res)).toBe(false);
    expect(await res.json()).toEqual({
      error: {
        code: "forbidden",
        message: expect.stringContaining("Origin http://evil.example is not this server"),
      },
    });
  });

  it("refuses a foreign server action with a plain-text 403, not Next's 500", async () => {
    const res = send(
      "POST",
      "/agents/ag_1/flows/fl_1",
      { origin: "http://evil.example", "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" },
      "[]",
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(await res.text()).toContain("Cross-site request refused");
  });

  it("refuses a forged Host with a matching Origin (DNS rebinding)", async () => {
    const forged = "attacker.example:3106";
    const res = send(
      "POST",
      SAVE,
      { host: forged, origin: `http://${forged}`, "content-type": "application/json" },
      BODY,
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("SWITCHBOARD_ALLOWED_HOSTS");
  });

  it("refuses a text/plain body on the save route and the API with a JSON 415", async () => {
    for (const path of [SAVE, "/api/v1/agents/ag_1/handoffs"]) {
      const res = send("POST", path, { origin: `http://${HOST}`, "content-type": "text/plain" }, BODY);
      expect(res.status, path).toBe(415);
      expect((await res.json()).error.code).toBe("unsupported_media_type");
    }
  });

  it("passes an API write with a Bearer key and no Origin on", () => {
    const res = send(
      "POST",
      "/api/v1/agents/ag_1/handoffs",
      { authorization: "Bearer sk_test", "content-type": "application/json" },
      "{}",
    );
    expect(passedOn(res)).toBe(true);
  });
});

describe("proxy: headers", () => {
  it("gives each page a fresh nonce in the CSP, and hands the same policy to Next", () => {
    const a = send("GET", "/agents/ag_1/flows", { cookie: SESSION });
    const b = send("GET", "/agents/ag_1/flows", { cookie: SESSION });
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // Next reads the nonce from the request's CSP header when it renders the page.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("gives JSON routes a policy that loads nothing", () => {
    const res = send("GET", "/api/v1/openapi.json", {});
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it("still answers a malformed path with a 400", () => {
    expect(send("GET", "/api/v1/agents/%E0%A4%A", {}).status).toBe(400);
  });
});

describe("proxy: signed out", () => {
  it("sends a page view without a session cookie to sign in, and back to the page afterwards", () => {
    const res = send("GET", "/agents/ag_1/flows?x=1", {});
    expect(res.status).toBe(307);
    // Absolute here; Next's adapter makes a same-origin Location relative before it is sent.
    expect(new URL(res.headers.get("location")!).pathname + new URL(res.headers.get("location")!).search).toBe(
      "/sign-in?next=%2Fagents%2Fag_1%2Fflows%3Fx%3D1",
    );
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("tells a page with a session cookie its path (the page checks the session itself)", () => {
    const res = send("GET", "/agents/ag_1/flows?x=1", { cookie: SESSION });
    expect(passedOn(res)).toBe(true);
    expect(res.headers.get("x-middleware-request-x-switchboard-path")).toBe("/agents/ag_1/flows?x=1");
  });

  it("lets the sign-in page, files, the API and server actions through (they answer for themselves)", () => {
    expect(passedOn(send("GET", "/sign-in?next=/x", {}))).toBe(true);
    expect(passedOn(send("GET", "/icon.svg", {}))).toBe(true);
    expect(passedOn(send("GET", "/api/v1/agents", {}))).toBe(true);
    const action = send("POST", "/agents/ag_1/handoffs", { origin: `http://${HOST}`, "next-action": "abc" }, "[]");
    expect(passedOn(action)).toBe(true);
  });
});

describe("allowedHosts", () => {
  it("reads SWITCHBOARD_ALLOWED_HOSTS instead of the defaults", () => {
    const hosts = allowedHosts({ SWITCHBOARD_ALLOWED_HOSTS: "sb.example.com, 10.0.0.5:3000", NODE_ENV: "test" });
    expect(hosts).toEqual([
      { hostname: "sb.example.com", port: null },
      { hostname: "10.0.0.5", port: "3000" },
    ]);
  });

  it("defaults to loopback and the listening host on PORT", () => {
    const hosts = allowedHosts({ PORT: "4000", SWITCHBOARD_HOST: "10.1.2.3", NODE_ENV: "test" });
    expect(hosts.map((h) => `${h.hostname}:${h.port}`)).toEqual([
      "localhost:4000",
      "127.0.0.1:4000",
      "[::1]:4000",
      "10.1.2.3:4000",
    ]);
  });
});
