import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Server actions call revalidatePath, which needs a Next request; here it only needs to be callable.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Actions run as a signed-in designer (a real session on the test database).
vi.mock("next/headers", async () => (await import("@/auth/testing/sessions")).nextHeadersMock);

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-actions-"));
process.env.SWITCHBOARD_DB = path.join(dir, "actions.db");

const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { listDestinations } = await import("@/db/repositories/handoffs");
const { listAudit } = await import("@/db/repositories/audit");
const { actAs, signedInAs } = await import("@/auth/testing/sessions");
const actions = await import("./actions");

let agentId: string;
beforeAll(async () => {
  agentId = listAgents(getDb())[0]!.id;
  actAs((await signedInAs("designer", "dana@example.com")).cookie);
});
afterAll(() => {
  getDb().$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const snapshot = () => JSON.stringify(listDestinations(getDb(), agentId));

describe("handoff server actions", () => {
  it.each([
    ["CR LF", "abc\r\nX-Injected: 1"],
    ["LF", "abc\nVia: SIP/2.0/UDP evil"],
    ["CR", "abc\rdef"],
  ])("rejects a header value with %s with a field error and writes nothing", async (_label, value) => {
    const before = snapshot();
    const result = await actions.createDestinationAction(agentId, {
      name: "Injected",
      method: "refer",
      route: "2001",
      sipHeaders: [{ name: "X-Customer-ID", value }],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors["sipHeaders.0.value"]).toMatch(/control characters/);
    expect(snapshot()).toBe(before);
  });

  it("rejects CR/LF on update too and leaves the stored destination untouched", async () => {
    const target = listDestinations(getDb(), agentId)[1]!;
    const before = snapshot();
    const result = await actions.updateDestinationAction(agentId, target.id, {
      name: target.name,
      method: "invite",
      route: target.route,
      sipHeaders: [{ name: "X-Caller-ID", value: "$caller_id\r\nContact: <sip:evil@x>" }],
    });
    expect(!result.ok && result.fieldErrors["sipHeaders.0.value"]).toMatch(/found CR/);
    expect(snapshot()).toBe(before);
  });

  it("answers garbage with errors, never by throwing", async () => {
    for (const input of [null, undefined, 42, "x", [], { name: { $gt: "" } }, { sipHeaders: [null] }]) {
      const r = await actions.createDestinationAction(agentId, input);
      expect(r.ok).toBe(false);
    }
    expect((await actions.createDestinationAction({ id: 1 }, {})).ok).toBe(false);
    expect((await actions.updateDestinationAction(agentId, 7, { name: "x" })).ok).toBe(false);
    expect((await actions.duplicateDestinationAction(agentId, "hd_missing")).ok).toBe(false);
    expect((await actions.deleteDestinationAction(agentId, null, null)).ok).toBe(false);
  });

  it("deletes only with the exact name typed", async () => {
    const created = await actions.createDestinationAction(agentId, { name: "Temp", method: "bye" });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.destination!.id : "";
    const wrong = await actions.deleteDestinationAction(agentId, id, "temp");
    expect(!wrong.ok && wrong.fieldErrors.confirmation).toBe('Type "Temp" exactly to delete it');
    expect((await actions.deleteDestinationAction(agentId, id, "Temp")).ok).toBe(true);
    expect(listDestinations(getDb(), agentId).some((d) => d.id === id)).toBe(false);
  });

  it("appends who changed what to the audit log, in the same transaction as the change", async () => {
    const created = await actions.createDestinationAction(agentId, { name: "Audited", method: "refer", route: "2001" });
    const id = created.ok ? created.destination!.id : "";
    await actions.updateDestinationAction(agentId, id, { name: "Audited", method: "invite", route: "2002" });
    const { entries } = listAudit(getDb(), { filters: { targetType: "destination" }, before: null, limit: 10 });
    const mine = entries.filter((e) => e.targetId === id);
    expect(mine.map((e) => e.action)).toEqual(["destination.updated", "destination.created"]);
    expect(mine[0]).toMatchObject({
      actor: { email: "dana@example.com", via: "app" },
      targetName: "Audited",
      agentId,
      summary: 'method REFER → INVITE; route "2001" → "2002"',
    });
    // A refused change leaves no entry.
    const count = listAudit(getDb(), { filters: {}, before: null, limit: 200 }).entries.length;
    await actions.updateDestinationAction(agentId, id, { name: "Audited", method: "refer", route: "bad route\r\n" });
    expect(listAudit(getDb(), { filters: {}, before: null, limit: 200 }).entries.length).toBe(count);
  });
});
