import { describe, expect, it } from "vitest";
import type { FlowDocument, FlowEdge, FlowNode } from "../flow";
import { startCall, step } from "./engine";
import { pathKeys, pathTitles } from "./path";
import { demoAgent, demoCall, ok } from "./testing/demo-agent";
import type { AgentSetup, CallEvent, FunctionOutcome, Session } from "./types";
import { titleContextOf } from "../flow";

const at = { x: 0, y: 0 };
const e = (source: string, sourceHandle: string, target: string): FlowEdge => ({
  id: `${source}-${sourceHandle}`,
  source,
  sourceHandle,
  target,
});
const start = (greeting = ""): FlowNode => ({ id: "s", type: "start", position: at, data: { greeting } });
const say = (id: string, utterance: string): FlowNode => ({ id, type: "say", position: at, data: { utterance } });
const listen = (id: string, prompt: string): FlowNode => ({
  id,
  type: "listen",
  position: at,
  data: { prompt, retries: 0, branches: [{ id: "b", label: "yes", examples: [], keywords: ["yes"] }] },
});
const fn = (id: string, functionName: string): FlowNode => ({
  id,
  type: "function",
  position: at,
  data: { functionName, arguments: [] },
});
const goto = (id: string, flow: string): FlowNode => ({ id, type: "goto_flow", position: at, data: { flow } });
const end = (id: string, goodbye = ""): FlowNode => ({ id, type: "end", position: at, data: { goodbye } });
const flow = (name: string, nodes: FlowNode[], edges: FlowEdge[]): FlowDocument => ({ name, nodes, edges });

// Main: start → "Welcome" → Go to Billing → "Back in main" → end. Billing: start → ask → function.
const main = flow(
  "Main",
  [start(), say("w", "Welcome."), goto("g", "billing"), say("back", "Back in main."), end("z", "Bye.")],
  [e("s", "next", "w"), e("w", "next", "g"), e("g", "next", "back"), e("back", "next", "z")],
);
const billing = flow(
  "Billing",
  [start("Billing here."), listen("q", "Pay now?"), fn("f", "pay"), end("z", "Billing bye.")],
  [e("s", "next", "q"), e("q", "b", "f"), e("q", "no_match", "z"), e("f", "next", "z")],
);

function agent(flows: FlowDocument[], functions: AgentSetup["functions"] = [{ name: "pay", code: "" }]): AgentSetup {
  return { ...demoAgent({ flow: flows[0]!, functions }), flows: flows.map((f) => ({ name: f.name, flow: f })) };
}

function run(session: Session, ...events: CallEvent[]): Session {
  let s = session;
  for (const ev of events) s = step(s, ev).session;
  return s;
}
const result = (s: Session, outcome: FunctionOutcome): Session =>
  step(s, { type: "function_result", requestId: s.pending!.requestId, outcome }).session;

