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
];

describe("conversation list query plans", () => {
  it.each(CASES)("%s: no full scan of conversations", (_name, filters) => {
    for (const cursor of [null, { startedAt: "2025-05-01T09:30:00.000Z", id: "conv_zzz" }]) {
      const { plan } = explainConversationPage(db, agentId, filters, cursor, 50);
      expect(plan.join("\n")).not.toMatch(/\bSCAN conversations\b(?!_fts)/);
      expect(plan.join("\n")).toMatch(/conversations/);
    }
  });

  it("drives by the rarest filter: a rare reason over a common outcome, rare text over everything", () => {
    expect(
      explainConversationPage(db, agentId, { outcome: "handoff", reason: "policy_violation" }, null, 50).driver,
    ).toEqual({
      kind: "index",
      filter: "reason",
    });
    expect(explainConversationPage(db, agentId, { outcome: "handoff", q: "zeppelin" }, null, 50).driver).toEqual({
      kind: "text",
    });
    // Text in every call is no help as a driver: the list's own order walks, the text is checked per row.
    expect(explainConversationPage(db, agentId, { q: "hello" }, null, 50).driver).toEqual({ kind: "list" });
    expect(explainConversationPage(db, agentId, { q: "refund" }, null, 50).driver).toEqual({ kind: "text" });
    expect(explainConversationPage(db, agentId, {}, null, 50).driver).toEqual({ kind: "list" });
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
