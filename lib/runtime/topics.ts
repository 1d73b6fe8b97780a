import type { ListenBranch } from "../flow";
import { STOP, type Transition } from "./executor";
import {
  DEFAULT_FALLBACK_LINE,
  fallBack,
  findDestination,
  performHandoff,
  specProblem,
  type HandoffSpec,
} from "./handoff";
import { matchBranch, type MatchResult } from "./matching";
import { requestFunction } from "./functions";
import type { Run } from "./run";
import type { RuntimeTopic } from "./types";

export interface TopicMatch {
  topic: RuntimeTopic;
  how: MatchResult["how"];
  score: number;
}

/**
 * docs/design.md §13: the enabled topics, matched with the listen matcher itself (each topic is a
 * branch whose examples are its sample questions), so topics and branches can never disagree on
 * what "matches" means. Ties go to the earlier topic.
 */
export function matchTopic(text: string, topics: readonly RuntimeTopic[]): TopicMatch | null {
  const enabled = topics.filter((t) => t.enabled);
  if (enabled.length === 0) return null;
  const branches: ListenBranch[] = enabled.map((t, i) => ({
    id: String(i),
    label: t.name,
    examples: [...t.sampleQuestions],
    keywords: [],
  }));
  const m = matchBranch(text, branches);
  if (m.branchId === null) return null;
  return { topic: enabled[Number(m.branchId)]!, how: m.how, score: m.score };
}

/** The listen step asks its question again, after a topic answered or a topic's function ran. */
export type AskAgain = (run: Run) => Transition;

/**
 * Runs a matched topic's action at the listen node `nodeId`: none → its content, then the question
 * again; builtin-handoff → the utterance and the handoff ladder (source `topic`); function → the
 * host runs it (the listen executor's onFunctionResult continues).
 */
export function runTopic(run: Run, nodeId: string, topic: RuntimeTopic, askAgain: AskAgain): Transition {
  const action = topic.action;
  if (action.kind === "function") {
    if (!run.s.agent.functions.some((f) => f.name === action.functionName)) {
      run.log("error", `Topic "${topic.name}": unknown function "${action.functionName}"`, undefined, {
        node: nodeId,
        topic: topic.name,
      });
      run.say(topic.content, nodeId);
      return askAgain(run);
    }
    const t = requestFunction(run, nodeId, action.functionName, {}, "topic");
    if (run.s.pending) run.s.pending.topic = topic.name;
    return t;
  }
  if (action.kind === "none") {
    run.say(topic.content, nodeId);
    return askAgain(run);
  }
  const dest =
    action.destinationId === null
      ? findDestination(run, null)
      : (run.s.agent.destinations.find((d) => d.id === action.destinationId) ?? null);
  if (!dest) {
    const deleted = action.destinationId !== null;
    run.log(
      "error",
      deleted
        ? `Topic "${topic.name}": its destination was deleted`
        : `Topic "${topic.name}" has no destination and the agent has no default`,
      undefined,
      { node: nodeId, topic: topic.name },
    );
    run.say("I'm sorry, I can't transfer your call right now.", nodeId);
    run.end("failed", deleted ? "destination_deleted" : "handoff_error");
    return STOP;
  }
  const spec: HandoffSpec = {
    nodeId,
    destinationName: dest.name,
    method: dest.method,
    route: dest.route,
    sipHeaders: dest.sipHeaders,
    referHeaderPlacement: dest.referHeaderPlacement,
    reason: action.reason,
    utterance: action.utterance,
    soft: false,
    whisper: null,
    source: "topic",
    functionName: null,
    ringTimeoutSeconds: dest.ringTimeoutSeconds,
    attempts: dest.attempts,
    outboundEndpoint: dest.outboundEndpoint,
    outboundEncryption: dest.outboundEncryption,
    topicName: topic.name,
  };
  const problem = specProblem(spec);
  if (problem !== null) {
    run.log("error", problem, undefined, { node: nodeId, topic: topic.name });
    run.say("I'm sorry, I can't transfer your call right now.", nodeId);
    run.end("failed", "handoff_error");
    return STOP;
  }
  // A failed transfer: the fallback line, then the question again (the listen node is the last one).
  return performHandoff(run, spec).connected ? STOP : fallBack(run, nodeId, DEFAULT_FALLBACK_LINE);
}