describe("the flow stack (docs/design.md §3)", () => {
  it("a Go to flow node enters the other flow from its start; the path records flow and node", () => {
    const s = run(startCall(agent([main, billing]), demoCall()), { type: "call_started" });
    expect(s.status).toBe("awaiting_input");
    expect(s.flowStack.map((f) => f.flow)).toEqual(["Main", "Billing"]);
    expect(s.path).toEqual(["s", "w", "g", "s", "q"]);
    expect(s.pathFlows).toEqual(["Main", "Main", "Main", "Billing", "Billing"]);
    expect(s.turns.map((t) => t.text)).toEqual(["Welcome.", 'Went to flow "Billing"', "Billing here.", "Pay now?"]);
    // Node ids repeat across flows ("s"), so a call that changed flow keys its path by flow too.
    expect(pathKeys(s)).toEqual(["Main/s", "Main/w", "Main/g", "Billing/s", "Billing/q"]);
    expect(pathTitles(s, titleContextOf([]))).toMatchObject({
      "Main/g": "Go to flow: billing",
      "Billing/q": "Listen: yes",
    });
  });

  it("the flow_changed and node_entered effects name the flows", () => {
    const { effects } = step(startCall(agent([main, billing]), demoCall()), { type: "call_started" });
    expect(effects.filter((x) => x.type === "flow_changed")).toEqual([
      { type: "flow_changed", from: "Main", to: "Billing", how: "goto" },
    ]);
    expect(effects.filter((x) => x.type === "node_entered").at(-1)).toEqual({
      type: "node_entered",
      nodeId: "q",
      flow: "Billing",
    });
  });

  it("conv.exit_flow() returns to the Go to flow node's next edge in the flow below", () => {
    let s = run(
      startCall(agent([main, billing]), demoCall()),
      { type: "call_started" },
      {
        type: "user_utterance",
        text: "yes",
      },
    );
    expect(s.pending).toMatchObject({ functionName: "pay", nodeId: "f" });
    s = result(s, ok({ flow: { kind: "exit", flow: null } }));
    expect(s.flowStack.map((f) => f.flow)).toEqual(["Main"]);
    expect(s.turns.map((t) => t.text).slice(-3)).toEqual([
      'Left flow "Billing", back in "Main"',
      "Back in main.",
      "Bye.",
    ]);
    expect(s.pathFlows.slice(-2)).toEqual(["Main", "Main"]);
    expect(s.path.slice(-2)).toEqual(["back", "z"]);
    expect(s.endReason).toBe("end_node");
  });

  it("conv.goto_flow from a function node pushes the flow; returning comes back to the function's next", () => {
    const callsBilling = flow(
      "Main",
      [start(), fn("f", "pick"), say("after", "After billing."), end("z")],
      [e("s", "next", "f"), e("f", "next", "after"), e("after", "next", "z")],
    );
    const quick = flow("Billing", [start(), fn("f", "leave")], [e("s", "next", "f")]);
    let s = run(
      startCall(
        agent(
          [callsBilling, quick],
          [
            { name: "pick", code: "" },
            { name: "leave", code: "" },
          ],
        ),
        demoCall(),
      ),
      { type: "call_started" },
    );
    s = result(s, ok({ flow: { kind: "goto", flow: "Billing" } }));
    expect(s.pending).toMatchObject({ functionName: "leave" });
    expect(s.flowStack).toEqual([
      { flow: "Main", returnTo: null },
      { flow: "Billing", returnTo: { nodeId: "f", handle: "next" } },
    ]);
    s = result(s, ok({ flow: { kind: "exit", flow: null } }));
    expect(s.turns.map((t) => t.text)).toContain("After billing.");
    expect(s.status).toBe("ended");
  });

  it("conv.exit_flow() in the first flow is logged and the flow goes on", () => {
    const one = flow(
      "Main",
      [start(), fn("f", "pay"), say("n", "Next."), end("z")],
      [e("s", "next", "f"), e("f", "next", "n"), e("n", "next", "z")],
    );
    let s = run(startCall(agent([one]), demoCall()), { type: "call_started" });
    s = result(s, ok({ flow: { kind: "exit", flow: null } }));
    expect(s.logs.some((l) => l.level === "warning" && l.message.includes("nowhere to return"))).toBe(true);
    expect(s.turns.map((t) => t.text)).toEqual(["Next."]);
  });

  it("going to a flow already on the stack returns to it (the stack never grows past the agent's flows)", () => {
    // Main ⇄ Billing, with a listen in each so every turn jumps once.
    const a = flow(
      "Main",
      [start(), listen("q", "Main?"), goto("g", "Billing")],
      [e("s", "next", "q"), e("q", "b", "g")],
    );
    const b = flow(
      "Billing",
      [start(), listen("q", "Billing?"), goto("g", "Main")],
      [e("s", "next", "q"), e("q", "b", "g")],
    );
    let s = run(startCall(agent([a, b]), demoCall()), { type: "call_started" });
    for (let i = 0; i < 6; i++) s = run(s, { type: "user_utterance", text: "yes" });
    expect(s.flowStack.length).toBeLessThanOrEqual(2);
    expect(s.status).toBe("awaiting_input");
  });

  it("an unknown flow hangs up with unknown_flow; a loop across flows without listening is stopped", () => {
    const bad = flow("Main", [start(), goto("g", "Nowhere")], [e("s", "next", "g")]);
    const s = run(startCall(agent([bad]), demoCall()), { type: "call_started" });
    expect(s.endReason).toBe("unknown_flow");
    expect(s.logs.at(-1)!.message).toContain('Unknown flow "Nowhere"');
    const loop = flow("Main", [start(), goto("g", "Main")], [e("s", "next", "g")]);
    expect(run(startCall(agent([loop]), demoCall()), { type: "call_started" }).endReason).toBe("loop_detected");
  });

  it("a topic function's goto_flow comes back to the listen node, which asks again", () => {
    const topics = [
      {
        name: "Billing",
        sampleQuestions: ["my bill"],
        content: "",
        action: { kind: "function" as const, functionName: "pay" },
        enabled: true,
      },
    ];
    const a = flow("Main", [start(), listen("q", "How can I help?")], [e("s", "next", "q")]);
    const b = flow("Billing", [start(), fn("f", "leave")], [e("s", "next", "f")]);
    let s = run(
      startCall(
        {
          ...agent(
            [a, b],
            [
              { name: "pay", code: "" },
              { name: "leave", code: "" },
            ],
          ),
          topics,
        },
        demoCall(),
      ),
      { type: "call_started" },
      { type: "user_utterance", text: "my bill" },
    );
    s = result(s, ok({ flow: { kind: "goto", flow: "Billing" } }));
    expect(s.pending).toMatchObject({ functionName: "leave" });
    s = result(s, ok({ flow: { kind: "exit", flow: null } }));
    expect(s.status).toBe("awaiting_input");
    expect(s.turns.at(-1)!.text).toBe("How can I help?");
  });
});

