import { RETURN_HANDLE } from "../../flow";
import type { Executor } from "../executor";

/** Go to flow: the named flow from its start node; when it exits, this node's next handle. */
export const gotoFlowExecutor: Executor<"goto_flow"> = {
  enter(node, run) {
    const change = { kind: "goto" as const, flow: node.data.flow };
    return run.changeFlow(change, { nodeId: node.id, handle: RETURN_HANDLE.id }, node.id) ?? { go: RETURN_HANDLE.id };
  },
};
