import { WAIT, type Executor } from "../executor";
import { matchBranch } from "../matching";
import { NO_MATCH_HANDLE, type FlowNodeOf } from "../../flow";
import type { Run } from "../run";

const REPROMPT = "Sorry, I didn't catch that.";

function awaitInput(node: FlowNodeOf<"listen">, run: Run) {
  run.s.status = "awaiting_input";
  run.s.lastListenNodeId = node.id;
  run.effects.push({ type: "listen", nodeId: node.id });
  return WAIT;
}

export const listenExecutor: Executor<"listen"> = {
  enter(node, run) {
    run.s.attempts[node.id] = 0;
    run.say(node.data.prompt, node.id);
    return awaitInput(node, run);
  },

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
    const attempts = (run.s.attempts[node.id] ?? 0) + 1;
    run.s.attempts[node.id] = attempts;
    if (attempts <= node.data.retries) {
      run.say(node.data.prompt.trim() ? `${REPROMPT} ${node.data.prompt}` : REPROMPT, node.id);
      return awaitInput(node, run);
    }
    run.log("info", `No match after ${attempts} attempt${attempts === 1 ? "" : "s"}`, undefined, { node: node.id });
    return { go: NO_MATCH_HANDLE };
  },
};
