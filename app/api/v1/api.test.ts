import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, useTempDatabase } from "@/app/api/v1/_lib/testing/api";

const tmp = useTempDatabase("api");

const { getDb } = await import("@/db/server");
const { createAgent, listAgents } = await import("@/db/repositories/agents");
const { createApiKey, revokeApiKey } = await import("@/db/repositories/api-keys");
const { storeConversation } = await import("@/db/testing/conversations");
const { insertTestMember } = await import("@/db/testing/members");
const { sampleHandoff } = await import("@/lib/conversations/samples");
const { DEMO_BILLING, DEMO_DESTINATIONS } = await import("@/lib/handoffs/demo");
const agentsRoute = await import("./agents/route");
const agentRoute = await import("./agents/[agentId]/route");
const exportRoute = await import("./agents/[agentId]/export/route");
const conversationsRoute = await import("./agents/[agentId]/conversations/route");
const conversationRoute = await import("./conversations/[conversationId]/route");
const handoffsRoute = await import("./agents/[agentId]/handoffs/route");
const handoffRoute = await import("./agents/[agentId]/handoffs/[handoffId]/route");
const defaultRoute = await import("./agents/[agentId]/handoffs/[handoffId]/default/route");
const openapiRoute = await import("./openapi.json/route");
const unknownRoute = await import("./[...path]/route");
const flowsRoute = await import("./agents/[agentId]/flows/route");
const flowRoute = await import("./flows/[flowId]/route");
const flowExportRoute = await import("./flows/[flowId]/export/route");

let key: string;
let demoId: string;
let convAgent: string;

beforeAll(() => {
  const db = getDb();
  demoId = listAgents(db)[0]!.id;
  key = createApiKey(db, "tests", insertTestMember(db)).secret;
  convAgent = createAgent(db, "Conversations").id;
});
afterAll(() => {
  getDb().$client.close();
  tmp.cleanup();
});

const base = "/api/v1";
const get = (handler: unknown, url: string, params: Record<string, string> = {}) =>
  call(handler, "GET", base + url, { key, params });

