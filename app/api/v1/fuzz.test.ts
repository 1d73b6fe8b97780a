import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, useTempDatabase } from "@/app/api/v1/_lib/testing/api";

// Nothing a client sends may produce a 5xx: malformed query strings, path ids and bodies at every route.

const tmp = useTempDatabase("fuzz");
const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { listDestinations } = await import("@/db/repositories/handoffs");
const { listFlows } = await import("@/db/repositories/flows");
const { createApiKey } = await import("@/db/repositories/api-keys");
const { storeConversation } = await import("@/db/testing/conversations");
const { publishDraft } = await import("@/db/repositories/versions");
const { insertTestMember } = await import("@/db/testing/members");
const { sampleConversation } = await import("@/lib/conversations/samples");

const ROUTES = {
  "/agents": await import("./agents/route"),
  "/agents/{agentId}": await import("./agents/[agentId]/route"),
  "/agents/{agentId}/export": await import("./agents/[agentId]/export/route"),
  "/agents/import": await import("./agents/import/route"),
  "/agents/{agentId}/versions": await import("./agents/[agentId]/versions/route"),
  "/agents/{agentId}/versions/{version}": await import("./agents/[agentId]/versions/[version]/route"),
  "/agents/{agentId}/versions/{version}/promote": await import("./agents/[agentId]/versions/[version]/promote/route"),
  "/agents/{agentId}/versions/{version}/diff/{other}": await import(
    "./agents/[agentId]/versions/[version]/diff/[other]/route"
  ),
  "/agents/{agentId}/conversations": await import("./agents/[agentId]/conversations/route"),
  "/agents/{agentId}/handoffs": await import("./agents/[agentId]/handoffs/route"),
  "/agents/{agentId}/handoffs/{handoffId}": await import("./agents/[agentId]/handoffs/[handoffId]/route"),
  "/agents/{agentId}/handoffs/{handoffId}/default": await import(
    "./agents/[agentId]/handoffs/[handoffId]/default/route"
  ),
  "/conversations/{conversationId}": await import("./conversations/[conversationId]/route"),
  "/agents/{agentId}/flows": await import("./agents/[agentId]/flows/route"),
  // GET only: a valid body to …/scenarios/run runs the scenarios, Python included (route tests cover its 400s).
  "/agents/{agentId}/scenarios": await import("./agents/[agentId]/scenarios/route"),
  "/flows/{flowId}": await import("./flows/[flowId]/route"),
  "/flows/{flowId}/export": await import("./flows/[flowId]/export/route"),
  "/openapi.json": await import("./openapi.json/route"),
  "/audit": await import("./audit/route"),
  "/agents/{agentId}/handoffs/export": await import("./agents/[agentId]/handoffs/export/route"),
  "/agents/{agentId}/handoffs/import": await import("./agents/[agentId]/handoffs/import/route"),
} as Record<string, Record<string, unknown>>;

/** Routes left out above, each with the reason; any other route.ts on disk must be in ROUTES. */
const NOT_FUZZED: Record<string, string> = {
  "/{...path}": "the catch-all 404/405 for unknown paths; tests in api.test.ts and methods.test.ts",
  "/agents/{agentId}/scenarios/run": "a valid body runs the scenarios, Python included; its 400s are route tests",
  "/agents/{agentId}/validate":
    "compiles every function with Python on each request; its 400 and 404 are route tests (validate.test.ts)",
};

let key: string;
let agentId: string;
let handoffIds: string[];
let conversationId: string;
let flowIds: string[];
beforeAll(() => {
  const db = getDb();
  publishDraft(db, listAgents(db)[0]!.id, { note: "fuzz", author: "tests" });
  key = createApiKey(db, "fuzz", insertTestMember(db)).secret;
  agentId = listAgents(db)[0]!.id;
  handoffIds = listDestinations(db, agentId).map((d) => d.id);
  flowIds = listFlows(db, agentId).map((f) => f.id);
  conversationId = storeConversation(db, sampleConversation(agentId, 1, new Date("2025-05-01T00:00:00Z"))).id;
});
afterAll(() => {
  getDb().$client.close();
  tmp.cleanup();
});

