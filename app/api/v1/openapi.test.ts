import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { call, useTempDatabase } from "@/app/api/v1/_lib/testing/api";

const tmp = useTempDatabase("openapi");
const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { createApiKey } = await import("@/db/repositories/api-keys");
const { storeConversation } = await import("@/db/testing/conversations");
const { insertTestMember } = await import("@/db/testing/members");
const { sampleConversation } = await import("@/lib/conversations/samples");
const { buildOpenApiDocument } = await import("@/lib/api/openapi");
const { apiDestinationSchema } = await import("@/lib/api/destinations");
const { apiAgentSchema } = await import("@/lib/api/agents");
const { agentDocumentShapeSchema } = await import("@/lib/agent-document");
const { apiDiffSchema, apiPromoteResponseSchema, apiVersionListSchema, apiVersionSchema, apiVersionSummarySchema } =
  await import("@/lib/api/versions");
const { apiFlowSchema, apiFlowSummarySchema, flowExportSchema } = await import("@/lib/api/flows");
const { listFlows } = await import("@/db/repositories/flows");
const { conversationSchema, conversationSummarySchema } = await import("@/lib/conversations/schema");
const { apiErrorBodySchema } = await import("@/lib/api/errors");

afterAll(() => {
  getDb().$client.close();
  tmp.cleanup();
});

const ROOT = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1 as an OpenAPI path template (`[agentId]` → `{agentId}`). */
function routeFiles(dir = ROOT): { file: string; template: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    // `_lib` is private; `[...path]` is the JSON 404 for unknown endpoints, not an endpoint.
    if (e.isDirectory()) return e.name.startsWith("_") || e.name.startsWith("[...") ? [] : routeFiles(full);
    if (e.name !== "route.ts") return [];
    const rel = path.relative(ROOT, dir).split(path.sep).filter(Boolean);
    return [{ file: full, template: "/" + rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/") }];
  });
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // …and the validator does reject a broken one.
    const broken = { ...structuredClone(doc), paths: { "/x": { get: { responses: { "200": { content: 5 } } } } } };
    expect((await new Validator().validate(broken as never)).valid).toBe(false);
  });

  it("describes every route file, with exactly the methods it exports", async () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const { file, template } of routes) {
      expect(doc.paths, `${template} (${path.relative(process.cwd(), file)})`).toHaveProperty([template]);
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === "function").map((m) => m.toLowerCase());
      const documented = Object.keys(doc.paths[template]!).filter((k) => k !== "parameters");
      expect(documented.sort(), template).toEqual(exported.sort());
    }
    expect(Object.keys(doc.paths).sort()).toEqual(routes.map((r) => r.template).sort());
  });

  it("says for every operation the permission its handler checks, and documents 401 and 403", async () => {
    for (const { file, template } of routeFiles()) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, { access?: unknown }>;
      for (const method of METHODS) {
        const handler = mod[method];
        if (!handler) continue;
        const op = doc.paths[template]![method.toLowerCase()] as {
          "x-permission"?: string;
          security?: unknown[];
          responses: Record<string, unknown>;
        };
        const access = handler.access as { permission?: string; public?: true };
        if (access.public) {
          expect(op.security, `${method} ${template}`).toEqual([]);
          continue;
        }
        expect(op["x-permission"], `${method} ${template}`).toBe(access.permission);
        expect(Object.keys(op.responses), `${method} ${template}`).toEqual(expect.arrayContaining(["401", "403"]));
      }
    }
  });

  it("every route with input has a schema.ts beside it", () => {
    for (const { file } of routeFiles()) {
      const src = readFileSync(file, "utf8");
      const takesInput = /readJson|searchParams/.test(src);
      if (takesInput) expect(readFileSync(path.join(path.dirname(file), "schema.ts"), "utf8")).toMatch(/export/);
    }
  });

  it("matches what the handlers answer (checked with the schemas it is generated from)", async () => {
    const db = getDb();
    const key = createApiKey(db, "openapi", insertTestMember(db)).secret;
    const agentId = listAgents(db)[0]!.id;
    const conv = storeConversation(db, sampleConversation(agentId, 0, new Date("2025-05-01T09:00:00Z")));
    const r = async (route: string, url: string, params: Record<string, string>, method = "GET", body?: unknown) =>
      (
        await call((await import(/* @vite-ignore */ path.join(ROOT, route, "route.ts")))[method], method, url, {
          key,
          params,
          body,
        })
      ).json;

    z.object({ data: z.array(apiAgentSchema.strict()) })
      .strict()
      .parse(await r("agents", "/api/v1/agents", {}));
    apiAgentSchema.strict().parse(await r("agents/[agentId]", "/api/v1/agents/x", { agentId }));
    const exported = await r("agents/[agentId]/export", "/x", { agentId });
    agentDocumentShapeSchema.parse(exported);
    const imported = await call((await import("./agents/import/route")).POST, "POST", "/api/v1/agents/import", {
      key,
      body: exported,
    });
    expect(imported.status).toBe(201);
    apiAgentSchema.strict().parse(imported.json);
    apiVersionSummarySchema
      .strict()
      .parse(await r("agents/[agentId]/versions", "/x", { agentId }, "POST", { note: "n" }));
    apiVersionListSchema.strict().parse(await r("agents/[agentId]/versions", "/x", { agentId }));
    apiVersionSchema.strict().parse(await r("agents/[agentId]/versions/[version]", "/x", { agentId, version: "1" }));
    apiPromoteResponseSchema
      .strict()
      .parse(await r("agents/[agentId]/versions/[version]/promote", "/x", { agentId, version: "1" }, "POST"));
    apiDiffSchema
      .strict()
      .parse(
        await r("agents/[agentId]/versions/[version]/diff/[other]", "/x", { agentId, version: "1", other: "draft" }),
      );
    z.object({ data: z.array(apiFlowSummarySchema.strict()) })
      .strict()
      .parse(await r("agents/[agentId]/flows", "/x", { agentId }));
    const flowId = listFlows(db, agentId)[0]?.id ?? "none";
    apiFlowSchema.strict().parse(await r("flows/[flowId]", "/x", { flowId }));
    flowExportSchema.strict().parse(await r("flows/[flowId]/export", "/x", { flowId }));
    z.object({ data: z.array(apiDestinationSchema.strict()) })
      .strict()
      .parse(await r("agents/[agentId]/handoffs", "/x", { agentId }));
    z.object({ data: z.array(conversationSummarySchema.strict()), next_cursor: z.string().nullable() })
      .strict()
      .parse(await r("agents/[agentId]/conversations", "/x", { agentId }));
    conversationSchema.strict().parse(await r("conversations/[conversationId]", "/x", { conversationId: conv.id }));
    apiErrorBodySchema.parse(await r("conversations/[conversationId]", "/x", { conversationId: "nope" }));
    apiErrorBodySchema.parse(await r("agents/[agentId]/handoffs", "/x", { agentId }, "POST", { name: 1 }));
  });
});
