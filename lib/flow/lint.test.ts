import { describe, expect, it } from "vitest";
import { lintFlow } from "./lint";
import type { LintRule } from "./problems";
import { around, at, billing, context, doc, edge } from "./testing/builders";
import type { FlowDocument, FlowNode, HandoffData, ListenData } from "./types";

/** Problems without suggestions (every handoff node suggests a Failed branch; tested on its own). */
const lint = (d: FlowDocument, ctx = context()) => lintFlow(d, ctx).filter((p) => p.severity !== "info");
const rulesOf = (d: FlowDocument, ctx = context()): LintRule[] => lint(d, ctx).map((p) => p.rule);
const say = (id: string, utterance = "Hi"): FlowNode => ({ id, type: "say", position: at, data: { utterance } });
const handoff = (data: Partial<HandoffData> = {}): FlowNode => ({
  id: "h",
  type: "handoff",
  position: at,
  data: { destinationId: null, reason: "", utterance: "", overrideFunction: null, ...data },
});
const listen = (data: Partial<ListenData> = {}): FlowNode => ({
  id: "l",
  type: "listen",
  position: at,
  data: { prompt: "", retries: 1, branches: [{ id: "b1", label: "Yes", examples: ["yes"], keywords: [] }], ...data },
});
const listenAround = (node: FlowNode) =>
  around(node, [...(node.data as ListenData).branches.map((b) => b.id), "no_match"]);

