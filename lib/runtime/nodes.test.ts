import { describe, expect, it } from "vitest";
import type { FlowDocument, FlowEdge, FlowNode } from "../flow";
import { startCall, step } from "./engine";
import { evaluateRule } from "./conditions";
import { matchBranch } from "./matching";
import { mergeHeaders } from "./handoff";
import { demoAgent, demoCall, ok } from "./testing/demo-agent";
import type { ConditionRule } from "../flow";

const at = { x: 0, y: 0 };
const e = (source: string, sourceHandle: string, target: string): FlowEdge => ({
  id: `${source}-${sourceHandle}`,
  source,
  sourceHandle,
  target,
});

function flow(nodes: FlowNode[], edges: FlowEdge[]): FlowDocument {
  return { name: "t", nodes, edges };
}

function started(doc: FlowDocument, functions = [{ name: "fn", code: "def fn(conv, who): pass" }]) {
  return step(startCall(demoAgent({ flow: doc, functions }), demoCall()), { type: "call_started" });
}

const fnFlow = flow(
  [
    { id: "s", type: "start", position: at, data: { greeting: "" } },
    {
      id: "f",
      type: "function",
      position: at,
      data: { functionName: "fn", arguments: [{ name: "who", value: "$caller_id" }] },
    },
    { id: "ok", type: "say", position: at, data: { utterance: "tier is $tier" } },
    { id: "err", type: "say", position: at, data: { utterance: "something went wrong" } },
    { id: "end", type: "end", position: at, data: { goodbye: "" } },
  ],
  [e("s", "next", "f"), e("f", "next", "ok"), e("f", "error", "err"), e("ok", "next", "end"), e("err", "next", "end")],
);

describe("function node", () => {
  it("passes substituted arguments and continues on next with the new state", () => {
    const { session, effects } = started(fnFlow);
    const req = effects.find((x) => x.type === "run_function");
    expect(req).toMatchObject({ request: { functionName: "fn", args: { who: "+14155550123" }, purpose: "node" } });
    const done = step(session, {
      type: "function_result",
      requestId: session.pending!.requestId,
      outcome: ok({ said: ["Looking you up."], state: { tier: "gold", customer_id: "abc123" } }),
    });
    expect(done.session.turns.map((t) => t.text)).toEqual(["Looking you up.", "tier is gold"]);
    expect(done.session.variables.caller_id).toBe("+14155550123");
    expect(done.session.outcome).toBe("hangup");
  });

  it("an error takes the error edge", () => {
    const { session } = started(fnFlow);
    const done = step(session, {
      type: "function_result",
      requestId: session.pending!.requestId,
      outcome: {
        ok: false,
        error: { type: "ZeroDivisionError", message: "division by zero", line: 2 },
        logs: [],
        metrics: [],
      },
    });
    expect(done.session.path).toContain("err");
    expect(done.session.logs.some((l) => l.message === "fn raised ZeroDivisionError: division by zero")).toBe(true);
  });

  it("a timeout is an error too", () => {
    const { session } = started(fnFlow);
    const done = step(session, {
      type: "function_result",
      requestId: session.pending!.requestId,
      outcome: {
        ok: false,
        error: { type: "TimeoutError", message: "ran longer than 2 s", timedOut: true },
        logs: [],
        metrics: [],
      },
    });
    expect(done.session.path).toContain("err");
    expect(
      done.session.logs.some((l) => l.level === "error" && l.message === "fn was stopped: ran longer than 2 s"),
    ).toBe(true);
  });

  it("conv.handoff hands off with merged headers, source function", () => {
    const { session } = started(fnFlow);
    const done = step(session, {
      type: "function_result",
      requestId: session.pending!.requestId,
      outcome: ok({
        action: {
          kind: "handoff",
          destination: "billing support",
          reason: null,
          utterance: "One moment.",
          sip_headers: [{ name: "x-customer-id", value: "override" }],
          route: null,
        },
      }),
    });
    expect(done.session.handoff).toMatchObject({
      destination: "Billing Support",
      source: "function",
      function: "fn",
      reason: "Billing Support",
      utterance: "One moment.",
      sip_headers: [
        { name: "X-Caller-ID", value: "+14155550123" },
        { name: "x-customer-id", value: "override" },
      ],
    });
  });

  it("conv.handoff to an unknown destination takes the error edge", () => {
    const { session } = started(fnFlow);
    const done = step(session, {
      type: "function_result",
      requestId: session.pending!.requestId,
      outcome: ok({
        action: {
          kind: "handoff",
          destination: "Nowhere",
          reason: null,
          utterance: null,
          sip_headers: null,
          route: null,
        },
      }),
    });
    expect(done.session.path).toContain("err");
    expect(done.session.logs.some((l) => l.message.includes('no destination named "Nowhere"'))).toBe(true);
  });

  it("a dict with hangup ends the call", () => {
    const { session } = started(fnFlow);
    const done = step(session, {
      type: "function_result",
      requestId: session.pending!.requestId,
      outcome: ok({ hangup: true, said: ["Bye."] }),
    });
    expect(done.session.outcome).toBe("hangup");
    expect(done.session.endReason).toBe("function_hangup");
  });

  it("an unknown function takes the error edge without asking the host", () => {
    const { session, effects } = started(fnFlow, []);
    expect(effects.some((x) => x.type === "run_function")).toBe(false);
    expect(session.path).toContain("err");
  });
});

