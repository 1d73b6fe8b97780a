import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { appendAudit, listAudit, recordFlowSave, SAVE_BURST_MS } from "./audit";
import type { AuditActor, AuditChange } from "../../lib/audit/types";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
});
afterEach(() => ctx.cleanup());

const ada: AuditActor = { id: "usr_ada", name: "Ada", email: "ada@x.io", via: "app" };
const bob: AuditActor = { id: "usr_bob", name: "Bob", email: "bob@x.io", via: "api" };
const change = (over: Partial<AuditChange> = {}): AuditChange => ({
  action: "destination.updated",
  targetType: "destination",
  targetId: "hd_1",
  targetName: "Billing",
  agentId: "agt_1",
  summary: 'route "1" → "2"',
  ...over,
});
const all = () => listAudit(db, { filters: {}, before: null, limit: 200 }).entries;

describe("audit log", () => {
  it("is append-only: the database refuses to change or delete an entry", () => {
    const id = appendAudit(db, ada, change());
    expect(() => db.$client.prepare("UPDATE audit_log SET summary = 'forged' WHERE id = ?").run(id)).toThrow(
      /append-only/,
    );
    expect(() => db.$client.prepare("DELETE FROM audit_log WHERE id = ?").run(id)).toThrow(/append-only/);
    expect(() => db.$client.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(all()).toHaveLength(1);
    expect(all()[0]!.summary).toBe('route "1" → "2"');
  });

  it("has no update or delete path in the repository", async () => {
    const mod = await import("./audit");
    expect(Object.keys(mod).filter((k) => /update|delete|remove|edit|clear/i.test(k))).toEqual([]);
  });

  it("lists newest first with filters and a stable keyset cursor", () => {
    appendAudit(db, ada, change(), "2025-05-01T10:00:00.000Z");
    appendAudit(
      db,
      bob,
      change({ action: "flow.deleted", targetType: "flow", agentId: "agt_2" }),
      "2025-05-02T10:00:00.000Z",
    );
    appendAudit(
      db,
      ada,
      change({ action: "member.created", targetType: "member", agentId: null }),
      "2025-05-03T10:00:00.000Z",
    );
    expect(all().map((e) => e.action)).toEqual(["member.created", "flow.deleted", "destination.updated"]);
    const q = (filters: object) => listAudit(db, { filters, before: null, limit: 10 }).entries.map((e) => e.action);
    expect(q({ actorId: "usr_ada" })).toEqual(["member.created", "destination.updated"]);
    expect(q({ targetType: "flow" })).toEqual(["flow.deleted"]);
    expect(q({ agentId: "agt_1" })).toEqual(["destination.updated"]);
    expect(q({ action: "member" })).toEqual(["member.created"]);
    expect(q({ action: "flow.deleted" })).toEqual(["flow.deleted"]);
    expect(q({ from: "2025-05-02T00:00:00.000Z", toExclusive: "2025-05-03T00:00:00.000Z" })).toEqual(["flow.deleted"]);

    const first = listAudit(db, { filters: {}, before: null, limit: 2 });
    appendAudit(db, bob, change()); // appended meanwhile: does not shift the next page
    const second = listAudit(db, { filters: {}, before: first.nextBefore, limit: 2 });
    expect(second.entries.map((e) => e.action)).toEqual(["destination.updated"]);
    expect(second.nextBefore).toBeNull();
  });

  it("coalesces one person's flow saves within a minute into one entry that follows the burst", () => {
    const flow = { id: "flow_1", name: "Main", agentId: "agt_1" };
    const t0 = Date.parse("2025-05-01T10:00:00.000Z");
    const d = (n: number) => ({ nodes: Array.from({ length: n }, (_, i) => `n${i}`), edges: n - 1 });
    recordFlowSave(db, ada, flow, d(2), d(3), t0);
    recordFlowSave(db, ada, flow, d(3), d(4), t0 + 20_000);
    recordFlowSave(db, ada, flow, d(4), d(5), t0 + 20_000 + SAVE_BURST_MS); // within a minute of the previous one
    recordFlowSave(db, bob, flow, d(5), d(6), t0 + 30_000); // someone else: their own entry
    expect(all()).toHaveLength(2);
    const adas = all().find((e) => e.actor.id === "usr_ada")!;
    expect(adas.burst).toEqual({ saves: 3, lastAt: new Date(t0 + 20_000 + SAVE_BURST_MS).toISOString() });
    expect(adas.summary).toBe("nodes 2 → 5; edges 1 → 4; added n2, n3, n4");

    recordFlowSave(db, ada, flow, d(5), d(5), t0 + 20_000 + 2 * SAVE_BURST_MS + 1); // after a pause: a new entry
    expect(all().filter((e) => e.actor.id === "usr_ada")).toHaveLength(2);
  });
});
