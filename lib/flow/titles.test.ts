import { describe, expect, it } from "vitest";
import { catalogue, NODE_KINDS } from "./catalogue";
import { parseFlowDocument } from "./schema";
import { at, context, doc } from "./testing/builders";
import { prepareContext } from "./problems";
import { customTitle, handleLabel, NO_TITLE_CONTEXT, nodeTitle, nodeTitles, titleContextOf } from "./titles";
import type { FlowNode } from "./types";

const ctx = prepareContext(context());
const node = (n: Omit<FlowNode, "position">): FlowNode => ({ ...n, position: at }) as FlowNode;

describe("default titles", () => {
  it("every kind's fresh node is titled with its kind alone", () => {
    for (const kind of NODE_KINDS) {
      const title = nodeTitle({ type: kind, data: catalogue[kind].defaults() } as FlowNode, NO_TITLE_CONTEXT);
      expect(title).toBe(catalogue[kind].label);
    }
  });

  it("say and listen name what they say and listen for", () => {
    expect(nodeTitle(node({ id: "a", type: "say", data: { utterance: "  Welcome   to Acme " } }), ctx)).toBe(
      "Say: Welcome to Acme",
    );
    const branches = [
      { id: "b1", label: "billing", examples: [], keywords: [] },
      { id: "b2", label: "agent", examples: [], keywords: [] },
      { id: "b3", label: "", examples: [], keywords: [] },
    ];
    expect(nodeTitle(node({ id: "l", type: "listen", data: { prompt: "", retries: 1, branches } }), ctx)).toBe(
      "Listen: billing, agent, Branch 3",
    );
  });

  it("long content is shortened to 40 characters", () => {
    const title = nodeTitle(node({ id: "a", type: "say", data: { utterance: "word ".repeat(30) } }), ctx);
    expect(title.startsWith("Say: word word")).toBe(true);
    expect(title.endsWith("…")).toBe(true);
    expect(title.length).toBe("Say: ".length + 40);
  });

  it("condition and set list their variables once; function names its function", () => {
    const rules = [
      { id: "r1", variable: "tier", operator: "equals" as const, value: "gold" },
      { id: "r2", variable: "tier", operator: "is_set" as const, value: "" },
      { id: "r3", variable: "vip", operator: "is_set" as const, value: "" },
    ];
    expect(nodeTitle(node({ id: "c", type: "condition", data: { rules } }), ctx)).toBe("Condition: $tier, $vip");
    const assignments = [
      { variable: "plan", value: "x" },
      { variable: " ", value: "" },
    ];
    expect(nodeTitle(node({ id: "s", type: "set", data: { assignments } }), ctx)).toBe("Set variables: $plan");
    const fn = { functionName: "lookup_customer", arguments: [] };
    expect(nodeTitle(node({ id: "f", type: "function", data: fn }), ctx)).toBe("Function: lookup_customer");
  });

  it("handoff names its destination, the agent's default when it has none, nothing when it is gone", () => {
    const data = { destinationId: "hd_billing", reason: "", utterance: "", overrideFunction: null };
    expect(nodeTitle(node({ id: "h", type: "handoff", data }), ctx)).toBe("Handoff: Billing Support");
    expect(nodeTitle(node({ id: "h", type: "handoff", data: { ...data, destinationId: null } }), ctx)).toBe(
      "Handoff: Front desk",
    );
    expect(nodeTitle(node({ id: "h", type: "handoff", data: { ...data, destinationId: "gone" } }), ctx)).toBe(
      "Handoff",
    );
    const destinations = [{ id: "d1", name: "Sales", isDefault: true }];
    expect(
      nodeTitle(
        node({ id: "h", type: "handoff", data: { ...data, destinationId: null } }),
        titleContextOf(destinations),
      ),
    ).toBe("Handoff: Sales");
  });
});

describe("custom titles", () => {
  it("a title someone typed wins, trimmed; a blank one falls back to the default", () => {
    const say = node({ id: "a", type: "say", data: { title: "  Greeting ", utterance: "Hi" } });
    expect(nodeTitle(say, ctx)).toBe("Greeting");
    expect(customTitle(say)).toBe("Greeting");
    expect(nodeTitle({ ...say, data: { title: "   ", utterance: "Hi" } }, ctx)).toBe("Say: Hi");
  });

  it("flows stored before titles existed load, and their nodes get default titles", () => {
    const stored = {
      name: "Old",
      nodes: [
        { id: "s", type: "start", position: at, data: { greeting: "" } },
        { id: "z", type: "end", position: at, data: { goodbye: "Bye" } },
      ],
      edges: [{ id: "e", source: "s", sourceHandle: "next", target: "z" }],
    };
    const parsed = parseFlowDocument(stored);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.doc.nodes[0]!.data).not.toHaveProperty("title");
    expect(nodeTitles(parsed.doc.nodes, ctx)).toEqual({ s: "Start", z: "End" });
  });

  it("titles are at most 80 characters", () => {
    const stored = doc([node({ id: "s", type: "start", data: { title: "x".repeat(81), greeting: "" } })]);
    const parsed = parseFlowDocument(stored);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { path: "nodes[0].data.title", message: "Titles are at most 80 characters" },
    ]);
  });
});

describe("naming helpers", () => {
  it("handleLabel gives a branch's label, fixed handles' names, and the id for a handle the node lacks", () => {
    const listen = node({
      id: "l",
      type: "listen",
      data: { prompt: "", retries: 1, branches: [{ id: "br_x1", label: "Billing", examples: [], keywords: [] }] },
    });
    expect(handleLabel(listen, "br_x1")).toBe("Billing");
    expect(handleLabel(listen, "no_match")).toBe("No match");
    expect(handleLabel(listen, "br_gone")).toBe("br_gone");
  });

  it("nodeTitles picks only the asked-for ids and skips unknown ones", () => {
    const nodes = [
      node({ id: "a", type: "say", data: { utterance: "Hi" } }),
      node({ id: "b", type: "end", data: { goodbye: "" } }),
    ];
    expect(nodeTitles(nodes, ctx, ["b", "missing"])).toEqual({ b: "End" });
  });
});