describe("set, condition, structure", () => {
  it("set assigns substituted values that conditions then read", () => {
    const doc = flow(
      [
        { id: "s", type: "start", position: at, data: { greeting: "" } },
        {
          id: "set",
          type: "set",
          position: at,
          data: { assignments: [{ variable: "greeting", value: "hi $customer_id" }] },
        },
        {
          id: "c",
          type: "condition",
          position: at,
          data: { rules: [{ id: "r", variable: "greeting", operator: "contains", value: "ABC" }] },
        },
        { id: "yes", type: "end", position: at, data: { goodbye: "$greeting" } },
        { id: "no", type: "end", position: at, data: { goodbye: "no" } },
      ],
      [e("s", "next", "set"), e("set", "next", "c"), e("c", "r", "yes"), e("c", "else", "no")],
    );
    const { session } = started(doc);
    expect(session.path).toEqual(["s", "set", "c", "yes"]);
    expect(session.turns.at(-1)?.text).toBe("hi abc123");
  });

  it("a missing edge hangs up as a dead end; no start node ends at once; loops are stopped", () => {
    const dead = started(flow([{ id: "s", type: "start", position: at, data: { greeting: "" } }], []));
    expect(dead.session.endReason).toBe("dead_end");
    const none = started(flow([{ id: "x", type: "say", position: at, data: { utterance: "" } }], []));
    expect(none.session.endReason).toBe("no_start_node");
    const loop = started(
      flow(
        [
          { id: "s", type: "start", position: at, data: { greeting: "" } },
          { id: "a", type: "set", position: at, data: { assignments: [] } },
        ],
        [e("s", "next", "a"), e("a", "next", "a")],
      ),
    );
    expect(loop.session.endReason).toBe("loop_detected");
  });
});

describe("conditions", () => {
  const rule = (operator: ConditionRule["operator"], value: string): ConditionRule => ({
    id: "r",
    variable: "v",
    operator,
    value,
  });
  it.each([
    ["equals", "Gold", "gold", true],
    ["equals", "gold", "silver", false],
    ["not_equals", "gold", "silver", true],
    ["contains", "platinum gold", "GOLD", true],
    ["starts_with", "gold-2", "gold", true],
    ["greater_than", "10", "9", true],
    ["greater_than", "abc", "9", false],
    ["less_than", "2.5", "3", true],
    ["is_set", "x", "", true],
    ["is_set", "  ", "", false],
    ["is_not_set", "", "", true],
  ] as const)("%s(%j, %j) is %s", (op, actual, value, expected) => {
    expect(evaluateRule(rule(op, value), { v: actual })).toBe(expected);
  });
  it("substitutes variables in the value", () => {
    expect(evaluateRule(rule("equals", "$other"), { v: "a", other: "A" })).toBe(true);
  });
});

describe("listen matching", () => {
  const branches = [
    { id: "billing", label: "Billing", examples: ["I have a question about my invoice"], keywords: ["bill"] },
    { id: "order", label: "Order", examples: ["where is my order"], keywords: [], regex: "\\border\\s+#?\\d+" },
    { id: "human", label: "Human", examples: ["talk to someone real"], keywords: ["speak to a person"] },
  ];
  it("regex and keywords win before examples, in branch order", () => {
    expect(matchBranch("About order #123 and my bill", branches)).toMatchObject({
      branchId: "billing",
      how: "keyword",
    });
    expect(matchBranch("about order #123", branches)).toMatchObject({ branchId: "order", how: "regex" });
    expect(matchBranch("can I Speak to a person?", branches)).toMatchObject({ branchId: "human", how: "keyword" });
  });
  it("keywords match whole words, not parts of words", () => {
    expect(matchBranch("billing", [{ id: "b", label: "", examples: [], keywords: ["bill"] }]).handle).toBe("no_match");
  });
  it("examples match by token overlap above the threshold", () => {
    expect(matchBranch("question about the invoice", branches)).toMatchObject({ branchId: "billing", how: "example" });
    expect(matchBranch("Where's my order?", branches).branchId).toBe("order");
    expect(matchBranch("the weather is nice", branches)).toMatchObject({ handle: "no_match", how: "none" });
    expect(matchBranch("", branches).handle).toBe("no_match");
  });
  it("ignores accents and punctuation", () => {
    expect(matchBranch("Résumé!", [{ id: "r", label: "", examples: [], keywords: ["resume"] }]).branchId).toBe("r");
  });
});