describe("lintFlow", () => {
  it("is clean for a well-formed flow", () => {
    expect(lint(around(say("a")), context())).toEqual([]);
  });

  it("no-start / multiple-start", () => {
    expect(rulesOf(doc([say("a")]))).toEqual(["no-start", "dead-end"]);
    const two = around(say("a"));
    two.nodes.push(
      { id: "s2", type: "start", position: at, data: { greeting: "" } },
      { id: "s3", type: "start", position: at, data: { greeting: "" } },
    );
    two.edges.push(edge("s2", "next", "a"), edge("s3", "next", "a"));
    const problems = lint(two, context());
    expect(problems.filter((p) => p.rule === "multiple-start").map((p) => p.nodeId)).toEqual(["s2", "s3"]);
    expect(problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("unreachable", () => {
    const d = around(say("a"));
    d.nodes.push(say("orphan"));
    d.edges.push(edge("orphan", "next", "z"));
    const p = lint(d, context());
    expect(p).toEqual([
      expect.objectContaining({ rule: "unreachable", severity: "warning", nodeId: "orphan", id: "unreachable:orphan" }),
    ]);
  });

  it("dangling-edge: missing source, missing target, deleted handle", () => {
    const d = around(say("a"));
    d.edges.push(edge("ghost", "next", "a", "e1"), edge("a", "next", "nowhere", "e2"), edge("a", "gone", "z", "e3"));
    const p = lint(d, context()).filter((x) => x.rule === "dangling-edge");
    expect(p.map((x) => [x.edgeId, x.path, x.severity])).toEqual([
      ["e1", "source", "error"],
      ["e2", "target", "error"],
      ["e3", "sourceHandle", "error"],
    ]);
  });

  it("dangling-edge after a listen branch is deleted", () => {
    const d = listenAround(listen());
    expect(rulesOf(d)).toEqual([]);
    (d.nodes[1]!.data as ListenData).branches = [];
    expect(rulesOf(d)).toEqual(["dangling-edge"]);
  });

  it("dead-end: an unconnected out handle; terminal kinds are exempt", () => {
    const d = around(listen({ branches: [{ id: "b1", label: "Yes", examples: ["yes"], keywords: [] }] }), ["b1"]);
    const p = lint(d, context());
    expect(p).toEqual([
      expect.objectContaining({
        rule: "dead-end",
        severity: "warning",
        nodeId: "l",
        message: 'Branch "No match" leads nowhere: the call would stop here',
      }),
    ]);
    expect(rulesOf(around(handoff(), []))).toEqual([]);
  });

  it("handoff-no-fallback: a handoff without a Failed edge gets a suggestion, never a dead-end warning", () => {
    const open = lintFlow(around(handoff({ fallbackLine: "Sorry, $customer_id." }), []), context());
    expect(open).toEqual([
      expect.objectContaining({
        rule: "handoff-no-fallback",
        severity: "info",
        nodeId: "h",
        message: expect.stringContaining('the agent says "Sorry, $customer_id." and asks the last question again'),
      }),
    ]);
    expect(lintFlow(around(handoff(), []), context())[0]!.message).toContain("I couldn't connect you right now.");
    expect(lintFlow(around(handoff(), ["failed"]), context())).toEqual([]);
  });

  it("duplicate-handle and ambiguous-edge", () => {
    const branch = { id: "b1", label: "Yes", examples: ["yes"], keywords: [] };
    expect(rulesOf(listenAround(listen({ branches: [branch, { ...branch }] })))).toContain("duplicate-handle");
    const d = around(say("a"));
    d.edges.push(edge("a", "next", "s", "dup"));
    expect(rulesOf(d)).toEqual(["ambiguous-edge"]);
  });

  it("listen-branch-empty", () => {
    const empty = { id: "b1", label: "Empty", examples: [" "], keywords: [], regex: "" };
    const p = lint(listenAround(listen({ branches: [empty] })), context());
    expect(p).toEqual([
      expect.objectContaining({ rule: "listen-branch-empty", severity: "error", path: "data.branches[0]" }),
    ]);
    expect(rulesOf(listenAround(listen({ branches: [{ ...empty, regex: "^yes$" }] })))).toEqual([]);
    expect(rulesOf(listenAround(listen({ branches: [{ ...empty, keywords: ["yes"] }] })))).toEqual([]);
  });

  it("invalid-regex", () => {
    const bad = { id: "b1", label: "R", examples: [], keywords: [], regex: "(unclosed" };
    const p = lint(listenAround(listen({ branches: [bad] })), context());
    expect(p).toEqual([
      expect.objectContaining({ rule: "invalid-regex", path: "data.branches[0].regex", severity: "error" }),
    ]);
  });

  it("handoff-no-destination only when the agent has no default", () => {
    expect(rulesOf(around(handoff(), []))).toEqual([]);
    const noDefault = context({ destinations: [billing] });
    expect(rulesOf(around(handoff(), []), noDefault)).toEqual(["handoff-no-destination"]);
    expect(rulesOf(around(handoff({ destinationId: billing.id }), []), noDefault)).toEqual([]);
  });

  it("destination-deleted", () => {
    const p = lint(around(handoff({ destinationId: "hd_gone" }), []), context());
    expect(p).toEqual([
      expect.objectContaining({
        rule: "destination-deleted",
        path: "data.destinationId",
        message: "The destination was deleted: choose another",
      }),
    ]);
  });

  it("invalid-reason", () => {
    for (const reason of ["Billing", "1abc", "has space", "a".repeat(65)]) {
      const p = lint(around(handoff({ reason }), []), context());
      expect(p).toEqual([expect.objectContaining({ rule: "invalid-reason", path: "data.reason", severity: "error" })]);
    }
    for (const reason of ["", "billing", "needs_human", `a${"b".repeat(63)}`])
      expect(rulesOf(around(handoff({ reason }), []))).toEqual([]);
  });

  it("unknown-function on function nodes and handoff overrides", () => {
    const fn: FlowNode = { id: "f", type: "function", position: at, data: { functionName: "lookup", arguments: [] } };
    expect(rulesOf(around(fn, ["next", "error"]))).toEqual(["unknown-function"]);
    const ctx = context({ functions: [{ name: "lookup", code: "def lookup(conv):\n  conv.transfer_call('2001')" }] });
    expect(rulesOf(around(fn, ["next", "error"]), ctx)).toEqual([]);
    expect(rulesOf(around(handoff({ overrideFunction: "route_vip" }), []), ctx)).toEqual(["unknown-function"]);
    expect(rulesOf(around(handoff({ overrideFunction: "lookup" }), []), ctx)).toEqual([]);
  });

  it("override-never-transfers", () => {
    const never = { name: "route_vip", code: "def route_vip(conv):\n  return 'hello'" };
    const p = lint(around(handoff({ overrideFunction: "route_vip" }), []), context({ functions: [never] }));
    expect(p).toEqual([expect.objectContaining({ rule: "override-never-transfers", severity: "warning" })]);
    for (const code of [
      "conv.handoff(destination='X')",
      "conv.call_handoff()",
      "conv.transfer_call('2001', soft=True)",
      "return {'handoff': 'Billing'}",
    ]) {
      expect(
        rulesOf(
          around(handoff({ overrideFunction: "route_vip" }), []),
          context({ functions: [{ name: "route_vip", code }] }),
        ),
      ).toEqual([]);
    }
    // A transfer mentioned only in a comment or a string does not count.
    for (const code of ["# conv.transfer_call('2001')\nreturn 'hi'", "return 'call conv.handoff() later'"]) {
      expect(
        rulesOf(
          around(handoff({ overrideFunction: "route_vip" }), []),
          context({ functions: [{ name: "route_vip", code }] }),
        ),
      ).toEqual(["override-never-transfers"]);
    }
  });

  it("long-utterance: a pre-handoff utterance over 20 s of speech (150 words a minute) is a warning", () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
    // 50 words are exactly 20 s: not over.
    expect(rulesOf(around(handoff({ utterance: words(50) }), []))).toEqual([]);
    const p = lint(around(handoff({ utterance: words(88) }), []), context());
    expect(p).toEqual([
      expect.objectContaining({
        rule: "long-utterance",
        severity: "warning",
        path: "data.utterance",
        message:
          "The pre-handoff utterance takes about 36 s to say (over 20 s): the caller waits that long before the transfer starts",
      }),
    ]);
  });

  it("invalid-header on the chosen (or default) destination", () => {
    const broken = {
      ...billing,
      sipHeaders: [
        { name: "Via", value: "x" },
        { name: "X-Ok", value: "a\r\nInjected: 1" },
        { name: "X-Fine", value: "ok" },
      ],
    };
    const p = lint(around(handoff({ destinationId: billing.id }), []), context({ destinations: [broken] }));
    expect(p.map((x) => [x.rule, x.id])).toEqual([
      ["invalid-header", "invalid-header:h:hd_billing:0"],
      ["invalid-header", "invalid-header:h:hd_billing:1"],
    ]);
    const viaDefault = context({ destinations: [{ ...broken, isDefault: true }] });
    expect(rulesOf(around(handoff(), []), viaDefault)).toEqual(["invalid-header", "invalid-header"]);
    expect(rulesOf(around(handoff({ destinationId: billing.id }), []))).toEqual([]);
  });

  it("twilio-header only when the agent answers on a Twilio number", () => {
    const headers = {
      ...billing,
      sipHeaders: [
        { name: "Customer-ID", value: "1" },
        { name: "X-Twilio-Thing", value: "2" },
        { name: "User-to-User", value: "3" },
        ...[1, 2, 3].map((n) => ({ name: `X-Long-${n}`, value: "v".repeat(320) })),
      ],
    };
    const flow = around(handoff({ destinationId: billing.id }), []);
    expect(rulesOf(flow, context({ destinations: [headers] }))).toEqual([]);
    const p = lint(flow, context({ destinations: [headers], twilio: true }));
    expect(p.map((x) => [x.rule, x.severity, x.id])).toEqual([
      ["twilio-header", "warning", "twilio-header:h:hd_billing:0"],
      ["twilio-header", "warning", "twilio-header:h:hd_billing:1"],
      ["twilio-header", "warning", "twilio-header:h:hd_billing"],
    ]);
    expect(p[0]!.message).toMatch(/Twilio sends only X- headers/);
    expect(p[2]!.message).toMatch(/Twilio allows fewer than 1024/);
  });

  it("unknown-variable across text fields; built-ins, agent, set and condition variables are known", () => {
    const d = around(say("a", "Hi $caller_id $customer_id $mystery"));
    const p = lint(d, context());
    expect(p).toEqual([
      expect.objectContaining({
        rule: "unknown-variable",
        severity: "warning",
        path: "data.utterance",
        id: "unknown-variable:a:data.utterance:mystery",
      }),
    ]);
    d.nodes.push({
      id: "set",
      type: "set",
      position: at,
      data: { assignments: [{ variable: "mystery", value: "$nope" }] },
    });
    d.edges.push(edge("set", "next", "a"), edge("s", "next", "set", "e_alt"));
    expect(lint(d, context()).map((x) => [x.rule, x.path])).toEqual([
      ["ambiguous-edge", undefined],
      ["unknown-variable", "data.assignments[0].value"],
    ]);
    const cond: FlowNode = {
      id: "c",
      type: "condition",
      position: at,
      data: { rules: [{ id: "r", variable: "tier", operator: "equals", value: "$tier2" }] },
    };
    expect(rulesOf(around(cond, ["r", "else"]))).toEqual(["unknown-variable"]);
    const h = around(handoff({ utterance: "Bye $tier" }), []);
    expect(rulesOf(h)).toEqual(["unknown-variable"]);
    // The condition checks $tier, so $tier is known everywhere in the flow.
    const checked = around(
      { ...cond, data: { rules: [{ id: "r", variable: "tier", operator: "is_set", value: "$ignored" }] } },
      [],
    );
    checked.nodes.push(handoff({ utterance: "Bye $tier" }));
    checked.edges.push(edge("c", "r", "h"), edge("c", "else", "h"));
    expect(rulesOf(checked)).toEqual([]);
  });

  it("invalid-variable-name for set and condition variables", () => {
    const set: FlowNode = {
      id: "a",
      type: "set",
      position: at,
      data: {
        assignments: [
          { variable: "$tier", value: "x" },
          { variable: "1x", value: "y" },
        ],
      },
    };
    const p = lint(around(set), context());
    expect(p.map((x) => [x.rule, x.path])).toEqual([
      ["invalid-variable-name", "data.assignments[0].variable"],
      ["invalid-variable-name", "data.assignments[1].variable"],
    ]);
    expect(p[0]!.message).toContain("without the $");
    const cond: FlowNode = {
      id: "c",
      type: "condition",
      position: at,
      data: { rules: [{ id: "r", variable: "", operator: "is_set", value: "" }] },
    };
    expect(rulesOf(around(cond, ["r", "else"]))).toEqual(["invalid-variable-name"]);
  });

  it("problem ids are unique and stable", () => {
    const d = around(say("a", "$x $y"));
    d.nodes.push(say("b", "$x"));
    const first = lint(d, context()).map((p) => p.id);
    expect(new Set(first).size).toBe(first.length);
    expect(lint(structuredClone(d), context()).map((p) => p.id)).toEqual(first);
  });
});

describe("Go to flow lint", () => {
  const gotoNode = (flow: string): FlowNode => ({ id: "g", type: "goto_flow", position: at, data: { flow } });
  const listenNode: FlowNode = {
    id: "l",
    type: "listen",
    position: at,
    data: { prompt: "Again?", retries: 1, branches: [{ id: "b", label: "yes", examples: ["yes"], keywords: [] }] },
  };
  const ctx = context({ flows: ["Main", "Billing"], flowName: "Main" });
  const rules = (d: FlowDocument) =>
    lintFlow(d, ctx)
      .filter((p) => p.severity === "error")
      .map((p) => p.rule);

  it("an unknown flow is an error; a known one (any case) is not", () => {
    expect(rules(around(gotoNode("Sales")))).toEqual(["unknown-flow"]);
    expect(rules(around(gotoNode("BILLING")))).toEqual([]);
  });

  it("a jump back to its own flow with no Listen on the way is an error; with one in between it is fine", () => {
    expect(rules(around(gotoNode("main")))).toEqual(["flow-jump-loop"]);
    const problem = lintFlow(around(gotoNode("Main")), ctx).find((p) => p.rule === "flow-jump-loop")!;
    expect(problem).toMatchObject({ nodeId: "g", path: "data.flow" });
    const s: FlowNode = { id: "s", type: "start", position: at, data: { greeting: "" } };
    const withListen = doc(
      [s, listenNode, gotoNode("Main")],
      [edge("s", "next", "l"), edge("l", "b", "g"), edge("l", "no_match", "g")],
    );
    expect(rules(withListen)).toEqual([]);
    // Without the flow's own name (a lone flow file) the rule cannot tell.
    expect(lintFlow(around(gotoNode("Main")), context({ flows: ["Main"] })).map((p) => p.rule)).not.toContain(
      "flow-jump-loop",
    );
  });
});

describe("typed parameter lint", () => {
  const fnNode = (args: { name: string; value: string }[]): FlowNode => ({
    id: "f",
    type: "function",
    position: at,
    data: { functionName: "refund", arguments: args },
  });
  const ctx = context({
    functions: [{ name: "refund", code: "def refund(conv, amount: float, notify: bool = True):\n    pass\n" }],
  });
  const errors = (args: { name: string; value: string }[]) =>
    lintFlow(around(fnNode(args), ["next", "error"]), ctx)
      .filter((p) => p.severity === "error")
      .map((p) => [p.rule, p.path, p.message]);

  it("an argument the function does not take, a literal of the wrong type, a missing required one", () => {
    expect(errors([{ name: "amount", value: "9.99" }])).toEqual([]);
    expect(errors([{ name: "amount", value: "$total" }])).toEqual([]);
    expect(errors([{ name: "amount", value: "ten" }])).toEqual([
      ["invalid-argument", "data.arguments[0].value", 'refund: amount expects a float (a number like 9.99), got "ten"'],
    ]);
    expect(
      errors([
        { name: "amount", value: "1" },
        { name: "tier", value: "gold" },
      ]),
    ).toEqual([
      [
        "unknown-parameter",
        "data.arguments[1].name",
        "refund has no parameter tier (it takes amount: float, notify: bool (optional))",
      ],
    ]);
    expect(errors([])).toEqual([
      ["invalid-argument", "data.arguments", "refund needs a value for amount: float: add it as an argument"],
    ]);
  });
});

describe("a function's conv.goto_flow to a flow the agent does not have", () => {
  const fnNode: FlowNode = {
    id: "f",
    type: "function",
    position: at,
    data: { functionName: "route", arguments: [] },
  };
  const code =
    'def route(conv):\n    if conv.state.vip:\n        conv.goto_flow("VIP line")\n    conv.goto_flow("billing")\n';
  const jumps = (flows: string[] | undefined) =>
    lintFlow(around(fnNode, ["next", "error"]), context({ functions: [{ name: "route", code }], flows }))
      .filter((p) => p.rule === "unknown-flow-jump")
      .map((p) => [p.severity, p.path, p.message]);

  it("is a warning on the Function node naming the flow and the line; a known flow (any case) is not", () => {
    expect(jumps(["Main", "Billing"])).toEqual([
      [
        "warning",
        "data.functionName",
        'route goes to flow "VIP line" (conv.goto_flow, line 3), which this agent does not have: it was renamed or deleted',
      ],
    ]);
    expect(jumps(["Main", "Billing", "VIP Line"])).toEqual([]);
  });

  it("says nothing when the agent's flows are not known (a flow linted on its own)", () => {
    expect(jumps(undefined)).toEqual([]);
  });
});
