import { ERROR_HANDLE } from "../../flow";
import { STOP, type Executor } from "../executor";
import { applyOutcome, requestFunction } from "../functions";
import { DEFAULT_FALLBACK_LINE, fallBack, performHandoff, specFromAction, specProblem } from "../handoff";

export const functionExecutor: Executor<"function"> = {
  enter(node, run) {
    const name = node.data.functionName;
    if (!run.s.agent.functions.some((f) => f.name === name)) {
      run.log("error", `Unknown function "${name}"`, undefined, { node: node.id });
      return { go: ERROR_HANDLE };
    }
    const args = Object.fromEntries(
      node.data.arguments.filter((a) => a.name.trim() !== "").map((a) => [a.name, run.text(a.value)]),
    );
    return requestFunction(run, node.id, name, args, "node");
  },

  onFunctionResult(node, run, outcome) {
    const name = node.data.functionName;
    applyOutcome(run, node.id, name, outcome);
    if (!outcome.ok) return { go: ERROR_HANDLE };
    if (outcome.action) {
      const spec = specFromAction(run, node.id, name, outcome.action);
      const problem = typeof spec === "string" ? spec : specProblem(spec);
      if (problem !== null || typeof spec === "string") {
        run.log("error", problem ?? "Invalid handoff", name);
        return { go: ERROR_HANDLE };
      }
      // A failed transfer from code: the next function can read conv.last_transfer.
      return performHandoff(run, spec).connected ? STOP : fallBack(run, node.id, DEFAULT_FALLBACK_LINE);
    }
    if (outcome.hangup) {
      run.end("hangup", "function_hangup");
      return STOP;
    }
    return { go: "next" };
  },
};