describe("mergeHeaders", () => {
  it("lets the call's headers win by case-insensitive name and keeps the rest", () => {
    expect(
      mergeHeaders(
        [
          { name: "X-A", value: "1" },
          { name: "X-B", value: "2" },
        ],
        [
          { name: "x-b", value: "3" },
          { name: "X-C", value: "4" },
        ],
      ),
    ).toEqual([
      { name: "X-A", value: "1" },
      { name: "x-b", value: "3" },
      { name: "X-C", value: "4" },
    ]);
  });
});

describe("logs name nodes and branches as people do", () => {
  it("a match names the branch's label, with the ids in the fields", () => {
    const doc = flow(
      [
        { id: "s", type: "start", position: at, data: { greeting: "" } },
        {
          id: "listen_k3x",
          type: "listen",
          position: at,
          data: {
            prompt: "",
            retries: 0,
            branches: [{ id: "br_i5405khwj3", label: "Billing", examples: [], keywords: ["bill"] }],
          },
        },
        { id: "z", type: "end", position: at, data: { goodbye: "" } },
      ],
      [e("s", "next", "listen_k3x"), e("listen_k3x", "br_i5405khwj3", "z"), e("listen_k3x", "no_match", "z")],
    );
    const { session } = started(doc);
    const done = step(session, { type: "user_utterance", text: "my bill" });
    expect(done.session.logs[0]).toMatchObject({
      message: 'Matched "Billing" by keyword',
      fields: { node: "listen_k3x", branch: "br_i5405khwj3" },
    });
  });

  it("a dead end names the branch and the node's title", () => {
    const doc = flow(
      [
        { id: "s", type: "start", position: at, data: { greeting: "" } },
        { id: "say_gzpdl0wkn7", type: "say", position: at, data: { title: "Greeting", utterance: "Hi" } },
      ],
      [e("s", "next", "say_gzpdl0wkn7")],
    );
    const { session } = started(doc);
    expect(session.logs.at(-1)?.message).toBe('"Next" of "Greeting" leads nowhere; the agent hangs up');
    expect(session.logs.at(-1)?.fields).toEqual({ node: "say_gzpdl0wkn7", handle: "next" });
  });
});

describe("typed parameters at a function node (docs/design.md §4)", () => {
  const typed = (value: string) =>
    flow(
      [
        { id: "s", type: "start", position: at, data: { greeting: "" } },
        {
          id: "f",
          type: "function",
          position: at,
          data: {
            functionName: "refund",
            arguments: [
              { name: "amount", value },
              { name: "notify", value: "yes" },
              { name: "who", value: "$caller_id" },
            ],
          },
        },
        { id: "err", type: "end", position: at, data: { goodbye: "Sorry." } },
      ],
      [e("s", "next", "f"), e("f", "error", "err")],
    );
  const refund = [
    { name: "refund", code: "def refund(conv, amount: float, notify: bool = False, who: str = ''):\n    pass\n" },
  ];

  it("passes values converted to the declared types (variables substituted first)", () => {
    const { effects } = started(typed("$tier"), refund);
    // tier is "silver": not a float, a clear error on the error edge.
    expect(effects.some((x) => x.type === "run_function")).toBe(false);
    const { session } = started(typed("12.50"), refund);
    expect(session.pending!.args).toEqual({ amount: 12.5, notify: true, who: "+14155550123" });
  });

  it("a value that does not convert takes the error edge with a clear log line", () => {
    const { session } = started(typed("twelve"), refund);
    expect(session.logs).toContainEqual(
      expect.objectContaining({
        level: "error",
        message: 'refund: amount expects a float (a number like 9.99), got "twelve"',
      }),
    );
    expect(session.turns.map((t) => t.text)).toEqual(["Sorry."]);
  });
});
