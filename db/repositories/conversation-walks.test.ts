/**
 * The time-ordered walks (docs/design.md §8): conversations' rowids follow the list's order, and the
 * FTS5 tables keyed by them (transcript + filter tokens, filter pairs) page newest first. Every
 * combination must give each matching call once, in (started_at, id) order, down with the cursor
 * and back up with the Newer link, even when calls share a millisecond, arrive out of order, or are
 * stored by a plain INSERT that gives no rowid.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { createAgent } from "./agents";
import {
  explainConversationPage,
  insertConversation,
  listConversations,
  listNewerConversations,
} from "./conversations";
import { writeTransaction } from "../transaction";
import { sampleConversation } from "../../lib/conversations/samples";
import { decodeCursor, type ConversationFilters } from "../../lib/conversations/filters";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;
let otherId: string;
const t0 = Date.parse("2025-05-01T09:00:00.000Z");

interface Row {
  id: string;
  started_at: string;
  outcome: string;
  reason: string | null;
  destination: string | null;
  method: string | null;
  source: string | null;
  transfer_outcome: string | null;
  version: number | null;
  transcript_text: string;
}

beforeAll(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = createAgent(db, "Busy").id;
  otherId = createAgent(db, "Other").id;
  // Four calls per second, their ids not in arrival order, and the seconds stored in a shuffled
  // order (older calls arriving after newer ones), for both agents with the same values.
  const order = Array.from({ length: 160 }, (_, s) => (s * 37) % 160);
  writeTransaction(db, () => {
    for (const second of order)
      for (const k of [2, 0, 3, 1]) {
        // The calls of one second have the same values (n mod 60), so a filter takes all four or none.
        const n = second + 480 * k;
        for (const agent of [agentId, otherId]) {
          const c = sampleConversation(agent, n, new Date(t0 + second * 1000));
          const id = `conv_${agent === agentId ? "a" : "b"}${((n * 7919) % 1000).toString().padStart(3, "0")}_${n}`;
          const saved = insertConversation(db, { ...c, id, version: n % 3 === 0 ? null : (n % 4) + 1 });
          if (!saved.ok) throw new Error(JSON.stringify(saved));
        }
      }
  });
  // Stored without a rowid, as a plain INSERT (another tool, an old script) would: the trigger places them.
  const raw = db.$client.prepare(
    "INSERT INTO conversations (id, agent_id, started_at, outcome, transcript_text) VALUES (?, ?, ?, 'hangup', 'I want a refund')",
  );
  raw.run("conv_raw_old", agentId, new Date(t0 + 3_000).toISOString());
  raw.run("conv_raw_tie", agentId, new Date(t0 + 77_000).toISOString());
});
afterAll(() => ctx.cleanup());

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u);

/** What a page walk must return: the agent's calls that match, newest first, computed here row by row. */
function expected(filters: ConversationFilters): string[] {
  const rows = db.$client
    .prepare(
      "SELECT id, started_at, outcome, reason, destination, method, source, transfer_outcome, version, transcript_text FROM conversations WHERE agent_id = ?",
    )
    .all(agentId) as Row[];
  return rows
    .filter((r) => {
      for (const column of ["outcome", "reason", "destination", "method", "source", "transfer_outcome"] as const)
        if (filters[column] !== undefined && r[column] !== filters[column]) return false;
      if (filters.version === "draft" && r.version !== null) return false;
      if (typeof filters.version === "number" && r.version !== filters.version) return false;
      if (filters.from !== undefined && r.started_at < filters.from) return false;
      if (filters.toExclusive !== undefined && r.started_at >= filters.toExclusive) return false;
      if (filters.q !== undefined) {
        const w = words(r.transcript_text);
        for (const term of filters.q.split(" "))
          if (term.endsWith("*") ? !w.some((x) => x.startsWith(term.slice(0, -1))) : !w.includes(term)) return false;
      }
      return true;
    })
    .sort((a, b) => (a.started_at === b.started_at ? (a.id < b.id ? 1 : -1) : a.started_at < b.started_at ? 1 : -1))
    .map((r) => r.id);
}

