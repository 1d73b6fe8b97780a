import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { createAgent, listAgents } from "./agents";
import {
  createFlow,
  deleteFlow,
  duplicateFlow,
  findFlow,
  getFlow,
  getFlowById,
  listFlows,
  renameFlow,
  saveFlow,
} from "./flows";
import { seedDemoAgent } from "../seed";
import { lintFlow, type FlowDocument } from "../../lib/flow";
import { listDestinations } from "./handoffs";
import { createFunction, listFunctions } from "./functions";
import { createScenario, getScenario } from "./scenarios";
import type { Scenario } from "../../lib/scenarios";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;

beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = createAgent(db, "Test").id;
});
afterEach(() => ctx.cleanup());

const doc = (name: string): FlowDocument => ({
  name,
  nodes: [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "Hi" } }],
  edges: [],
});

function create(name: string) {
  const r = createFlow(db, agentId, doc(name));
  if (!r.ok) throw new Error(r.status);
  return r.flow;
}

describe("flows repository", () => {
  it("creates at revision 1 and reads back", () => {
    const f = create("Main");
    expect(f.revision).toBe(1);
    expect(getFlow(db, agentId, f.id)).toEqual(f);
    expect(listFlows(db, agentId)).toEqual([
      { id: f.id, name: "Main", revision: 1, nodeCount: 1, updatedAt: f.updatedAt },
    ]);
    expect(findFlow(db, agentId, "main")?.id).toBe(f.id);
    expect(findFlow(db, agentId, f.id)?.id).toBe(f.id);
    expect(getFlowById(db, f.id)).toEqual(f);
    expect(getFlowById(db, "flow_missing")).toBeNull();
  });

  it("keeps names unique per agent ignoring case", () => {
    create("Main");
    expect(createFlow(db, agentId, doc("MAIN"))).toMatchObject({ ok: false, status: "name_taken" });
    const b = create("Other");
    expect(renameFlow(db, agentId, b.id, "main")).toMatchObject({ ok: false, status: "name_taken" });
    expect(renameFlow(db, agentId, b.id, "other")).toMatchObject({ ok: true, flow: { name: "other", revision: 2 } });
  });

  it("a rename points the agent's Go to flow nodes at the new name, in every flow, with new revisions", () => {
    const billing = create("Billing");
    const goto = (id: string, flow: string) =>
      ({ id, type: "goto_flow", position: { x: 0, y: 100 }, data: { flow } }) as const;
    const mainDoc = doc("Main");
    const main = createFlow(db, agentId, {
      ...mainDoc,
      nodes: [...mainDoc.nodes, goto("g1", "billing"), goto("g2", "Sales")],
    });
    if (!main.ok) throw new Error(main.status);
    const other = createAgent(db, "Other agent").id;
    const foreign = createFlow(db, other, { ...doc("Main"), nodes: [...mainDoc.nodes, goto("g", "Billing")] });
    if (!foreign.ok) throw new Error(foreign.status);

    const r = renameFlow(db, agentId, billing.id, "Accounts");
    expect(r).toMatchObject({ ok: true, flow: { name: "Accounts", revision: 2 }, retargeted: 1 });
    const after = getFlow(db, agentId, main.flow.id)!;
    expect(after.revision).toBe(2);
    expect(after.nodes.map((n) => (n.type === "goto_flow" ? n.data.flow : n.type))).toEqual([
      "start",
      "Accounts",
      "Sales",
    ]);
    expect(
      lintFlow(after, { destinations: [], functions: [], variables: [], flows: ["Main", "Accounts"] }).filter(
        (p) => p.rule === "unknown-flow",
      ),
    ).toEqual([expect.objectContaining({ nodeId: "g2" })]);
    // Another agent's flows are not this agent's to change.
    expect(getFlow(db, other, foreign.flow.id)).toEqual(foreign.flow);
    // Renamed back, the node follows; a flow no node names changes no other flow.
    expect(renameFlow(db, agentId, billing.id, "Billing")).toMatchObject({ ok: true, retargeted: 1 });
    expect(getFlow(db, agentId, main.flow.id)!.nodes[1]).toMatchObject({ data: { flow: "Billing" } });
    expect(renameFlow(db, agentId, main.flow.id, "Front door")).toMatchObject({ ok: true, retargeted: 0 });
    expect(getFlow(db, agentId, billing.id)!.revision).toBe(3);
  });

  it("a rename names the agent's functions whose code still goes to the old name, and leaves their code", () => {
    const billing = create("Billing");
    const code = 'def to_billing(conv):\n    conv.goto_flow("billing")\n';
    expect(createFunction(db, agentId, { name: "to_billing", description: "", code }).ok).toBe(true);
    const other = createAgent(db, "Other agent").id;
    expect(createFunction(db, other, { name: "theirs", description: "", code }).ok).toBe(true);

    expect(renameFlow(db, agentId, billing.id, "Accounts")).toMatchObject({ ok: true, namedInCode: ["to_billing"] });
    expect(listFunctions(db, agentId).find((f) => f.name === "to_billing")!.code).toBe(code);
    // Renamed again, nothing names "Accounts" in code.
    expect(renameFlow(db, agentId, billing.id, "Billing desk")).not.toHaveProperty("namedInCode");
  });

  it("a rename moves the draft scenarios that name the flow to the new name; pinned ones keep theirs", () => {
    const billing = create("Billing");
    const make = (name: string, over: Partial<Scenario>) => {
      const r = createScenario(db, agentId, { name, expect: { outcome: "handoff" }, ...over });
      if (!r.ok) throw new Error(r.status);
      return r.scenario.id;
    };
    const draft = make("Draft", { flow: "billing" });
    const pinned = make("Pinned", { flow: "Billing", version: "1" });
    const elsewhere = make("Elsewhere", { flow: "Sales" });

    expect(renameFlow(db, agentId, billing.id, "Accounts")).toMatchObject({ ok: true, scenariosFollowed: 1 });
    const flowOf = (id: string) => getScenario(db, agentId, id)!.scenario.flow;
    expect([flowOf(draft), flowOf(pinned), flowOf(elsewhere)]).toEqual(["Accounts", "Billing", "Sales"]);
  });

  it("a rename that fails changes no Go to flow node", () => {
    const billing = create("Billing");
    create("Taken");
    const mainDoc = doc("Main");
    const main = createFlow(db, agentId, {
      ...mainDoc,
      nodes: [...mainDoc.nodes, { id: "g", type: "goto_flow", position: { x: 0, y: 0 }, data: { flow: "Billing" } }],
    });
    if (!main.ok) throw new Error(main.status);
    expect(renameFlow(db, agentId, billing.id, "taken")).toMatchObject({ ok: false, status: "name_taken" });
    expect(getFlow(db, agentId, main.flow.id)).toEqual(main.flow);
  });

  it("saves only on the revision it was based on, bumping it", () => {
    const f = create("Main");
    const edited = {
      nodes: [...f.nodes, { id: "end", type: "end" as const, position: { x: 0, y: 100 }, data: { goodbye: "" } }],
      edges: [],
    };
    const first = saveFlow(db, agentId, f.id, edited, 1);
    expect(first).toMatchObject({ ok: true, revision: 2 });
    // A second tab still on revision 1 is refused and told what is stored now.
    const stale = saveFlow(db, agentId, f.id, { nodes: [], edges: [] }, 1);
    expect(stale).toMatchObject({ ok: false, status: "stale", theirs: { revision: 2 } });
    expect(getFlow(db, agentId, f.id)?.nodes).toHaveLength(2);
    expect(saveFlow(db, agentId, "flow_missing", edited, 1)).toEqual({ ok: false, status: "not_found" });
  });

  it("duplicates under a free name and deletes", () => {
    const f = create("Main");
    const copy = duplicateFlow(db, agentId, f.id);
    expect(copy).toMatchObject({ ok: true, flow: { name: "Main (copy)", revision: 1 } });
    expect(duplicateFlow(db, agentId, f.id)).toMatchObject({ ok: true, flow: { name: "Main (copy 2)" } });
    expect(deleteFlow(db, agentId, f.id)).toBe(true);
    expect(deleteFlow(db, agentId, f.id)).toBe(false);
    expect(listFlows(db, agentId).map((x) => x.name)).toEqual(["Main (copy)", "Main (copy 2)"]);
  });

  it("lists flows created in the same millisecond in the order they were created", () => {
    const names = ["Zeta", "Alpha", "Mid", "Beta", "Omega"];
    for (const name of names) create(name);
    db.$client.prepare("UPDATE flows SET created_at = '2026-01-01T00:00:00.000Z' WHERE agent_id = ?").run(agentId);
    expect(listFlows(db, agentId).map((f) => f.name)).toEqual(names);
  });

  it("keeps the order flows were created in when the clock steps back between them", () => {
    create("First");
    create("Second");
    // A wall clock adjusted backwards between the two inserts.
    db.$client
      .prepare("UPDATE flows SET created_at = '2020-01-01T00:00:00.000Z' WHERE agent_id = ? AND name = 'Second'")
      .run(agentId);
    expect(listFlows(db, agentId).map((f) => f.name)).toEqual(["First", "Second"]);
  });

  it("the seeded demo agent has a lint-clean Main line flow", () => {
    const id = seedDemoAgent(db);
    const [flow] = listFlows(db, id);
    expect(flow?.name).toBe("Main line");
    const stored = getFlow(db, id, flow!.id)!;
    const functions = listFunctions(db, id).map((f) => ({ name: f.name, code: f.code }));
    expect(functions.map((f) => f.name).sort()).toEqual(["route_vip", "start_function"]);
    const errors = lintFlow(stored, {
      destinations: listDestinations(db, id),
      functions,
      variables: ["customer_id", "tier"],
    }).filter((p) => p.severity === "error");
    expect(errors).toEqual([]);
    expect(listAgents(db).length).toBe(2);
  });
});
