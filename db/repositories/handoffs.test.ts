import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { createAgent } from "./agents";
import { getFlow, listFlows } from "./flows";
import { seedDemoAgent } from "../seed";
import { lintFlow, type FlowDocument } from "../../lib/flow";
import {
  createDestination,
  deleteDestination,
  listDestinationUsages,
  duplicateDestination,
  findDestinationByName,
  getDestination,
  listDestinations,
  setDefaultDestination,
  updateDestination,
} from "./handoffs";
import { destinationInputSchema } from "../../lib/handoffs/schema";
import type { HandoffDestination } from "../../lib/handoffs/types";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;

beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = createAgent(db, "Test agent").id;
});
afterEach(() => ctx.cleanup());

const valid = (input: Record<string, unknown>) =>
  destinationInputSchema.parse({ method: "refer", route: "2001", ...input });

function create(name: string, extra: Record<string, unknown> = {}): HandoffDestination {
  const r = createDestination(db, agentId, valid({ name, ...extra }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.destination;
}

describe("handoff destinations repository", () => {
  it("creates, reads back and lists in creation order; the first is default", () => {
    const a = create("Front desk", { sipHeaders: [{ name: "X-A", value: "Zoë $caller_id" }] });
    const b = create("Billing", { method: "invite", route: "sip:billing@pbx.example" });
    expect(a.isDefault).toBe(true);
    expect(b.isDefault).toBe(false);
    expect(getDestination(db, agentId, a.id)).toEqual(a);
    expect(listDestinations(db, agentId).map((d) => d.name)).toEqual(["Front desk", "Billing"]);
    expect(getDestination(db, agentId, a.id)?.sipHeaders).toEqual([{ name: "X-A", value: "Zoë $caller_id" }]);
  });

  it("keeps names unique per agent, ignoring case, but not across agents", () => {
    create("Billing");
    const clash = createDestination(db, agentId, valid({ name: "BILLING" }));
    expect(clash).toEqual({
      ok: false,
      status: "invalid",
      fieldErrors: { name: 'A destination named "BILLING" already exists for this agent' },
    });
    const other = createAgent(db, "Other").id;
    expect(createDestination(db, other, valid({ name: "Billing" })).ok).toBe(true);
    expect(listDestinations(db, agentId)).toHaveLength(1);
  });

  it("enforces uniqueness in the database too", () => {
    create("Billing");
    expect(() =>
      db.$client
        .prepare(
          "INSERT INTO handoff_destinations (id, agent_id, name, name_key, method, position, created_at) VALUES ('x', ?, 'billing', 'billing', 'bye', 9, '')",
        )
        .run(agentId),
    ).toThrow(/UNIQUE/);
  });

  it("updates every field, allows keeping its own name and refuses another's", () => {
    const a = create("Front desk");
    create("Billing");
    const r = updateDestination(
      db,
      agentId,
      a.id,
      valid({
        name: "front desk",
        description: "d",
        method: "bye",
        route: null,
        sipHeaders: [{ name: "X-B", value: "1" }],
      }),
    );
    expect(r.ok && r.destination).toMatchObject({
      name: "front desk",
      description: "d",
      method: "bye",
      route: null,
      sipHeaders: [{ name: "X-B", value: "1" }],
      isDefault: true,
    });
    const clash = updateDestination(db, agentId, a.id, valid({ name: "Billing" }));
    expect(clash.ok).toBe(false);
    expect(getDestination(db, agentId, a.id)?.name).toBe("front desk");
    expect(updateDestination(db, agentId, "hd_missing", valid({ name: "X" }))).toEqual({
      ok: false,
      status: "not_found",
    });
  });

  it("duplicates under a free name, last and not default", () => {
    const a = create("Front desk", { sipHeaders: [{ name: "X-A", value: "1" }], referHeaderPlacement: "both" });
    const first = duplicateDestination(db, agentId, a.id);
    const second = duplicateDestination(db, agentId, a.id);
    expect(first.ok && first.destination).toMatchObject({
      name: "Front desk (copy)",
      isDefault: false,
      sipHeaders: [{ name: "X-A", value: "1" }],
      referHeaderPlacement: "both",
    });
    expect(second.ok && second.destination.name).toBe("Front desk (copy 2)");
    expect(listDestinations(db, agentId).map((d) => d.name)).toEqual([
      "Front desk",
      "Front desk (copy)",
      "Front desk (copy 2)",
    ]);
    expect(duplicateDestination(db, agentId, "hd_missing")).toEqual({ ok: false, status: "not_found" });
  });

  it("sets exactly one default", () => {
    const a = create("A");
    const b = create("B");
    setDefaultDestination(db, agentId, b.id);
    expect(listDestinations(db, agentId).map((d) => [d.name, d.isDefault])).toEqual([
      ["A", false],
      ["B", true],
    ]);
    expect(setDefaultDestination(db, agentId, "hd_missing")).toEqual({ ok: false, status: "not_found" });
    expect(getDestination(db, agentId, a.id)?.isDefault).toBe(false);
  });

  it("deleting the default promotes the earliest remaining; deleting the last leaves none", () => {
    const a = create("A");
    const b = create("B");
    const c = create("C");
    expect(deleteDestination(db, agentId, b.id)).toEqual({ ok: true, newDefaultId: null, orphanedNodes: 0 });
    expect(deleteDestination(db, agentId, a.id)).toEqual({ ok: true, newDefaultId: c.id, orphanedNodes: 0 });
    expect(getDestination(db, agentId, c.id)?.isDefault).toBe(true);
    expect(deleteDestination(db, agentId, c.id)).toEqual({ ok: true, newDefaultId: null, orphanedNodes: 0 });
    expect(deleteDestination(db, agentId, c.id)).toEqual({ ok: false, status: "not_found" });
    // The next one created is the default again.
    expect(create("D").isDefault).toBe(true);
  });

  it("does not reach across agents", () => {
    const a = create("A");
    const other = createAgent(db, "Other").id;
    expect(getDestination(db, other, a.id)).toBeNull();
    expect(deleteDestination(db, other, a.id)).toEqual({ ok: false, status: "not_found" });
    expect(findDestinationByName(db, agentId, "a")?.id).toBe(a.id);
  });

  it("deleting an agent removes its destinations (foreign keys are on)", () => {
    create("A");
    db.$client.prepare("DELETE FROM agents WHERE id = ?").run(agentId);
    expect(db.$client.prepare("SELECT count(*) AS n FROM handoff_destinations").get()).toEqual({ n: 0 });
  });

  it("lists the flow nodes that hand off to each destination, by name or via the agent default", () => {
    const demo = seedDemoAgent(db);
    const byName = Object.fromEntries(listDestinations(db, demo).map((d) => [d.name, d.id]));
    const usages = listDestinationUsages(db, demo);
    expect(usages[byName["Billing Support"]!]!.map((u) => [u.flowName, u.nodeId, u.nodeTitle, u.viaDefault])).toEqual([
      ["Main line", "vip", "Priority billing (gold)", false],
      ["Main line", "billing_handoff", "Handoff: Billing Support", false],
    ]);
    expect(usages[byName["Front desk"]!]!.map((u) => u.nodeId)).toEqual(["front_desk"]);
    // Unused destinations are listed with no usages, and another agent's flows never count.
    const mine = create("Unused");
    expect(listDestinationUsages(db, agentId)).toEqual({ [mine.id]: [] });
  });

  it("deleting a destination keeps its name on the handoff nodes that used it, in one write with a new revision", () => {
    const demo = seedDemoAgent(db);
    const billing = findDestinationByName(db, demo, "Billing Support")!;
    const flow = listFlows(db, demo)[0]!;
    expect(deleteDestination(db, demo, billing.id)).toEqual({ ok: true, newDefaultId: null, orphanedNodes: 2 });
    const after = getFlow(db, demo, flow.id)!;
    expect(after.revision).toBe(flow.revision + 1);
    const data = (id: string) => after.nodes.find((n) => n.id === id)!.data as Record<string, unknown>;
    // The id stays (nothing is silently retargeted); the name comes along so the node can say what it was.
    expect(data("billing_handoff")).toMatchObject({
      destinationId: billing.id,
      deletedDestinationName: "Billing Support",
    });
    expect(data("vip")).toMatchObject({ destinationId: billing.id, deletedDestinationName: "Billing Support" });
    expect(data("front_desk")).not.toHaveProperty("deletedDestinationName");
    // Lint names what was deleted.
    const problems = lintFlow(after as FlowDocument, {
      destinations: listDestinations(db, demo),
      functions: [],
      variables: [],
    });
    expect(problems.filter((p) => p.rule === "destination-deleted").map((p) => [p.nodeId, p.message])).toEqual([
      ["vip", 'The destination was deleted ("Billing Support"): choose another'],
      ["billing_handoff", 'The destination was deleted ("Billing Support"): choose another'],
    ]);
    // A destination no node names is deleted without touching the flow.
    const spare = createDestination(db, demo, valid({ name: "Spare" }));
    if (!spare.ok) throw new Error("not created");
    expect(deleteDestination(db, demo, spare.destination.id)).toMatchObject({ ok: true, orphanedNodes: 0 });
    expect(getFlow(db, demo, flow.id)!.revision).toBe(flow.revision + 1);
  });
});
