import { STOP, type Executor } from "../executor";
import { evaluateRule } from "../conditions";
import { ELSE_HANDLE } from "../../flow";

export const startExecutor: Executor<"start"> = {
  enter(node, run) {
    run.say(node.data.greeting, node.id);
    return { go: "next" };
  },
};

export const sayExecutor: Executor<"say"> = {
  enter(node, run) {
    run.say(node.data.utterance, node.id);
    return { go: "next" };
  },
};

export const conditionExecutor: Executor<"condition"> = {
  enter(node, run) {
    const hit = node.data.rules.find((r) => evaluateRule(r, run.s.variables));
    return { go: hit ? hit.id : ELSE_HANDLE };
  },
};

export const setExecutor: Executor<"set"> = {
  enter(node, run) {
    for (const a of node.data.assignments) {
      if (a.variable.trim() !== "") run.s.variables[a.variable] = run.text(a.value);
    }
    return { go: "next" };
  },
};

export const endExecutor: Executor<"end"> = {
  enter(node, run) {
    run.say(node.data.goodbye, node.id);
    run.end("hangup", "end_node");
    return STOP;
  },
};
