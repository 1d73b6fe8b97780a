import { BUILTIN_VARIABLES } from "../variables/variables";
import type { FlowNode } from "../flow";
import { executors } from "./executors";
import type { Executor, Transition } from "./executor";
import { applyOutcome, requestFunction, START_FUNCTION } from "./functions";
import { findAgentFlow } from "./graph";
import { seededConversationId } from "./ids";
import { Run } from "./run";
import type { AgentSetup, CallEvent, CallSetup, FunctionOutcome, FunctionRequest, Session, StepResult } from "./types";

/** A flow that loops through this many nodes without waiting for the caller is stopped. */
export const MAX_NODES_PER_STEP = 10_000;

type AnyExecutor = Executor<FlowNode["type"]> & {
  enter(node: FlowNode, run: Run): Transition;
  onInput?(node: FlowNode, run: Run, text: string): Transition;
  onFunctionResult?(
    node: FlowNode,
    run: Run,
    outcome: Extract<CallEvent, { type: "function_result" }>["outcome"],
  ): Transition;
};
const executorOf = (node: FlowNode) => executors[node.type] as unknown as AnyExecutor;

export function startCall(agent: AgentSetup, call: CallSetup): Session {
  const conversationId = seededConversationId(call.seed);
  const samples = Object.fromEntries(BUILTIN_VARIABLES.map((v) => [v.name, v.sample]));
  return {
    conversationId,
    agent,
    call,
    status: "ready",
    outcome: null,
    clock: 0,
    currentNodeId: null,
    path: [],
    pathFlows: [],
    flowStack: [{ flow: agent.flow.name, returnTo: null }],
    endFunctionRequested: false,
    variables: {
      ...call.variables,
      ...samples,
      caller_id: call.callerId,
      called_number: call.calledNumber,
      conversation_id: conversationId,
      call_sid: `CA${conversationId.slice(5).padEnd(32, "0")}`,
    },
    turns: [],
    metrics: [],
    logs: [],
    handoff: null,
    sipTrace: null,
    handoffInputs: [],
    transferAttempts: [],
    attempts: {},
    lastListenNodeId: null,
    pending: null,
    seq: 0,
    endReason: null,
  };
}

/** The session's mutable parts copied once, so a step never changes the snapshot it was given. */
function draft(s: Session): Session {
  return {
    ...s,
    path: [...s.path],
    // Sessions stored before flows were tracked (a live call in progress across an upgrade) lack these.
    pathFlows: [...(s.pathFlows ?? s.path.map(() => s.agent.flow.name))],
    flowStack: s.flowStack?.length ? [...s.flowStack] : [{ flow: s.agent.flow.name, returnTo: null }],
    variables: { ...s.variables },
    turns: [...s.turns],
    metrics: [...s.metrics],
    logs: [...s.logs],
    attempts: { ...s.attempts },
  };
}

export function step(session: Session, event: CallEvent): StepResult {
  const run = new Run(draft(session));
  const s = run.s;
  if (s.status === "ended") {
    run.log("warning", `Ignored ${event.type}: the call has ended`);
    return { session: s, effects: run.effects };
  }
  switch (event.type) {
    case "call_started": {
      if (s.path.length > 0 || s.status !== "ready") {
        run.log("warning", "Ignored call_started: the call is already running");
        break;
      }
      // docs/design.md §3: the agent's start_function runs before the first node.
      if (s.agent.functions.some((f) => f.name === START_FUNCTION)) {
        requestFunction(run, "", START_FUNCTION, {}, "start");
        break;
      }
      beginFlow(run);
      break;
    }
    case "user_utterance":
    case "dtmf":
    case "timer": {
      const node = s.currentNodeId ? run.index.nodes.get(s.currentNodeId) : undefined;
      if (s.status !== "awaiting_input" || !node) {
        run.log("warning", `Ignored ${event.type}: the agent is not listening`);
        break;
      }
      const text = event.type === "user_utterance" ? event.text : event.type === "dtmf" ? event.digits : "";
      if (event.type === "user_utterance") run.callerSaid(event.text);
      else if (event.type === "dtmf") run.callerSaid(`DTMF ${event.digits}`);
      else run.system("No input from the caller");
      s.status = "ready";
      drive(run, node, executorOf(node).onInput?.(node, run, text) ?? { go: "next" });
      break;
    }
    case "function_result": {
      const pending = s.pending;
      if (s.status !== "awaiting_function" || !pending || pending.requestId !== event.requestId) {
        run.log("warning", `Ignored a result for ${event.requestId}: no such function call is pending`);
        break;
      }
      if (pending.purpose === "start" || pending.purpose === "end") {
        lifecycleResult(run, pending, event.outcome);
        break;
      }
      const node = run.index.nodes.get(pending.nodeId)!;
      drive(run, node, executorOf(node).onFunctionResult?.(node, run, event.outcome) ?? { go: "next" });
      break;
    }
    case "caller_hangup":
      run.system("The caller hung up");
      run.end("abandoned", "caller_hangup");
      break;
  }
  return { session: s, effects: run.effects };
}