const from = new Date(t0 + 20_000).toISOString();
const toExclusive = new Date(t0 + 130_000).toISOString();
const COMBINATIONS: [string, ConversationFilters, string][] = [
  ["common text", { q: "refund" }, "text"],
  ["common prefix", { q: "refu*" }, "text"],
  ["text in every call", { q: "hello" }, "text"],
  ["two words", { q: "refund please" }, "text"],
  ["text and a filter", { q: "refund", outcome: "hangup" }, "text"],
  ["text and two filters", { q: "order", outcome: "handoff", destination: "Hand back to IVR" }, "text"],
  ["text and dates", { q: "refund", from, toExclusive }, "text"],
  ["two filters, often together", { outcome: "handoff", source: "function" }, "pairs"],
  ["two filters, never together", { outcome: "hangup", destination: "Billing Support" }, "pairs"],
  ["two filters never together, and text", { outcome: "hangup", destination: "Billing Support", q: "refund" }, "pairs"],
  ["three filters", { outcome: "handoff", method: "invite", source: "builtin" }, "pairs"],
  ["draft and an outcome", { version: "draft", outcome: "handoff" }, "pairs"],
  ["version and a reason, dates", { version: 2, reason: "billing", from, toExclusive }, "pairs"],
];

describe("time-ordered walks", () => {
  // Pages of 5 and 6 split the four calls of a second between pages; 8 (a page and the row that says
  // there is more: two whole seconds) would not.
  it.each(COMBINATIONS)("%s: every call once, in order, down and back up", (_name, filters, kind) => {
    expect(explainConversationPage(db, agentId, filters, null, 5).driver.kind).toBe(kind);
    const want = expected(filters);
    for (const size of [5, 6]) {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page = listConversations(db, agentId, filters, cursor === null ? null : decodeCursor(cursor), size);
        pages.push(page.data.map((r) => r.id));
        cursor = page.next_cursor;
      } while (cursor);
      expect(pages.flat()).toEqual(want);
      // Back up: from each page's first row, the Newer link gives the page before it.
      for (let i = 1; i < pages.length; i++) {
        const first = pages[i]![0]!;
        const row = db.$client
          .prepare("SELECT started_at FROM conversations WHERE id = ?")
          .pluck()
          .get(first) as string;
        const newer = listNewerConversations(db, agentId, filters, { startedAt: row, id: first }, size);
        expect(newer.data.map((r) => r.id)).toEqual(pages[i - 1]);
        expect(newer.has_newer).toBe(i > 1);
      }
    }
  });

  it("the never-together cases are empty, and the combinations are not trivially so", () => {
    expect(expected({ outcome: "hangup", destination: "Billing Support" })).toEqual([]);
    for (const [name, filters] of COMBINATIONS)
      if (!name.includes("never")) expect(expected(filters).length, name).toBeGreaterThan(7);
  });

  it("places calls stored by a plain INSERT in the list's order", () => {
    const all = expected({});
    expect(listConversations(db, agentId, {}, null, 1000).data.map((r) => r.id)).toEqual(all);
    const walk = (q: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = listConversations(db, agentId, { q }, cursor === null ? null : decodeCursor(cursor), 5);
        ids.push(...page.data.map((r) => r.id));
        cursor = page.next_cursor;
      } while (cursor);
      return ids;
    };
    const refunds = walk("refund");
    expect(refunds).toEqual(expected({ q: "refund" }));
    expect(refunds).toContain("conv_raw_old");
    expect(refunds).toContain("conv_raw_tie");
  });

  it("follows a call whose filter values change", () => {
    const id = expected({ outcome: "abandoned" })[3]!;
    db.$client
      .prepare("UPDATE conversations SET outcome = 'hangup', started_at = ? WHERE id = ?")
      .run(new Date(t0 + 500_000).toISOString(), id);
    expect(
      listConversations(db, agentId, { outcome: "hangup", version: "draft" }, null, 1000).data.map((r) => r.id),
    ).toEqual(expected({ outcome: "hangup", version: "draft" }));
    const newest = listConversations(db, agentId, { q: "hello", outcome: "hangup" }, null, 1).data[0]!;
    expect(newest.id).toBe(id);
    expect(expected({ outcome: "abandoned" })).not.toContain(id);
    db.$client.prepare("DELETE FROM conversations WHERE id = ?").run(id);
    expect(listConversations(db, agentId, { q: "hello", outcome: "hangup" }, null, 1).data[0]!.id).not.toBe(id);
  });

  it("never shows another agent's calls", () => {
    for (const [, filters] of COMBINATIONS) {
      const ids = listConversations(db, otherId, filters, null, 1000).data.map((r) => r.id);
      expect(
        ids.every((i) => i.startsWith("conv_b")),
        JSON.stringify(filters),
      ).toBe(true);
    }
  });
});
