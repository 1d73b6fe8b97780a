import { STOP, type Executor } from "../executor";
import { applyOutcome, requestFunction } from "../functions";
import { fallBack, findDestination, performHandoff, specFromAction, specProblem, type HandoffSpec } from "../handoff";
import { deletedDestinationLabel, fallbackLineOf, FAILED_HANDLE, type FlowNodeOf } from "../../flow";
import type { Run } from "../run";

/** Why a handoff cannot be made, and the end reason the failed call is stored with. */
interface NoHandoff {
  problem: string;
  endReason: "destination_deleted" | "handoff_error";
}

/** The node's own configuration (source "builtin"). */
function builtinSpec(node: FlowNodeOf<"handoff">, run: Run): HandoffSpec | NoHandoff {
  const d = node.data;
  const dest =
    d.destinationId === null
      ? findDestination(run, null)
      : (run.s.agent.destinations.find((x) => x.id === d.destinationId) ?? null);
  if (!dest)
    return d.destinationId === null
      ? { problem: "The handoff has no destination and the agent has no default", endReason: "handoff_error" }
      : {
          problem: `${deletedDestinationLabel(d)}: the handoff's destination was deleted`,
          endReason: "destination_deleted",
        };
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
    ringTimeoutSeconds: dest.ringTimeoutSeconds,
    attempts: dest.attempts,
    outboundEndpoint: dest.outboundEndpoint,
    outboundEncryption: dest.outboundEncryption,
    topicName: null,
  };
}

/**
 * Hands off, or, when the handoff cannot be made (a deleted destination, no default, a route from
 * code that is not one), apologises and ends the call as `failed` with the reason: the call did not
 * go where the flow sent it, which a plain hang-up would hide.
 */
function handOff(node: FlowNodeOf<"handoff">, run: Run, spec: HandoffSpec | NoHandoff | string) {
  if (typeof spec === "string") return fail(node, run, { problem: spec, endReason: "handoff_error" });
  if ("problem" in spec) return fail(node, run, spec);
  const problem = specProblem(spec);
  if (problem !== null) return fail(node, run, { problem, endReason: "handoff_error" });
  if (performHandoff(run, spec).connected) return STOP;
  // docs/design.md §11: the node's Failed branch decides what happens next; without one, the
  // fallback line and the last question again.
  if (run.target(node.id, FAILED_HANDLE)) return { go: FAILED_HANDLE };
  return fallBack(run, node.id, fallbackLineOf(node.data));
}

function fail(node: FlowNodeOf<"handoff">, run: Run, why: NoHandoff) {
  run.log("error", why.problem, undefined, { node: node.id });
  run.say("I'm sorry, I can't transfer your call right now.", node.id);
  run.end("failed", why.endReason);
  return STOP;
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
    if (outcome.ok && outcome.flow)
      run.log("warning", `Override ${name} changed flow; an override only chooses the handoff (ignored)`, name, {
        node: node.id,
      });
    if (!outcome.ok)
      run.log("warning", `Override ${name} failed; handing off as the node is configured`, undefined, {
        node: node.id,
      });
    return handOff(node, run, builtinSpec(node, run));
  },
};