/** The current flow from its start node. */
function beginFlow(run: Run): void {
  const t = run.restart();
  const start = "jump" in t ? run.index.nodes.get(t.jump) : undefined;
  if (start) drive(run, start, enterNode(run, start));
}

/**
 * What start_function / end_function did. A failing start function is logged and the call goes on
 * with its flow's start node; a start function may choose the first flow (conv.goto_flow) or hang
 * up, but cannot hand off (the call has not begun). The end function's logs, metrics and errors are
 * recorded; then the call is over.
 */
function lifecycleResult(run: Run, pending: FunctionRequest, outcome: FunctionOutcome): void {
  const name = pending.functionName;
  applyOutcome(run, "", name, outcome);
  if (pending.purpose === "end") {
    if (outcome.ok && (outcome.action || outcome.flow || outcome.hangup))
      run.log("warning", `${name} runs after the call ended: hand-offs, flow changes and hang-ups are ignored`, name);
    run.s.status = "ended";
    return;
  }
  if (!outcome.ok) {
    run.system(`${name} failed (${outcome.error.type}); the call goes on`);
    beginFlow(run);
    return;
  }
  if (outcome.hangup) {
    run.end("hangup", "function_hangup");
    return;
  }
  if (outcome.action) run.log("warning", `${name} cannot hand off: the call has not begun (ignored)`, name);
  if (outcome.flow?.kind === "goto") {
    const target = findAgentFlow(run.s.agent, outcome.flow.flow);
    if (!target)
      run.log("error", `${name}: unknown flow "${outcome.flow.flow}"; the call starts in "${run.flowName}"`, name);
    else if (target.name !== run.flowName) {
      const from = run.flowName;
      run.s.flowStack = [{ flow: target.name, returnTo: null }];
      run.system(`${name} chose flow "${target.name}"`);
      run.effects.push({ type: "flow_changed", from, to: target.name, how: "start" });
    }
  } else if (outcome.flow?.kind === "exit") {
    run.log("warning", `${name}: conv.exit_flow() before the call is in a flow is ignored`, name);
  }
  beginFlow(run);
}

function enterNode(run: Run, node: FlowNode): Transition {
  run.enter(node);
  return executorOf(node).enter(node, run);
}

/** Follows transitions until the flow waits for the caller or a function, or the call ends. */
function drive(run: Run, from: FlowNode, first: Transition): void {
  let node = from;
  let t = first;
  for (let hops = 0; ; hops++) {
    if ("wait" in t || "stop" in t) return;
    if (hops >= MAX_NODES_PER_STEP) {
      run.log("error", `Stopped after ${MAX_NODES_PER_STEP} nodes without waiting for the caller: the flow loops`);
      run.end("hangup", "loop_detected");
      return;
    }
    const next = "go" in t ? run.target(node.id, t.go) : (run.index.nodes.get(t.jump) ?? null);
    if (!next) {
      if ("go" in t) {
        const message = `"${run.handle(node, t.go)}" of "${run.title(node)}" leads nowhere; the agent hangs up`;
        run.log("warning", message, undefined, { node: node.id, handle: t.go });
      } else {
        run.log("warning", "The question to return to is gone; the agent hangs up", undefined, { node: t.jump });
      }
      run.end("hangup", "dead_end");
      return;
    }
    node = next;
    t = enterNode(run, node);
  }
}
