import { STOP, WAIT, type Executor } from "../executor";
import { matchBranch } from "../matching";
import { applyOutcome } from "../functions";
import { DEFAULT_FALLBACK_LINE, fallBack, performHandoff, specFromAction, specProblem } from "../handoff";
import { matchTopic, runTopic } from "../topics";
import { NO_MATCH_HANDLE, type FlowNodeOf } from "../../flow";
import type { Run } from "../run";

const REPROMPT = "Sorry, I didn't catch that.";

function awaitInput(node: FlowNodeOf<"listen">, run: Run) {
  run.s.status = "awaiting_input";
  run.s.lastListenNodeId = node.id;
  run.effects.push({ type: "listen", nodeId: node.id });
  return WAIT;
}

/** After a topic answered: the node's question again (its attempts are not counted: the caller was understood). */
function askAgain(node: FlowNodeOf<"listen">, run: Run) {
  run.say(node.data.prompt, node.id);
  return awaitInput(node, run);
}

export const listenExecutor: Executor<"listen"> = {
  enter(node, run) {
    run.s.attempts[node.id] = 0;
    run.say(node.data.prompt, node.id);
    return awaitInput(node, run);
  },

  /** docs/design.md §13: the node's own branches first, then the enabled topics, then no match. */
  onInput(node, run, text) {
    const match = matchBranch(text, node.data.branches);
    if (match.handle !== NO_MATCH_HANDLE) {
      run.log("info", `Matched "${run.handle(node, match.handle)}" by ${match.how}`, undefined, {
        node: node.id,
        branch: match.handle,
        score: Number(match.score.toFixed(2)),
      });
      return { go: match.handle };
    }
    const topic = matchTopic(text, run.s.agent.topics ?? []);
    if (topic) {
      run.log("info", `Matched topic "${topic.topic.name}" by ${topic.how}`, undefined, {
        node: node.id,
        topic: topic.topic.name,
        action: topic.topic.action.kind,
        score: Number(topic.score.toFixed(2)),
      });
      return runTopic(run, node.id, topic.topic, () => askAgain(node, run));
    }
    const attempts = (run.s.attempts[node.id] ?? 0) + 1;
    run.s.attempts[node.id] = attempts;
    if (attempts <= node.data.retries) {
      run.say(node.data.prompt.trim() ? `${REPROMPT} ${node.data.prompt}` : REPROMPT, node.id);
      return awaitInput(node, run);
    }
    run.log("info", `No match after ${attempts} attempt${attempts === 1 ? "" : "s"}`, undefined, { node: node.id });
    return { go: NO_MATCH_HANDLE };
  },

  /** A topic's function finished: a handoff it asked for happens, else the question is asked again. */
  onFunctionResult(node, run, outcome) {
    const pending = run.s.pending;
    const name = pending?.functionName ?? "";
    const topicName = pending?.topic ?? null;
    applyOutcome(run, node.id, name, outcome);
    if (!outcome.ok) return askAgain(node, run);
    if (outcome.action) {
      const spec = specFromAction(run, node.id, name, outcome.action, topicName);
      const problem = typeof spec === "string" ? spec : specProblem(spec);
      if (problem !== null || typeof spec === "string") {
        run.log("error", problem ?? "Invalid handoff", name, topicName ? { topic: topicName } : undefined);
        return askAgain(node, run);
      }
      return performHandoff(run, spec).connected ? STOP : fallBack(run, node.id, DEFAULT_FALLBACK_LINE);
    }
    if (outcome.hangup) {
      run.end("hangup", "function_hangup");
      return STOP;
    }
    // Coming back from the flow it went to, the call asks this question again.
    if (outcome.flow)
      return run.changeFlow(outcome.flow, { nodeId: node.id, handle: null }, node.id) ?? askAgain(node, run);
    // The function answered and ended its turn (end_turn, True unless it returned False): the agent
    // listens without asking the question again; with end_turn False it goes on and asks again.
    if (outcome.said.length > 0 && outcome.endTurn !== false) return awaitInput(node, run);
    return askAgain(node, run);
  },
};
