import { ERROR_HANDLE } from "../../flow";
import { argumentProblems, convertArgument, functionSignature } from "../../functions/parameters";
import type { ArgumentValue } from "../types";
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
    const given = node.data.arguments
      .filter((a) => a.name.trim() !== "")
      .map((a) => ({ name: a.name, value: run.text(a.value) }));
    // Typed parameters (docs/design.md §4): values converted to the declared types, checked first.
    const fn = run.s.agent.functions.find((f) => f.name === name)!;
    const signature = functionSignature(fn.code, name);
    const problem = signature ? argumentProblems(name, signature, given)[0] : undefined;
    if (problem) {
      run.log("error", problem.message, undefined, { node: node.id });
      return { go: ERROR_HANDLE };
    }
    const types = new Map(signature?.parameters.map((p) => [p.name, p.type]) ?? []);
    const args: Record<string, ArgumentValue> = {};
    for (const a of given) {
      const converted = convertArgument(a.value, types.get(a.name) ?? null);
      args[a.name] = converted.ok ? converted.value : a.value;
    }
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
    // A Function node always goes on (end_turn or not): the flow decides when the agent listens.
    if (outcome.flow)
      return run.changeFlow(outcome.flow, { nodeId: node.id, handle: "next" }, node.id) ?? { go: "next" };
    return { go: "next" };
  },
};
