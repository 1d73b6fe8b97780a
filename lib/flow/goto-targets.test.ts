import { describe, expect, it } from "vitest";
import { retargetGotoNodes } from "./goto-targets";
import type { FlowNode } from "./types";

const at = { x: 0, y: 0 };
const goto = (id: string, flow: string): FlowNode => ({ id, type: "goto_flow", position: at, data: { flow } });
const say: FlowNode = { id: "s", type: "say", position: at, data: { utterance: "Billing" } };

describe("retargetGotoNodes", () => {
  it("renames the targets that named the old name, ignoring case and spaces, and counts them", () => {
    const nodes = [goto("a", "Billing"), goto("b", "  billing "), goto("c", "Sales"), say];
    const { nodes: out, changed } = retargetGotoNodes(nodes, "Billing", "Accounts");
    expect(changed).toBe(2);
    expect(out.map((n) => (n.type === "goto_flow" ? n.data.flow : n.type))).toEqual([
      "Accounts",
      "Accounts",
      "Sales",
      "say",
    ]);
    // Untouched nodes are the same objects; the input is not modified.
    expect(out[2]).toBe(nodes[2]);
    expect(out[3]).toBe(nodes[3]);
    expect(nodes[0]!.type === "goto_flow" && nodes[0]!.data.flow).toBe("Billing");
  });

  it("keeps a node's title and reports nothing when no node names the flow", () => {
    const titled: FlowNode = {
      id: "t",
      type: "goto_flow",
      position: at,
      data: { flow: "Billing", title: "To billing" },
    };
    const { nodes: out } = retargetGotoNodes([titled], "billing", "Accounts");
    expect(out[0]).toEqual({ ...titled, data: { flow: "Accounts", title: "To billing" } });
    expect(retargetGotoNodes([goto("c", "Sales"), say], "Billing", "Accounts").changed).toBe(0);
  });

  it("a change of case only is a rename too; the same name is no change", () => {
    expect(retargetGotoNodes([goto("a", "billing")], "billing", "Billing").changed).toBe(1);
    expect(retargetGotoNodes([goto("a", "Billing")], "Billing", "Billing").changed).toBe(0);
  });
});