describe("authentication", () => {
  it("refuses a missing, malformed, unknown or revoked key with a 401 JSON error", async () => {
    const unknownKey = "sk_live_" + "a".repeat(32);
    for (const authorization of [
      undefined,
      "",
      "Bearer",
      "Basic Zm9vOmJhcg==",
      `Bearer ${unknownKey}`,
      `Bearer ${key}x`,
      key,
    ]) {
      const r = await call(agentsRoute.GET, "GET", `${base}/agents`, {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(r.status, String(authorization)).toBe(401);
      expect(r.json.error.code).toBe("unauthorized");
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const revoked = createApiKey(getDb(), "to revoke", insertTestMember(getDb()));
    expect((await call(agentsRoute.GET, "GET", `${base}/agents`, { key: revoked.secret })).status).toBe(200);
    revokeApiKey(getDb(), revoked.apiKey.id);
    expect((await call(agentsRoute.GET, "GET", `${base}/agents`, { key: revoked.secret })).status).toBe(401);
  });

  it("checks the key before anything else, on every route", async () => {
    const r = await call(handoffsRoute.POST, "POST", `${base}/agents/nope/handoffs`, {
      params: { agentId: "nope" },
      body: "{not json",
    });
    expect(r.status).toBe(401);
    expect(
      (await call(conversationRoute.GET, "GET", `${base}/conversations/x`, { params: { conversationId: "x" } })).status,
    ).toBe(401);
  });

  it("answers unknown endpoints with a JSON 404", async () => {
    const r = await call(unknownRoute.POST, "POST", `${base}/agents/x/nope`, {
      params: { path: ["agents", "x", "nope"] },
    });
    expect(r.status).toBe(404);
    expect(r.json.error).toEqual({
      code: "not_found",
      message: "No endpoint POST /api/v1/agents/x/nope; see /api/v1/openapi.json",
    });
  });

  it("serves the OpenAPI document without a key", async () => {
    const r = await call(openapiRoute.GET, "GET", `${base}/openapi.json`);
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe("3.1.0");
  });
});

describe("agents", () => {
  it("lists, reads and exports agents in snake_case", async () => {
    const list = await get(agentsRoute.GET, "/agents");
    expect(list.status).toBe(200);
    expect(list.json.data[0]).toMatchObject({
      id: demoId,
      name: "Acme Support",
      trunk_host: expect.any(String),
      function_timeout_ms: 2000,
    });
    const one = await get(agentRoute.GET, `/agents/${demoId}`, { agentId: demoId });
    expect(one.json).toEqual(list.json.data[0]);
    const exp = await get(exportRoute.GET, `/agents/${demoId}/export`, { agentId: demoId });
    expect(exp.json).toMatchObject({ format: 1, agent: { name: "Acme Support" } });
    // The seeded destinations, in the wire format.
    expect(exp.json.destinations.map((h: { name: string }) => h.name)).toEqual(DEMO_DESTINATIONS.map((d) => d.name));
    expect(exp.json.destinations[1]).toEqual({
      name: "Billing Support",
      description: DEMO_BILLING.description,
      method: "invite",
      route: "sip:billing@pbx.acme.example",
      sip_headers: DEMO_BILLING.sipHeaders,
      refer_header_placement: "request",
      is_default: false,
    });
    expect(exp.json.variables.map((v: { name: string }) => v.name)).toEqual(["customer_id", "tier"]);
  });

  it("lists, reads and exports flows", async () => {
    const list = await get(flowsRoute.GET, `/agents/${demoId}/flows`, { agentId: demoId });
    expect(list.status).toBe(200);
    expect(list.json.data.length).toBeGreaterThan(0);
    const summary = list.json.data[0];
    expect(summary).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      revision: expect.any(Number),
      node_count: expect.any(Number),
      updated_at: expect.any(String),
    });
    const flow = await get(flowRoute.GET, `/flows/${summary.id}`, { flowId: summary.id });
    expect(flow.json).toMatchObject({
      id: summary.id,
      agent_id: demoId,
      name: summary.name,
      revision: summary.revision,
    });
    expect(flow.json.nodes).toHaveLength(summary.node_count);
    const exp = await get(flowExportRoute.GET, `/flows/${summary.id}/export`, { flowId: summary.id });
    expect(exp.json).toMatchObject({ format: "switchboard.flow", version: 1, name: summary.name });
    const agentExport = await get(exportRoute.GET, `/agents/${demoId}/export`, { agentId: demoId });
    // The agent document holds the same nodes, with handoff nodes naming their destination.
    expect(agentExport.json.flows[0].edges).toEqual(exp.json.edges);
    const named = agentExport.json.flows[0].nodes.find((n: { type: string }) => n.type === "handoff").data;
    expect(named).toHaveProperty("destination");
    expect(named).not.toHaveProperty("destinationId");
    for (const handler of [flowRoute.GET, flowExportRoute.GET]) {
      const r = await get(handler, "/flows/flow_nope", { flowId: "flow_nope" });
      expect(r.status).toBe(404);
      expect(r.json.error.message).toBe("No flow with that id");
    }
  });

  it("404s unknown agents", async () => {
    for (const [handler, suffix] of [
      [agentRoute.GET, ""],
      [exportRoute.GET, "/export"],
      [handoffsRoute.GET, "/handoffs"],
      [conversationsRoute.GET, "/conversations"],
      [flowsRoute.GET, "/flows"],
    ] as const) {
      const r = await get(handler, `/agents/agt_nope${suffix}`, { agentId: "agt_nope" });
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ error: { code: "not_found", message: "No agent with that id" } });
    }
  });
});