const nasty = fc.constantFrom(
  "",
  " ",
  "%",
  "%ZZ",
  "%00",
  "\u0000",
  "../..",
  "' OR 1=1 --",
  "__proto__",
  "constructor",
  "😀",
  "a".repeat(5000),
  "null",
  "[]",
  "{}",
);
const idArb = () =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    nasty,
    fc.constantFrom(agentId, ...handoffIds, ...flowIds, conversationId, "1", "2", "live", "draft"),
  );

const QUERY_KEYS = ["reason", "destination", "method", "source", "outcome", "from", "to", "q", "cursor", "limit"];
const queryArb = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string(), nasty),
      fc.boolean(),
      fc.oneof(
        fc.string(),
        fc.string({ unit: "binary" }),
        nasty,
        fc.integer().map(String),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.base64String(),
      ),
    ),
    { maxLength: 6 },
  )
  // Some values go in raw, so the query string itself can be malformed (`%ZZ`, stray `&` and `=`).
  .map((pairs) => pairs.map(([k, raw, v]) => `${encodeURIComponent(k)}=${raw ? v : encodeURIComponent(v)}`).join("&"));

const destinationish = fc.record(
  {
    name: fc.oneof(fc.string(), fc.anything()),
    description: fc.oneof(fc.string(), fc.anything()),
    method: fc.oneof(fc.constantFrom("refer", "invite", "bye"), fc.anything()),
    route: fc.oneof(fc.constantFrom("2001", "sip:a@b", "+14155550123", null), fc.anything()),
    sip_headers: fc.oneof(
      fc.array(fc.record({ name: fc.oneof(fc.string(), fc.anything()), value: fc.oneof(fc.string(), fc.anything()) })),
      fc.anything(),
    ),
    refer_header_placement: fc.oneof(fc.constantFrom("request", "both"), fc.anything()),
    is_default: fc.oneof(fc.boolean(), fc.anything()),
  },
  { requiredKeys: [] },
);
const bodyArb = fc.oneof(
  fc.string(),
  nasty,
  fc.json(),
  fc.anything().map((v) => {
    try {
      return JSON.stringify(v) ?? "";
    } catch {
      return "";
    }
  }),
  destinationish.map((v) => JSON.stringify(v) ?? "{}"),
);

describe("the fuzzed routes", () => {
  it("are every route.ts under app/api/v1 except the ones listed with a reason", () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const onDisk = readdirSync(here, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(`${path.sep}route.ts`) || f === "route.ts")
      .map((f) =>
        `/${path.dirname(f).split(path.sep).join("/")}`.replace(
          /\[(\.\.\.)?(\w+)\]/g,
          (_m, dots, n) => `{${dots ?? ""}${n}}`,
        ),
      )
      .sort();
    expect(onDisk).toEqual([...Object.keys(ROUTES), ...Object.keys(NOT_FUZZED)].sort());
  });
});

describe("no 5xx for malformed input", () => {
  for (const [template, mod] of Object.entries(ROUTES)) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function")) {
      it(`${method} ${template}`, async () => {
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        await fc.assert(
          fc.asyncProperty(
            fc.tuple(...names.map(() => idArb())),
            queryArb,
            bodyArb,
            fc.constantFrom<"key" | "none" | "junk">("key", "key", "key", "none", "junk"),
            async (ids, query, body, auth) => {
              const params = Object.fromEntries(names.map((n, i) => [n, ids[i]!]));
              const path = template.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(params[n]!));
              const hasBody = method !== "GET" && method !== "DELETE";
              const r = await call(mod[method], method, `/api/v1${path}?${query}`, {
                key: auth === "key" ? key : null,
                headers:
                  auth === "junk" ? { authorization: `Bearer ${body.slice(0, 40).replace(/[^\x21-\x7e]/g, "")}` } : {},
                params,
                body: hasBody ? body : undefined,
              });
              expect(r.status, JSON.stringify(r.json)).toBeLessThan(500);
              if (r.status >= 400) expect(r.json.error.code, JSON.stringify(r.json)).toEqual(expect.any(String));
            },
          ),
          { numRuns: 120 },
        );
      });
    }
  }
});
