import type { FlowNodeOf, NodeKind } from "../flow";
import type { Run } from "./run";
import type { FunctionOutcome } from "./types";

/** What happens after a node ran: follow one of its out handles, jump to a node, wait, or stop. */
export type Transition = { go: string } | { jump: string } | { wait: true } | { stop: true };

export const WAIT: Transition = { wait: true };
export const STOP: Transition = { stop: true };

/** One per node kind (Typebot style): small functions from node data and session to a transition. */
export interface Executor<K extends NodeKind> {
  enter(node: FlowNodeOf<K>, run: Run): Transition;
  onInput?(node: FlowNodeOf<K>, run: Run, text: string): Transition;
  onFunctionResult?(node: FlowNodeOf<K>, run: Run, outcome: FunctionOutcome): Transition;
}
