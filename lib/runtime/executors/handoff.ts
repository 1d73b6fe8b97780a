import { STOP, type Executor } from "../executor";
import { applyOutcome, requestFunction } from "../functions";
import { findDestination, performHandoff, specFromAction, specProblem, type HandoffSpec } from "../handoff";
import type { FlowNodeOf } from "../../flow";
import type { Run } from "../run";

/** The node's own configuration (source "builtin"). */
function builtinSpec(node: FlowNodeOf<"handoff">, run: Run): HandoffSpec | string {
  const d = node.data;
  const dest =
    d.destinationId === null
      ? findDestination(run, null)
      : (run.s.agent.destinations.find((x) => x.id === d.destinationId) ?? null);
  if (!dest)
    return d.destinationId === null
      ? "The handoff has no destination and the agent has no default"
      : "The handoff's destination was deleted";
  return {
    nodeId: node.id,
    destinationName: dest.name,
    method: dest.method,
    route: dest.route,
    sipHeaders: dest.sipHeaders,
    referHeaderPlacement: dest.referHeaderPlacement,
    reason: d.reason,
    utterance: d.utterance,
    soft: false,
    whisper: null,
    source: "builtin",
    functionName: null,
  };
}

function handOff(node: FlowNodeOf<"handoff">, run: Run, spec: HandoffSpec | string) {
  const problem = typeof spec === "string" ? spec : specProblem(spec);
  if (problem !== null || typeof spec === "string") {
    run.log("error", problem ?? "Invalid handoff", undefined, { node: node.id });
    run.say("I'm sorry, I can't transfer your call right now.", node.id);
    run.end("hangup", "handoff_error");
    return STOP;
  }
  return performHandoff(run, spec);
}

export const handoffExecutor: Executor<"handoff"> = {
  enter(node, run) {
    const override = node.data.overrideFunction;
    if (override && run.s.agent.functions.some((f) => f.name === override)) {
      return requestFunction(run, node.id, override, {}, "override");
    }
    if (override)
      run.log("warning", `Override function "${override}" does not exist; using the node's destination`, undefined, {
        node: node.id,
      });
    return handOff(node, run, builtinSpec(node, run));
  },

  /** docs/design.md §2: a transfer from the override function wins; otherwise the node's own config applies. */
  onFunctionResult(node, run, outcome) {
    const name = node.data.overrideFunction ?? "";
    applyOutcome(run, node.id, name, outcome);
    if (outcome.ok && outcome.action) return handOff(node, run, specFromAction(run, node.id, name, outcome.action));
    if (!outcome.ok)
      run.log("warning", `Override ${name} failed; handing off as the node is configured`, undefined, {
        node: node.id,
      });
    return handOff(node, run, builtinSpec(node, run));
  },
};
