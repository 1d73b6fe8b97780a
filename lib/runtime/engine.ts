import { BUILTIN_VARIABLES } from "../variables/variables";
import type { FlowNode } from "../flow";
import { executors } from "./executors";
import type { Executor, Transition } from "./executor";
import { seededConversationId } from "./ids";
import { Run } from "./run";
import type { AgentSetup, CallEvent, CallSetup, Session, StepResult } from "./types";

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
      if (s.path.length > 0) {
        run.log("warning", "Ignored call_started: the call is already running");
        break;
      }
      const start = run.index.start;
      if (!start) {
        run.system("The flow has no start node");
        run.end("hangup", "no_start_node");
        break;
      }
      drive(run, start, enterNode(run, start));
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
