import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeConversation } from "../testing/conversations";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { createAgent } from "./agents";
import {
  getConversation,
  getConversationJson,
  insertConversation,
  listConversations,
  listConversationsJson,
} from "./conversations";
import { decodeCursor } from "../../lib/conversations/filters";
import { sampleConversation, sampleHandoff } from "../../lib/conversations/samples";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;

beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = createAgent(db, "Test agent").id;
});
afterEach(() => ctx.cleanup());

const t0 = Date.parse("2025-05-01T09:00:00.000Z");

describe("conversations repository", () => {
  it("stores a record with defaults and reads it back whole", () => {
    const stored = storeConversation(db, {
      agent_id: agentId,
      started_at: "2025-05-01T11:00:00+02:00",
      outcome: "hangup",
    });
    expect(stored.id).toMatch(/^conv_/);
    // Timestamps are normalised to UTC so they order and page as text.
    expect(stored.started_at).toBe("2025-05-01T09:00:00.000Z");
    expect(getConversation(db, stored.id)).toEqual({
      id: stored.id,
      agent_id: agentId,
      flow_id: null,
      channel: "simulator",
      version: null,
      started_at: "2025-05-01T09:00:00.000Z",
      ended_at: null,
      duration_ms: 0,
      outcome: "hangup",
      end_reason: null,
      turns: [],
      path: [],
      node_titles: {},
      variables: {},
      handoff: null,
      metrics: [],
      logs: [],
      sip_trace: null,
      transfer_attempts: [],
    });
    expect(getConversation(db, "conv_missing")).toBeNull();
  });

  it("round-trips every part of a full record", () => {
    const input = {
      ...sampleConversation(agentId, 0, new Date(t0)),
      id: "conv_full",
      flow_id: "flow_1",
      sip_trace: {
        messages: [
          {
            from: "sbc",
            to: "agent",
            label: "INVITE",
            raw: "INVITE sip:a SIP/2.0\r\n\r\n",
            at: 0,
            kind: "sip" as const,
          },
        ],
        warnings: [],
      },
      logs: [{ level: "warning" as const, message: "slow", fields: { ms: 900 }, at: new Date(t0).toISOString() }],
    };
    const stored = storeConversation(db, input);
    expect(getConversation(db, "conv_full")).toEqual(stored);
    expect(stored.node_titles).toEqual({ start: "Start", listen_1: "Listen: Billing, Speak to a person" });
    expect(stored.handoff).toEqual(sampleHandoff("builtin", 0, new Date(t0 + 30_000).toISOString()));
    expect(stored.transfer_attempts).toEqual(stored.handoff!.attempts);
  });

  it("stores a failed call with its end reason; lists, filters and serialises it", () => {
    const at = new Date(t0).toISOString();
    const saved = insertConversation(db, {
      id: "conv_failed",
      agent_id: agentId,
      started_at: at,
      outcome: "failed",
      end_reason: "destination_deleted",
    });
    expect(saved).toMatchObject({ ok: true, conversation: { outcome: "failed", end_reason: "destination_deleted" } });
    storeConversation(db, { agent_id: agentId, started_at: at, outcome: "hangup", end_reason: "end_node" });
    expect(getConversation(db, "conv_failed")).toMatchObject({ outcome: "failed", end_reason: "destination_deleted" });
    const failed = listConversations(db, agentId, { outcome: "failed" }, null, 50).data;
    expect(failed.map((r) => [r.id, r.outcome, r.end_reason, r.reason])).toEqual([
      ["conv_failed", "failed", "destination_deleted", null],
    ]);
    expect(JSON.parse(getConversationJson(db, "conv_failed")!)).toEqual(getConversation(db, "conv_failed"));
    expect(JSON.parse(listConversationsJson(db, agentId, { outcome: "failed" }, null, 50).json).data).toEqual(failed);
    // A failed call hands nothing off (a transfer it tried may have failed, never completed), and an end reason is a code.
    expect(
      insertConversation(db, {
        agent_id: agentId,
        started_at: at,
        outcome: "failed",
        handoff: sampleHandoff("builtin", 0),
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { handoff: expect.stringMatching(/A failed outcome has no completed handoff/) },
    });
    expect(
      insertConversation(db, { agent_id: agentId, started_at: at, outcome: "failed", end_reason: "Gone!\n" }),
    ).toMatchObject({ ok: false, fieldErrors: { end_reason: expect.stringMatching(/codes/) } });
  });

  it("records what ran (a version, or the draft) and filters by it", () => {
    const at = (i: number) => new Date(t0 + i * 1000).toISOString();
    storeConversation(db, { agent_id: agentId, started_at: at(0), outcome: "hangup", id: "c_draft" });
    storeConversation(db, { agent_id: agentId, started_at: at(1), outcome: "hangup", id: "c_v1", version: 1 });
    storeConversation(db, { agent_id: agentId, started_at: at(2), outcome: "hangup", id: "c_v2", version: 2 });
    const ids = (version?: number | "draft") =>
      listConversations(db, agentId, { version }, null, 10).data.map((c) => c.id);
    expect(ids()).toEqual(["c_v2", "c_v1", "c_draft"]);
    expect(ids(1)).toEqual(["c_v1"]);
    expect(ids("draft")).toEqual(["c_draft"]);
    expect(getConversation(db, "c_v2")!.version).toBe(2);
    expect(JSON.parse(getConversationJson(db, "c_v2")!).version).toBe(2);
    expect(JSON.parse(listConversationsJson(db, agentId, { version: 2 }, null, 10).json).data[0].version).toBe(2);
    expect(
      insertConversation(db, { agent_id: agentId, started_at: at(3), outcome: "hangup", version: 0 }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { version: expect.any(String) },
    });
  });

  it("rejects malformed records and inconsistent outcomes with field errors, storing nothing", () => {
    const at = new Date(t0).toISOString();
    expect(insertConversation(db, { agent_id: agentId, started_at: "yesterday", outcome: "hangup" })).toEqual({
      ok: false,
      status: "invalid",
      fieldErrors: { started_at: "Expected an ISO 8601 date-time" },
    });
    expect(insertConversation(db, { agent_id: agentId, started_at: at, outcome: "handoff" })).toMatchObject({
      ok: false,
      status: "invalid",
      fieldErrors: { handoff: expect.stringMatching(/handoff record/) },
    });
    expect(
      insertConversation(db, { id: "has space", agent_id: agentId, started_at: at, outcome: "hangup" }),
    ).toMatchObject({ ok: false, status: "invalid", fieldErrors: { id: expect.any(String) } });
    expect(insertConversation(db, null)).toMatchObject({ ok: false, status: "invalid" });
    // A handoff outcome needs a transfer that completed; a failed transfer leaves the call going on.
    const busy = { ...sampleHandoff("builtin", 0), outcome: "busy" as const, sip_status: 486 };
    expect(
      insertConversation(db, { agent_id: agentId, started_at: at, outcome: "handoff", handoff: busy }),
    ).toMatchObject({
      ok: false,
      status: "invalid",
      fieldErrors: { "handoff.outcome": expect.stringMatching(/busy/) },
    });
    expect(
      insertConversation(db, {
        agent_id: agentId,
        started_at: at,
        outcome: "hangup",
        handoff: sampleHandoff("builtin", 0),
      }),
    ).toMatchObject({ ok: false, status: "invalid", fieldErrors: { handoff: expect.stringMatching(/failure/) } });
    expect(listConversations(db, agentId, {}, null, 50).data).toEqual([]);
  });

  it("reports an id already stored as a duplicate and keeps the stored record", () => {
    const at = new Date(t0).toISOString();
    const first = insertConversation(db, { id: "conv_once", agent_id: agentId, started_at: at, outcome: "hangup" });
    expect(first).toMatchObject({ ok: true, conversation: { id: "conv_once" } });
    const again = insertConversation(db, {
      id: "conv_once",
      agent_id: agentId,
      started_at: at,
      outcome: "abandoned",
      turns: [{ role: "caller", text: "second save", at }],
    });
    expect(again).toEqual({ ok: false, status: "duplicate", id: "conv_once" });
    expect(getConversation(db, "conv_once")).toMatchObject({ outcome: "hangup", turns: [] });
    expect(listConversations(db, agentId, {}, null, 50).data.map((c) => c.id)).toEqual(["conv_once"]);
  });

  it("stores only within the caller's scope (agent and channel)", () => {
    const other = createAgent(db, "Other agent").id;
    const record = { agent_id: other, started_at: new Date(t0).toISOString(), outcome: "hangup" as const };
    const scope = { agentId, channel: "simulator" };
    expect(insertConversation(db, record, scope)).toMatchObject({
      ok: false,
      status: "invalid",
      fieldErrors: { agent_id: expect.any(String) },
    });
    expect(insertConversation(db, { ...record, agent_id: agentId, channel: "twilio" }, scope)).toMatchObject({
      ok: false,
      status: "invalid",
      fieldErrors: { channel: "Expected channel simulator" },
    });
    expect(insertConversation(db, { ...record, agent_id: agentId }, scope)).toMatchObject({ ok: true });
    expect(listConversations(db, other, {}, null, 50).data).toEqual([]);
  });

  const say0 = (text: string, agent: string) =>
    storeConversation(db, {
      agent_id: agent,
      started_at: new Date(t0).toISOString(),
      outcome: "hangup",
      turns: [{ role: "caller", text, at: new Date(t0).toISOString() }],
    });

  it("searches transcripts by words, phrases in quotes and prefixes; FTS syntax in the text is just text", () => {
    // An agent of its own: the text index spans every agent, the list never does.
    const searched = createAgent(db, "Searched").id;
    say0("bill refund snake 50", agentId);
    const say = (text: string, n: number) =>
      storeConversation(db, {
        agent_id: searched,
        started_at: new Date(t0 + n).toISOString(),
        outcome: "hangup",
        turns: [{ role: "caller", text, at: new Date(t0).toISOString() }],
      }).id;
    const percent = say("I got 50% off my Café bill", 1);
    const plain = say("I got 50 off", 2);
    const big = say("I got 5000 off", 3);
    const snake = say("snake_case refund please", 4);
    const refunded = say("was it refunded or NOT", 5);
    const ids = (q: string) => listConversations(db, searched, { q }, null, 50).data.map((c) => c.id);
    expect(ids("50%")).toEqual([plain, percent]);
    expect(ids("5000")).toEqual([big]);
    expect(ids("cafe BILL")).toEqual([percent]);
    expect(ids('"got 50 off"')).toEqual([plain, percent]);
    expect(ids('"off my"')).toEqual([percent]);
    expect(ids('"my off"')).toEqual([]);
    expect(ids("snake_case")).toEqual([snake]);
    expect(ids("refund*")).toEqual([refunded, snake]);
    expect(ids("refund")).toEqual([snake]);
    // Operators and column filters are words here, not syntax.
    expect(ids("refunded OR snake")).toEqual([]);
    expect(ids("NOT")).toEqual([refunded]);
    expect(ids("transcript_text:refund")).toEqual([]);
    expect(ids("(refund")).toEqual([snake]);
    expect(ids("unheard-of")).toEqual([]);
    expect(() => ids("%%")).toThrow(RangeError);
  });
  it("pages newest first with ties on started_at broken by id", () => {
    const same = new Date(t0).toISOString();
    for (const id of ["conv_a", "conv_c", "conv_b"])
      storeConversation(db, { id, agent_id: agentId, started_at: same, outcome: "hangup" });
    storeConversation(db, {
      id: "conv_new",
      agent_id: agentId,
      started_at: new Date(t0 + 1).toISOString(),
      outcome: "hangup",
    });
    const first = listConversations(db, agentId, {}, null, 2);
    expect(first.data.map((c) => c.id)).toEqual(["conv_new", "conv_c"]);
    expect(first.next_cursor).not.toBeNull();
    const second = listConversations(db, agentId, {}, decodeCursor(first.next_cursor!), 2);
    expect(second.data.map((c) => c.id)).toEqual(["conv_b", "conv_a"]);
    expect(second.next_cursor).toBeNull();
  });

  it("serialises pages and records in SQLite exactly as JSON.stringify would", () => {
    const stored = Array.from({ length: 30 }, (_, n) =>
      storeConversation(db, {
        ...sampleConversation(agentId, n, new Date(t0 + Math.floor(n / 2) * 1000)),
        sip_trace:
          n % 4 === 0
            ? {
                messages: [{ from: "sbc", to: "agent", label: "INVITE", raw: 'a\r\n"é"\u0001', at: 1.5, kind: "sip" }],
                warnings: [],
              }
            : null,
        variables: { quote: 'say "hi"\n', unicode: "Zoë ☎ \u2028" },
      }),
    );
    const cases = [
      { filters: {}, cursor: null, limit: 7 },
      { filters: { outcome: "handoff" as const, source: "function" as const }, cursor: null, limit: 3 },
      { filters: { q: "refund" }, cursor: null, limit: 50 },
      { filters: {}, cursor: { startedAt: new Date(t0 + 5000).toISOString(), id: "zzz" }, limit: 4 },
      { filters: { reason: "none" }, cursor: null, limit: 5 },
    ];
    for (const c of cases) {
      const objects = listConversations(db, agentId, c.filters, c.cursor, c.limit);
      const text = listConversationsJson(db, agentId, c.filters, c.cursor, c.limit);
      expect(text.json).toBe(JSON.stringify(objects));
      expect(text.count).toBe(objects.data.length);
    }
    for (const c of stored) expect(JSON.parse(getConversationJson(db, c.id)!)).toEqual(getConversation(db, c.id));
    expect(getConversationJson(db, stored[0]!.id)).toBe(JSON.stringify(getConversation(db, stored[0]!.id)));
    expect(getConversationJson(db, "conv_missing")).toBeNull();
  });

  it("uses the (agent_id, started_at, id) index for pages", () => {
    const plan = db.$client
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE agent_id = ? AND (started_at, id) < (?, ?) ORDER BY started_at DESC, id DESC LIMIT 51",
      )
      .all(agentId, "2025", "x") as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/USING (COVERING )?INDEX conversations_agent_started/);
    expect(plan.map((p) => p.detail).join(" ")).not.toMatch(/TEMP B-TREE/);
  });
});
