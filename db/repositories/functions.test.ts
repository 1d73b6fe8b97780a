import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { flows } from "../schema";
import { createAgent } from "./agents";
import {
  createFunction,
  deleteFunction,
  findFunctionByName,
  functionUsages,
  getFunction,
  listFunctions,
  renameDefinition,
  renameFunction,
  saveFunction,
} from "./functions";
import { seedDemoAgent } from "../seed";
import { DEMO_FUNCTION } from "../../lib/functions/templates";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;

beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = createAgent(db, "Test agent").id;
});
afterEach(() => ctx.cleanup());

function create(name: string, code = `def ${name}(conv):\n    return "hi"\n`) {
  const r = createFunction(db, agentId, { name, description: "", code });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.function;
}

function addFlow(name: string, nodes: unknown[]) {
  const now = new Date().toISOString();
  db.insert(flows)
    .values({
      id: `flow_${name}`,
      agentId,
      name,
      nameKey: name.toLowerCase(),
      nodes,
      edges: [],
      createdAt: now,
      updatedAt: now,
    })
    .run();
}

describe("functions repository", () => {
  it("creates, reads back, lists by name and saves code", async () => {
    const b = create("b_fn");
    const a = create("a_fn");
    expect(getFunction(db, agentId, b.id)).toEqual(b);
    expect(listFunctions(db, agentId).map((f) => f.name)).toEqual(["a_fn", "b_fn"]);
    await new Promise((r) => setTimeout(r, 5));
    const saved = saveFunction(db, agentId, a.id, { code: "def a_fn(conv):\n    return 1\n", description: "d" });
    expect(saved.ok && saved.function).toMatchObject({ code: "def a_fn(conv):\n    return 1\n", description: "d" });
    expect(saved.ok && saved.function.updatedAt > a.updatedAt).toBe(true);
    expect(saveFunction(db, agentId, "fn_missing", { code: "" })).toEqual({ ok: false, status: "not_found" });
  });

  it("keeps names unique per agent (case-sensitive like Python) but not across agents", () => {
    create("route_vip");
    expect(createFunction(db, agentId, { name: "route_vip", description: "", code: "" })).toEqual({
      ok: false,
      status: "invalid",
      fieldErrors: { name: "A function named route_vip already exists for this agent" },
    });
    expect(createFunction(db, agentId, { name: "Route_VIP", description: "", code: "" }).ok).toBe(true);
    const other = createAgent(db, "Other").id;
    expect(createFunction(db, other, { name: "route_vip", description: "", code: "" }).ok).toBe(true);
    expect(() =>
      db.$client
        .prepare(
          "INSERT INTO functions (id, agent_id, name, created_at, updated_at) VALUES ('x', ?, 'route_vip', '', '')",
        )
        .run(agentId),
    ).toThrow(/UNIQUE/);
  });

  it("finds the flow nodes that use a function", () => {
    create("route_vip");
    addFlow("Main", [
      { id: "n1", type: "function", data: { functionName: "route_vip", arguments: [] } },
      { id: "n2", type: "handoff", data: { title: "VIP line", overrideFunction: "route_vip" } },
      { id: "n3", type: "handoff", data: { overrideFunction: null } },
      { id: "n4", type: "function", data: { functionName: "other" } },
    ]);
    addFlow("Second", [{ id: "x9", type: "function", data: { functionName: "route_vip" } }]);
    expect(functionUsages(db, agentId, "route_vip")).toEqual([
      {
        flowId: "flow_Main",
        flowName: "Main",
        nodeId: "n1",
        nodeType: "function",
        nodeTitle: "Function: route_vip",
        label: 'function node "Function: route_vip" in Main',
      },
      {
        flowId: "flow_Main",
        flowName: "Main",
        nodeId: "n2",
        nodeType: "handoff",
        nodeTitle: "VIP line",
        label: 'handoff node (override) "VIP line" in Main',
      },
      {
        flowId: "flow_Second",
        flowName: "Second",
        nodeId: "x9",
        nodeType: "function",
        nodeTitle: "Function: route_vip",
        label: 'function node "Function: route_vip" in Second',
      },
    ]);
    expect(functionUsages(db, agentId, "unused")).toEqual([]);
  });

  it("renames the record, its def and the flow nodes that name it, bumping those flows' revisions", () => {
    const f = create(
      "route_vip",
      "def route_vip(conv):\n    return helper()\n\ndef helper():\n    return 'route_vip'\n",
    );
    create("taken");
    addFlow("Main", [
      { id: "n1", type: "function", data: { functionName: "route_vip", arguments: [] } },
      { id: "n2", type: "handoff", data: { overrideFunction: "route_vip", reason: "" } },
    ]);
    addFlow("Untouched", [{ id: "u", type: "say", data: {} }]);
    expect(renameFunction(db, agentId, f.id, "taken")).toMatchObject({ ok: false, status: "invalid" });
    const r = renameFunction(db, agentId, f.id, "send_to_vip");
    expect(r).toMatchObject({ ok: true, updatedNodes: 2 });
    expect(r.ok && r.function.code).toBe(
      "def send_to_vip(conv):\n    return helper()\n\ndef helper():\n    return 'route_vip'\n",
    );
    const main = db.$client.prepare("SELECT nodes, revision FROM flows WHERE id = 'flow_Main'").get() as {
      nodes: string;
      revision: number;
    };
    expect(main.revision).toBe(2);
    expect(JSON.parse(main.nodes)).toEqual([
      { id: "n1", type: "function", data: { functionName: "send_to_vip", arguments: [] } },
      { id: "n2", type: "handoff", data: { overrideFunction: "send_to_vip", reason: "" } },
    ]);
    expect(
      (db.$client.prepare("SELECT revision FROM flows WHERE id = 'flow_Untouched'").get() as { revision: number })
        .revision,
    ).toBe(1);
    expect(renameFunction(db, agentId, "fn_missing", "x")).toEqual({ ok: false, status: "not_found" });
  });

  it("renameDefinition only touches def lines", () => {
    expect(renameDefinition("async def a(conv):\n  a = 1\n  def a (x): pass\n", "a", "b")).toBe(
      "async def b(conv):\n  a = 1\n  def b (x): pass\n",
    );
    expect(renameDefinition("def ab(conv): pass", "a", "b")).toBe("def ab(conv): pass");
  });

  it("deletes within its agent only", () => {
    const f = create("gone");
    const other = createAgent(db, "Other").id;
    expect(deleteFunction(db, other, f.id)).toBe(false);
    expect(deleteFunction(db, agentId, f.id)).toBe(true);
    expect(deleteFunction(db, agentId, f.id)).toBe(false);
    expect(findFunctionByName(db, agentId, "gone")).toBeNull();
  });

  it("the demo agent is seeded with route_vip", () => {
    const demo = seedDemoAgent(db);
    const fn = findFunctionByName(db, demo, DEMO_FUNCTION.name);
    expect(fn?.code).toContain('conv.state.get("tier") == "gold"');
    expect(fn?.code).toContain("sip:vip@pbx.acme.example");
  });
});
