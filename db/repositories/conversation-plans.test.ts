/**
 * Every Review / API filter, alone and combined, is an index walk or an index lookup: the query
 * plans of the repository's own page queries (EXPLAIN QUERY PLAN of the SQL listConversations
 * runs) never scan the conversations table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { createAgent } from "./agents";
import { explainConversationPage, insertConversation, listConversations } from "./conversations";
import { writeTransaction } from "../transaction";
import { sampleConversation } from "../../lib/conversations/samples";
import type { ConversationFilters } from "../../lib/conversations/filters";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;
const t0 = Date.parse("2025-05-01T09:00:00.000Z");

beforeAll(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = createAgent(db, "Busy").id;
  const other = createAgent(db, "Other").id;
  writeTransaction(db, () => {
    for (let n = 0; n < 3000; n++) {
      const agent = n % 10 === 9 ? other : agentId;
      const c = sampleConversation(agent, n, new Date(t0 + n * 1000));
      const turns = c.turns!;
      if (n % 1000 === 7) turns[1] = { ...turns[1]!, text: "a rare zeppelin question" };
      if (!insertConversation(db, { ...c, version: n % 3 === 0 ? null : (n % 4) + 1 }).ok) throw new Error("seed");
    }
  });
});
afterAll(() => ctx.cleanup());

const CASES: [string, ConversationFilters][] = [
  ["no filter", {}],
  ["outcome", { outcome: "hangup" }],
  ["reason (rare)", { reason: "policy_violation" }],
  ["destination (no match)", { destination: "Nope" }],
  ["method", { method: "refer" }],
  ["source", { source: "function" }],
  ["transfer outcome", { transfer_outcome: "completed" }],
  ["version", { version: 2 }],
  ["draft", { version: "draft" }],
  ["dates", { from: "2025-05-01T09:10:00.000Z", toExclusive: "2025-05-01T09:20:00.000Z" }],
  ["text, in every call", { q: "hello" }],
  ["text, common", { q: "refund" }],
  ["text, rare", { q: "zeppelin" }],
  ["text, no match", { q: "xylophone" }],
  ["two filters", { outcome: "handoff", reason: "policy_violation" }],
  ["three filters", { outcome: "handoff", method: "invite", source: "builtin" }],
  ["filters and text", { outcome: "handoff", reason: "complaint", q: "refund" }],
  ["rare text and a common filter", { outcome: "handoff", q: "zeppelin" }],
  ["everything", { outcome: "handoff", version: 3, from: "2025-05-01T09:00:00.000Z", q: "refund*" }],
  ["two filters never together", { outcome: "hangup", destination: "Billing Support" }],
  ["two filters never together, and text", { outcome: "hangup", destination: "Billing Support", q: "refund" }],
  ["text prefix", { q: "refu*" }],
  ["pairs and dates", { outcome: "handoff", source: "function", toExclusive: "2025-05-01T09:40:00.000Z" }],
];

describe("conversation list query plans", () => {
  it.each(CASES)("%s: no full scan of conversations", (_name, filters) => {
    for (const cursor of [null, { startedAt: "2025-05-01T09:30:00.000Z", id: "conv_zzz" }]) {
      const { plan } = explainConversationPage(db, agentId, filters, cursor, 50);
      expect(plan.join("\n")).not.toMatch(/\bSCAN conversations\b(?!_fts)/);
      expect(plan.join("\n")).toMatch(/conversations/);
    }
  });

  it("chooses the access path by what is asked: one filter's index, the pairs list, the text index", () => {
    const driver = (filters: ConversationFilters) => explainConversationPage(db, agentId, filters, null, 50).driver;
    expect(driver({})).toEqual({ kind: "list" });
    expect(driver({ from: "2025-05-01T09:10:00.000Z" })).toEqual({ kind: "list" });
    expect(driver({ reason: "policy_violation" })).toEqual({ kind: "index", filter: "reason" });
    expect(driver({ version: "draft" })).toEqual({ kind: "index", filter: "version" });
    // Two filters: one pair list, whether they are often together, rarely, or never.
    expect(driver({ outcome: "handoff", reason: "policy_violation" })).toEqual({ kind: "pairs" });
    expect(driver({ outcome: "hangup", destination: "Billing Support" })).toEqual({ kind: "pairs" });
    expect(driver({ outcome: "handoff", source: "function" })).toEqual({ kind: "pairs" });
    // Text, common or rare, with or without filters: the text index, walked in time order.
    expect(driver({ q: "refund" })).toEqual({ kind: "text" });
    expect(driver({ q: "zeppelin", outcome: "handoff" })).toEqual({ kind: "text" });
    expect(driver({ q: "refund", outcome: "handoff", source: "function" })).toEqual({ kind: "text" });
    // …unless no call has the filters' values together: then the (empty) pairs list answers.
    expect(driver({ q: "refund", outcome: "hangup", destination: "Billing Support" })).toEqual({ kind: "pairs" });
  });

  it("walks the FTS5 tables and fetches each call by rowid", () => {
    const plan = (filters: ConversationFilters) =>
      explainConversationPage(
        db,
        agentId,
        filters,
        { startedAt: "2025-05-01T09:30:00.000Z", id: "conv_zzz" },
        50,
      ).plan.join("\n");
    for (const filters of [{ q: "refund" }, { q: "refu*", outcome: "handoff" }] as ConversationFilters[])
      expect(plan(filters)).toMatch(
        /SCAN conversations_fts VIRTUAL TABLE[\s\S]*SEARCH conversations USING INTEGER PRIMARY KEY/,
      );
    expect(plan({ outcome: "hangup", destination: "Billing Support" })).toMatch(
      /SCAN conversations_facet_pairs VIRTUAL TABLE[\s\S]*SEARCH conversations USING INTEGER PRIMARY KEY/,
    );
  });

  it("every driver returns the same rows as a plain filter over all rows would", () => {
    const all = listConversations(db, agentId, {}, null, 200);
    expect(all.data).toHaveLength(200);
    for (const [, filters] of CASES) {
      const page = listConversations(db, agentId, filters, null, 200).data.map((c) => c.id);
      const { plan } = explainConversationPage(db, agentId, filters, null, 200);
      expect(plan.length).toBeGreaterThan(0);
      // Paging through every driver gives each matching row once, newest first.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const p = listConversations(db, agentId, filters, cursor ? decode(cursor) : null, 37);
        seen.push(...p.data.map((c) => c.id));
        cursor = p.next_cursor;
      } while (cursor);
      expect(seen.slice(0, page.length)).toEqual(page);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });
});

function decode(cursor: string) {
  const [startedAt, id] = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/"))) as [string, string];
  return { startedAt, id };
}