describe("lifecycle functions (docs/design.md §4)", () => {
  const one = flow(
    "Main",
    [start("Hello."), listen("q", "Yes?"), end("z", "Bye.")],
    [e("s", "next", "q"), e("q", "b", "z"), e("q", "no_match", "z")],
  );
  const lifecycle = [
    { name: "start_function", code: "" },
    { name: "end_function", code: "" },
  ];

  it("start_function runs before the first node, with the inbound SIP headers; its state and metrics stay", () => {
    const s0 = startCall(agent([one], lifecycle), demoCall({ sipHeaders: { "X-Customer-Tier": "gold" } }));
    const { session, effects } = step(s0, { type: "call_started" });
    expect(session.status).toBe("awaiting_function");
    expect(session.path).toEqual([]);
    expect(effects.find((x) => x.type === "run_function")).toMatchObject({
      request: {
        functionName: "start_function",
        purpose: "start",
        nodeId: "",
        call: { sipHeaders: { "X-Customer-Tier": "gold" } },
      },
    });
    const s = result(
      session,
      ok({
        state: { tier: "gold" },
        metrics: [{ name: "started", value: true }],
        logs: [{ level: "info", message: "tier from SIP" }],
      }),
    );
    expect(s.variables.tier).toBe("gold");
    expect(s.metrics.map((m) => m.name)).toEqual(["started"]);
    expect(s.logs).toContainEqual(expect.objectContaining({ message: "tier from SIP", source: "start_function" }));
    expect(s.turns.map((t) => t.text)).toEqual(["Hello.", "Yes?"]);
  });

  it("a failing start_function is logged and the call goes on with the flow's start node", () => {
    const { session } = step(startCall(agent([one], lifecycle), demoCall()), { type: "call_started" });
    const s = result(session, {
      ok: false,
      error: { type: "KeyError", message: "'X-Customer-Tier'" },
      logs: [],
      metrics: [],
    });
    expect(s.logs).toContainEqual(
      expect.objectContaining({ level: "error", message: "start_function raised KeyError: 'X-Customer-Tier'" }),
    );
    expect(s.turns.map((t) => t.text)).toEqual([
      "start_function failed (KeyError); the call goes on",
      "Hello.",
      "Yes?",
    ]);
    expect(s.status).toBe("awaiting_input");
  });

  it("start_function may choose the first flow", () => {
    const other = flow("Billing", [start("Billing here."), end("z")], [e("s", "next", "z")]);
    const { session } = step(startCall(agent([one, other], lifecycle), demoCall()), { type: "call_started" });
    const s = result(session, ok({ flow: { kind: "goto", flow: "Billing" } }));
    expect(s.flowStack).toEqual([{ flow: "Billing", returnTo: null }]);
    expect(s.turns.map((t) => t.text).slice(0, 2)).toEqual(['start_function chose flow "Billing"', "Billing here."]);
  });

  it("end_function runs once when the call ends, whatever the outcome; then the call is over", () => {
    let s = result(step(startCall(agent([one], lifecycle), demoCall()), { type: "call_started" }).session, ok());
    s = run(s, { type: "caller_hangup" });
    expect(s.outcome).toBe("abandoned");
    expect(s.status).toBe("awaiting_function");
    expect(s.pending).toMatchObject({ functionName: "end_function", purpose: "end" });
    s = result(s, ok({ metrics: [{ name: "outcome", value: "abandoned" }], said: ["Too late"] }));
    expect(s.status).toBe("ended");
    expect(s.outcome).toBe("abandoned");
    expect(s.metrics.map((m) => m.value)).toEqual(["abandoned"]);
    // Nothing is said after the caller is gone.
    expect(s.turns.map((t) => t.text)).not.toContain("Too late");
    expect(s.logs.some((l) => l.message.includes("spoke after the call ended"))).toBe(true);
    // Once: another end-ish event changes nothing.
    expect(run(s, { type: "caller_hangup" }).pending).toBeNull();
  });

  it("end_function runs after an end node and after a failing end_function the call is still over", () => {
    let s = result(step(startCall(agent([one], lifecycle), demoCall()), { type: "call_started" }).session, ok());
    s = run(s, { type: "user_utterance", text: "yes" });
    expect(s.endReason).toBe("end_node");
    expect(s.pending).toMatchObject({ functionName: "end_function" });
    s = result(s, { ok: false, error: { type: "ValueError", message: "bad" }, logs: [], metrics: [] });
    expect(s.status).toBe("ended");
    expect(s.logs.at(-1)).toMatchObject({ level: "error", message: "end_function raised ValueError: bad" });
  });

  it("without lifecycle functions nothing changes: the call starts at once and ends at once", () => {
    const s = run(startCall(agent([one], []), demoCall()), { type: "call_started" }, { type: "caller_hangup" });
    expect(s.status).toBe("ended");
    expect(s.pending).toBeNull();
  });
});
