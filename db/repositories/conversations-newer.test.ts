import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { createAgent } from "./agents";
import { storeConversation } from "../testing/conversations";
import { listConversations, listNewerConversations } from "./conversations";
import { decodeCursor, encodeCursor } from "../../lib/conversations/filters";
import { sampleConversation } from "../../lib/conversations/samples";

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

describe("listNewerConversations (the Review list's Newer link)", () => {
  it("walks back up exactly the pages listConversations walked down, ties included", () => {
    // Pairs of calls share a started_at so the id breaks ties.
    for (let n = 0; n < 23; n++)
      storeConversation(db, {
        ...sampleConversation(agentId, n, new Date(t0 + Math.floor(n / 2) * 1000)),
        id: `conv_${String(n).padStart(3, "0")}`,
      });
    const down: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = listConversations(db, agentId, {}, cursor === null ? null : decodeCursor(cursor), 5);
      down.push(page.data.map((r) => r.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(down.flat()).toHaveLength(23);
    expect(new Set(down.flat()).size).toBe(23);

    // From the last page, go newer page by page: each answer is the page above it.
    const up: string[][] = [];
    let first = down[down.length - 1]![0]!;
    for (;;) {
      const row = listConversations(db, agentId, {}, null, 100).data.find((r) => r.id === first)!;
      const page = listNewerConversations(db, agentId, {}, { startedAt: row.started_at, id: row.id }, 5);
      up.unshift(page.data.map((r) => r.id));
      // Its next_cursor leads back to the page we came from.
      expect(decodeCursor(page.next_cursor!)!.id).toBe(page.data[page.data.length - 1]!.id);
      if (!page.has_newer) break;
      first = page.data[0]!.id;
    }
    expect(up).toEqual(down.slice(0, -1));
  });

  it("applies filters and reports no newer rows at the top", () => {
    for (let n = 0; n < 10; n++) storeConversation(db, sampleConversation(agentId, n, new Date(t0 + n * 1000)));
    const hangups = listConversations(db, agentId, { outcome: "hangup" }, null, 10).data;
    expect(hangups.length).toBe(2);
    const oldest = hangups[1]!;
    const page = listNewerConversations(
      db,
      agentId,
      { outcome: "hangup" },
      { startedAt: oldest.started_at, id: oldest.id },
      10,
    );
    expect(page.data.map((r) => r.id)).toEqual([hangups[0]!.id]);
    expect(page.has_newer).toBe(false);
    const none = listNewerConversations(
      db,
      agentId,
      {},
      decodeCursor(encodeCursor({ startedAt: "2030-01-01T00:00:00.000Z", id: "x" }))!,
      10,
    );
    expect(none).toEqual({ data: [], next_cursor: null, has_newer: false });
  });

  it("walks the (agent_id, started_at, id) index upwards without sorting", () => {
    const plan = db.$client
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE agent_id = ? AND (started_at, id) > (?, ?) ORDER BY started_at ASC, id ASC LIMIT 51",
      )
      .all(agentId, "2025", "x") as { detail: string }[];
    const text = plan.map((p) => p.detail).join(" ");
    expect(text).toMatch(/USING (COVERING )?INDEX conversations_agent_started/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });
});