describe("conversations", () => {
  const t0 = Date.parse("2025-05-01T09:00:00.000Z");
  const minute = 60_000;
  const ids: Record<string, string> = {};

  beforeAll(() => {
    const db = getDb();
    const turn = (text: string) => [{ role: "caller" as const, text, at: new Date(t0).toISOString() }];
    const add = (name: string, offsetMin: number, extra: Record<string, unknown>) => {
      ids[name] = storeConversation(db, {
        agent_id: convAgent,
        started_at: new Date(t0 + offsetMin * minute).toISOString(),
        outcome: "hangup",
        ...extra,
      }).id;
    };
    add("builtin", 0, {
      outcome: "handoff",
      handoff: { ...sampleHandoff("builtin", 0), reason: "needs_human" },
      turns: turn("I need a human"),
    });
    add("function", 1, {
      outcome: "handoff",
      handoff: { ...sampleHandoff("function", 1), reason: "billing" },
      turns: turn("Invoice is 100% wrong"),
    });
    add("transfer", 2, {
      outcome: "handoff",
      handoff: { ...sampleHandoff("transfer_call", 2), soft: true },
      turns: turn("Complaint about a_b"),
    });
    // The transfer was busy; the caller then hung up: a hangup that keeps its failed handoff.
    const busy = { destination: "Front desk", method: "refer", outcome: "busy", sip_status: 486 } as const;
    add("hangup", 60 * 24, {
      turns: turn("Thanks, bye"),
      handoff: {
        ...sampleHandoff("builtin", 3),
        destination: "Front desk",
        method: "refer",
        outcome: "busy",
        sip_status: 486,
        attempts: [
          { ...busy, at: "2025-05-02T09:00:05.000Z" },
          { ...busy, at: "2025-05-02T09:00:09.000Z" },
        ],
      },
      transfer_attempts: [
        { ...busy, at: "2025-05-02T09:00:05.000Z" },
        { ...busy, at: "2025-05-02T09:00:09.000Z" },
      ],
    });
    add("abandoned", 60 * 48, { outcome: "abandoned" });
  });

  const list = (query: string) =>
    get(conversationsRoute.GET, `/agents/${convAgent}/conversations${query}`, { agentId: convAgent });
  const names = async (query: string) => {
    const r = await list(query);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json.data.map((c: { id: string }) => Object.keys(ids).find((k) => ids[k] === c.id));
  };

  it("lists summaries newest first", async () => {
    const r = await list("");
    expect(r.json.next_cursor).toBeNull();
    expect(await names("")).toEqual(["abandoned", "hangup", "transfer", "function", "builtin"]);
    expect(r.json.data[2]).toEqual({
      id: ids.transfer,
      agent_id: convAgent,
      flow_id: null,
      channel: "simulator",
      version: null,
      started_at: "2025-05-01T09:02:00.000Z",
      ended_at: null,
      duration_ms: 0,
      outcome: "handoff",
      end_reason: null,
      turn_count: 1,
      reason: "complaint",
      destination: "Hand back to IVR",
      method: "bye",
      source: "transfer_call",
      transfer_outcome: "completed",
      handoff: { ...sampleHandoff("transfer_call", 2), soft: true },
    });
    // Each row carries the whole handoff record, exactly as the conversation's own page returns it.
    for (const row of r.json.data as { id: string; handoff: unknown }[]) {
      const detail = await get(conversationRoute.GET, `/conversations/${row.id}`, { conversationId: row.id });
      expect(row.handoff).toEqual(detail.json.handoff);
    }
  });

  it.each([
    ["?outcome=handoff", ["transfer", "function", "builtin"]],
    ["?outcome=abandoned", ["abandoned"]],
    ["?reason=needs_human", ["builtin"]],
    ["?destination=Billing%20Support", ["function"]],
    ["?method=bye", ["transfer"]],
    ["?method=refer", ["hangup", "builtin"]],
    ["?transfer_outcome=completed", ["transfer", "function", "builtin"]],
    ["?transfer_outcome=busy", ["hangup"]],
    ["?transfer_outcome=no_answer", []],
    ["?outcome=hangup&transfer_outcome=busy&destination=Front%20desk", ["hangup"]],
    ["?source=function", ["function"]],
    ["?source=transfer_call", ["transfer"]],
    ["?from=2025-05-02", ["abandoned", "hangup"]],
    ["?to=2025-05-01", ["transfer", "function", "builtin"]],
    ["?from=2025-05-01T09:01:00Z&to=2025-05-01T09:02:00.000Z", ["transfer", "function"]],
    ["?from=2025-05-01T11:01:00%2B02:00", ["abandoned", "hangup", "transfer", "function"]],
    ["?q=human", ["builtin"]],
    ["?q=100%25", ["function"]],
    ["?q=a_b", ["transfer"]],
    ["?q=THANKS", ["hangup"]],
    ["?q=nothing-like-this", []],
    ["?outcome=handoff&source=builtin&q=human", ["builtin"]],
    ["?outcome=&reason=", ["abandoned", "hangup", "transfer", "function", "builtin"]],
  ])("filters %s", async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it.each([
    ["?outcome=transferred", "outcome", /Expected one of handoff, hangup, abandoned/],
    ["?method=REFER", "method", /Expected one of/],
    ["?source=ivr", "source", /Expected one of/],
    ["?transfer_outcome=success", "transfer_outcome", /Expected one of completed, busy, no_answer/],
    ["?from=yesterday", "from", /Expected a date/],
    ["?to=2025-02-30", "to", /Expected a date/],
    ["?from=2025-05-03&to=2025-05-01", "to", /before from/],
    ["?limit=0", "limit", /1 to 200/],
    ["?limit=201", "limit", /1 to 200/],
    ["?limit=ten", "limit", /1 to 200/],
    ["?limit=-1", "limit", /1 to 200/],
    ["?cursor=abc", "cursor", /Not a cursor/],
    ["?cursor=" + Buffer.from('["x","y"]').toString("base64url"), "cursor", /Not a cursor/],
    ["?q=" + "x".repeat(201), "q", /at most 200/],
    ["?sort=asc", "sort", /Unknown parameter/],
    ["?limit=1&limit=2", "limit", /once/],
  ])("answers %s with a 400 field error", async (query, field, message) => {
    const r = await list(query);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_request");
    expect(r.json.error.fields[field]).toMatch(message);
  });

  it("pages with an opaque cursor", async () => {
    const first = await list("?limit=2");
    expect(first.json.data).toHaveLength(2);
    expect(first.json.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await list(`?limit=2&cursor=${first.json.next_cursor}`);
    const third = await list(`?limit=2&cursor=${second.json.next_cursor}`);
    expect(third.json.data).toHaveLength(1);
    expect(third.json.next_cursor).toBeNull();
    // The cursor works with filters too.
    const filtered = await list(`?outcome=handoff&limit=1&cursor=${first.json.next_cursor}`);
    expect(filtered.json.data.map((c: { id: string }) => c.id)).toEqual([ids.transfer]);
  });

  it("stays stable while newer calls arrive between pages: no duplicates, no skipped older rows", async () => {
    const db = getDb();
    const agent = createAgent(db, "Busy").id;
    const start = Date.parse("2025-06-01T00:00:00.000Z");
    let clock = 0;
    // Several rows share a started_at so the id tie-break is exercised.
    const insertAt = (ms: number) =>
      storeConversation(db, { agent_id: agent, started_at: new Date(ms).toISOString(), outcome: "hangup" }).id;
    const initial = Array.from({ length: 23 }, (_, i) => insertAt(start + Math.floor(i / 3) * 1000));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await get(
        conversationsRoute.GET,
        `/agents/${agent}/conversations?limit=4${cursor ? `&cursor=${cursor}` : ""}`,
        { agentId: agent },
      );
      expect(r.status).toBe(200);
      seen.push(...r.json.data.map((c: { id: string }) => c.id));
      cursor = r.json.next_cursor;
      // Calls land between page fetches: a newer one, one at the same instant as the newest row, and
      // one at the same instant as the page's last row (the cursor's boundary, where a tie-break
      // mistake would skip or repeat rows).
      insertAt(start + 3_600_000 + clock++ * 1000);
      insertAt(start + 7_000);
      const boundary = r.json.data.at(-1)?.started_at as string | undefined;
      if (boundary) insertAt(Date.parse(boundary));
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of initial) expect(seen).toContain(id);
  });

  it("returns the full record with a handoff object for builtin, function and transfer_call handoffs", async () => {
    const expectHandoff = async (name: string, handoff: Record<string, unknown>) => {
      const r = await get(conversationRoute.GET, `/conversations/${ids[name]}`, { conversationId: ids[name]! });
      expect(r.status).toBe(200);
      expect(Object.keys(r.json.handoff ?? {}).sort()).toEqual(
        handoff === null
          ? []
          : [
              "attempts",
              "destination",
              "function",
              "method",
              "node_id",
              "outcome",
              "reason",
              "route",
              "sip_headers",
              "sip_status",
              "soft",
              "source",
              "topic",
              "utterance",
            ],
      );
      expect(r.json.handoff).toEqual(handoff);
      return r.json;
    };
    const builtin = await expectHandoff("builtin", {
      destination: "Front desk",
      method: "refer",
      route: "sip:frontdesk@pbx.acme.example",
      reason: "needs_human",
      utterance: "Let me transfer you to a colleague.",
      sip_headers: [{ name: "X-Customer-ID", value: "cust0" }],
      source: "builtin",
      function: null,
      topic: null,
      node_id: "node_0",
      soft: false,
      outcome: "completed",
      sip_status: 200,
      attempts: [
        {
          destination: "Front desk",
          method: "refer",
          outcome: "completed",
          sip_status: 200,
          at: "2025-01-01T00:00:30.000Z",
        },
      ],
    });
    expect(builtin).toMatchObject({
      id: ids.builtin,
      agent_id: convAgent,
      outcome: "handoff",
      turns: [{ role: "caller", text: "I need a human" }],
    });
    await expectHandoff(
      "function",
      expect.objectContaining({
        source: "function",
        function: "route_call",
        node_id: null,
        method: "invite",
        reason: "billing",
      }),
    );
    await expectHandoff(
      "transfer",
      expect.objectContaining({
        source: "transfer_call",
        function: "route_call",
        soft: true,
        method: "bye",
        route: null,
      }),
    );
    // A call whose transfer failed keeps the handoff with its outcome, and every attempt.
    const hangup = await get(conversationRoute.GET, `/conversations/${ids.hangup}`, { conversationId: ids.hangup! });
    expect(hangup.json).toMatchObject({ outcome: "hangup", handoff: { outcome: "busy", sip_status: 486 } });
    expect(hangup.json.handoff.attempts).toHaveLength(2);
    expect(hangup.json.transfer_attempts).toEqual(hangup.json.handoff.attempts);
    const abandoned = await get(conversationRoute.GET, `/conversations/${ids.abandoned}`, {
      conversationId: ids.abandoned!,
    });
    expect(abandoned.json).toMatchObject({ handoff: null, transfer_attempts: [] });
  });

  it("404s an unknown conversation", async () => {
    const r = await get(conversationRoute.GET, "/conversations/conv_nope", { conversationId: "conv_nope" });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe("not_found");
  });
});

describe("conversations handed off by a knowledge topic", () => {
  let agent: string;
  const stored: Record<string, string> = {};
  beforeAll(() => {
    const db = getDb();
    agent = createAgent(db, "Topics").id;
    stored.topic = storeConversation(db, {
      agent_id: agent,
      started_at: "2025-06-01T09:00:00.000Z",
      outcome: "handoff",
      handoff: sampleHandoff("topic", 0),
    }).id;
    stored.builtin = storeConversation(db, {
      agent_id: agent,
      started_at: "2025-06-01T09:01:00.000Z",
      outcome: "handoff",
      handoff: sampleHandoff("builtin", 1),
    }).id;
  });

  it("filters by source topic and returns the topic's name in the record", async () => {
    const r = await get(conversationsRoute.GET, `/agents/${agent}/conversations?source=topic`, { agentId: agent });
    expect(r.status).toBe(200);
    expect(r.json.data.map((c: { id: string; source: string }) => [c.id, c.source])).toEqual([[stored.topic, "topic"]]);
    const one = await get(conversationRoute.GET, `/conversations/${stored.topic}`, { conversationId: stored.topic! });
    expect(one.json.handoff).toMatchObject({ source: "topic", topic: "Speak to a human", function: null });
    const builtin = await get(conversationRoute.GET, `/conversations/${stored.builtin}`, {
      conversationId: stored.builtin!,
    });
    expect(builtin.json.handoff).toMatchObject({ source: "builtin", topic: null });
  });

  it("refuses an unknown source with a 400 naming the field", async () => {
    const r = await get(conversationsRoute.GET, `/agents/${agent}/conversations?source=faq`, { agentId: agent });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain("source");
  });
});

describe("handoff destinations", () => {
  let agentId: string;
  beforeAll(() => {
    agentId = createAgent(getDb(), "Handoffs").id;
  });
  const coll = () => `${base}/agents/${agentId}/handoffs`;
  const send = (handler: unknown, method: string, url: string, body: unknown, params: Record<string, string> = {}) =>
    call(handler, method, url, { key, body, params: { agentId, ...params } });

  it("creates, reads, patches, replaces, sets default and deletes", async () => {
    const created = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Escalations",
      route: "2001",
      sip_headers: [{ name: "X-Queue", value: "tier2 $caller_id" }],
      refer_header_placement: "both",
      attempts: 2,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "Escalations",
      method: "refer",
      route: "2001",
      sip_headers: [{ name: "X-Queue", value: "tier2 $caller_id" }],
      refer_header_placement: "both",
      ring_timeout_seconds: 30,
      attempts: 2,
      is_default: true,
      agent_id: agentId,
    });
    const id = created.json.id as string;
    expect(created.headers.get("location")).toBe(`/api/v1/agents/${agentId}/handoffs/${id}`);

    const second = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Hand back",
      method: "bye",
      is_default: true,
    });
    expect(second.status).toBe(201);
    expect(second.json.is_default).toBe(true);
    const list = await send(handoffsRoute.GET, "GET", coll(), undefined);
    expect(list.json.data.map((d: { name: string; is_default: boolean }) => [d.name, d.is_default])).toEqual([
      ["Escalations", false],
      ["Hand back", true],
    ]);

    const one = await send(handoffRoute.GET, "GET", `${coll()}/${id}`, undefined, { handoffId: id });
    expect(one.json).toEqual({ ...created.json, is_default: false });

    const patched = await send(
      handoffRoute.PATCH,
      "PATCH",
      `${coll()}/${id}`,
      { description: "Tier 2", ring_timeout_seconds: 15 },
      { handoffId: id },
    );
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      name: "Escalations",
      description: "Tier 2",
      route: "2001",
      refer_header_placement: "both",
      ring_timeout_seconds: 15,
      attempts: 2,
    });

    const toBye = await send(handoffRoute.PATCH, "PATCH", `${coll()}/${id}`, { method: "bye" }, { handoffId: id });
    expect(toBye.json).toMatchObject({ method: "bye", route: null, refer_header_placement: "request" });

    const replaced = await send(
      handoffRoute.PUT,
      "PUT",
      `${coll()}/${id}`,
      { name: "Escalations", method: "invite", route: "+14155550123" },
      { handoffId: id },
    );
    expect(replaced.json).toMatchObject({ description: "", method: "invite", route: "+14155550123", sip_headers: [] });

    const def = await send(defaultRoute.POST, "POST", `${coll()}/${id}/default`, undefined, { handoffId: id });
    expect(def.json.is_default).toBe(true);
    const undefault = await send(
      handoffRoute.PATCH,
      "PATCH",
      `${coll()}/${id}`,
      { is_default: false },
      { handoffId: id },
    );
    expect(undefault.status).toBe(400);
    expect(undefault.json.error.fields.is_default).toMatch(/always has a default/);
    const viaPatch = await send(
      handoffRoute.PATCH,
      "PATCH",
      `${coll()}/${second.json.id}`,
      { is_default: true },
      { handoffId: second.json.id },
    );
    expect(viaPatch.json.is_default).toBe(true);

    const deleted = await send(handoffRoute.DELETE, "DELETE", `${coll()}/${second.json.id}`, undefined, {
      handoffId: second.json.id,
    });
    expect(deleted.json).toEqual({ id: second.json.id, deleted: true, new_default_id: id });
    const gone = await send(handoffRoute.GET, "GET", `${coll()}/${second.json.id}`, undefined, {
      handoffId: second.json.id,
    });
    expect(gone.status).toBe(404);
    expect(gone.json.error).toEqual({ code: "not_found", message: "No handoff destination with that id" });
  });

  it.each([
    ["CR LF", "abc\r\nX-Injected: 1"],
    ["LF", "abc\nVia: SIP/2.0/UDP evil"],
    ["CR", "abc\rdef"],
    ["NUL", "abc\u0000"],
    ["U+2028", "abc\u2028X-Injected: 1"],
    ["U+2029", "abc\u2029X-Injected: 1"],
    ["U+0085", "abc\u0085X-Injected: 1"],
  ])("rejects a header value with %s as a 400 on sip_headers.0.value, writing nothing", async (_label, value) => {
    const before = (await send(handoffsRoute.GET, "GET", coll(), undefined)).json;
    const r = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Injected",
      route: "2001",
      sip_headers: [{ name: "X-Customer-ID", value }],
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_request");
    expect(r.json.error.fields["sip_headers.0.value"]).toMatch(/control characters/);
    expect((await send(handoffsRoute.GET, "GET", coll(), undefined)).json).toEqual(before);
  });

  it.each([
    ["sip:r@pbx.example;x=\u0000\u001b", "control characters (found NUL)"],
    ["sip:r@pbx.example\r\nVia: x", "control characters (found CR)"],
    ["sip:r@pbx.example\u2028", "control characters (found U+2028)"],
    ["sip:r@pbx.example?X-A=%0D%0AVia:%20x", "escaped control characters"],
    ["sip:r@pbx.example?Via=x", 'Route header "Via"'],
    ["sip:r@pbx.example?X-A=caf\u00e9", "must be percent-escaped"],
  ])("rejects the route %j as a 400 on route, writing nothing", async (route, message) => {
    const before = (await send(handoffsRoute.GET, "GET", coll(), undefined)).json;
    const r = await send(handoffsRoute.POST, "POST", coll(), { name: "Hostile route", method: "invite", route });
    expect(r.status).toBe(400);
    expect(r.json.error.fields.route).toContain(message);
    expect((await send(handoffsRoute.GET, "GET", coll(), undefined)).json).toEqual(before);
  });

  it("reports field errors in snake_case", async () => {
    const shape = await send(handoffsRoute.POST, "POST", coll(), {
      name: "",
      sip_headers: [{ name: "X-Ok", value: 5 }],
      refer_header_placement: "sideways",
      sipHeaders: [],
      is_default: "yes",
    });
    expect(shape.status).toBe(400);
    expect(Object.keys(shape.json.error.fields).sort()).toEqual(
      ["is_default", "name", "refer_header_placement", "sip_headers.0.value", "sipHeaders"].sort(),
    );
    expect(shape.json.error.fields.sipHeaders).toMatch(/sip_headers/);
    const transfer = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Transfer settings",
      route: "2001",
      ring_timeout_seconds: "30",
      attempts: 4,
    });
    expect(transfer.status).toBe(400);
    expect(transfer.json.error.fields).toEqual({
      ring_timeout_seconds: "Expected a whole number",
      attempts: "Choose 1, 2 or 3 attempts",
    });
    const slow = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Slow",
      route: "2001",
      ring_timeout_seconds: 600,
    });
    expect(slow.json.error.fields).toEqual({
      ring_timeout_seconds: "Enter a whole number of seconds from 5 to 120",
    });
    const rules = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Rules",
      method: "invite",
      route: "pbx.example",
      sip_headers: [
        { name: "Via", value: "x" },
        { name: "X-A", value: "1" },
        { name: "x-a", value: "2" },
      ],
    });
    expect(rules.status).toBe(400);
    expect(Object.keys(rules.json.error.fields).sort()).toEqual(["route", "sip_headers.0.name", "sip_headers.2.name"]);
  });

  it("outbound_endpoint and outbound_encryption: INVITE only, validated, dropped when a PATCH leaves INVITE", async () => {
    const bad = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Trunked",
      method: "invite",
      route: "+14155550123",
      outbound_endpoint: "sip:edge.example",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ outbound_endpoint: expect.stringMatching(/without "sip:"/) });
    const badEncryption = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Trunked",
      method: "invite",
      route: "+14155550123",
      outbound_encryption: "TLS",
    });
    expect(badEncryption.json.error.fields).toEqual({ outbound_encryption: "Choose UDP/RTP or TLS/SRTP" });
    const onRefer = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Trunked",
      route: "2001",
      outbound_endpoint: "edge.example",
    });
    expect(onRefer.json.error.fields).toEqual({
      outbound_endpoint: "Only a SIP INVITE is sent through an outbound endpoint; clear it",
    });
    const created = await send(handoffsRoute.POST, "POST", coll(), {
      name: "Trunked",
      method: "invite",
      route: "+14155550123",
      outbound_endpoint: " edge.example:5061 ",
      outbound_encryption: "TLS/SRTP",
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ outbound_endpoint: "edge.example:5061", outbound_encryption: "TLS/SRTP" });
    const id = created.json.id as string;
    const toRefer = await send(handoffRoute.PATCH, "PATCH", `${coll()}/${id}`, { method: "refer" }, { handoffId: id });
    expect(toRefer.status).toBe(200);
    expect(toRefer.json).toMatchObject({ method: "refer", outbound_endpoint: null, outbound_encryption: "UDP/RTP" });
    const plain = await send(handoffsRoute.POST, "POST", coll(), { name: "Plain", route: "2001" });
    expect(plain.json).toMatchObject({ outbound_endpoint: null, outbound_encryption: "UDP/RTP" });
  });

  it("answers a duplicate name (ignoring case) with 409, on create and on rename", async () => {
    await send(handoffsRoute.POST, "POST", coll(), { name: "Billing", route: "2002" });
    const dup = await send(handoffsRoute.POST, "POST", coll(), { name: "BILLING", route: "2003" });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({
      code: "conflict",
      fields: { name: 'A destination named "BILLING" already exists for this agent' },
    });
    const other = await send(handoffsRoute.POST, "POST", coll(), { name: "Other", route: "2004" });
    const rename = await send(
      handoffRoute.PATCH,
      "PATCH",
      `${coll()}/${other.json.id}`,
      { name: "billing" },
      { handoffId: other.json.id },
    );
    expect(rename.status).toBe(409);
  });

  it("answers bodies that are not JSON objects with 400", async () => {
    for (const body of ["{not json", "", "[]", "null", "42", '"x"']) {
      const r = await send(handoffsRoute.POST, "POST", coll(), body);
      expect(r.status, body).toBe(400);
      expect(["invalid_json", "invalid_request"]).toContain(r.json.error.code);
    }
    const bad = await send(handoffsRoute.POST, "POST", coll(), "{not json");
    expect(bad.json.error.code).toBe("invalid_json");
  });

  it("404s unknown destinations and agents on every method", async () => {
    const params = { handoffId: "hd_nope" };
    for (const [handler, method] of [
      [handoffRoute.GET, "GET"],
      [handoffRoute.PATCH, "PATCH"],
      [handoffRoute.PUT, "PUT"],
      [handoffRoute.DELETE, "DELETE"],
      [defaultRoute.POST, "POST"],
    ] as const) {
      const r = await send(
        handler,
        method,
        `${coll()}/hd_nope`,
        method === "PATCH" || method === "PUT" ? { name: "x", method: "bye" } : undefined,
        params,
      );
      expect(r.status, method).toBe(404);
    }
    const r = await call(handoffsRoute.POST, "POST", `${base}/agents/agt_nope/handoffs`, {
      key,
      params: { agentId: "agt_nope" },
      body: { name: "x", method: "bye" },
    });
    expect(r.status).toBe(404);
  });

  it("does not reach another agent's destination", async () => {
    const demoDest = (
      await call(handoffsRoute.GET, "GET", `${base}/agents/${demoId}/handoffs`, { key, params: { agentId: demoId } })
    ).json.data[0];
    const r = await send(handoffRoute.GET, "GET", `${coll()}/${demoDest.id}`, undefined, { handoffId: demoDest.id });
    expect(r.status).toBe(404);
  });
});
