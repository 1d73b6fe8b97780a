/** The pure call runtime (docs/design.md §3): startCall, then step(session, event) → { session, effects }. */
export { startCall, step, MAX_NODES_PER_STEP } from "./engine";
export { matchBranch, tokens, overlap, EXAMPLE_THRESHOLD, type MatchResult } from "./matching";
export { evaluateRule } from "./conditions";
export { mergeHeaders } from "./handoff";
export { stateOf, START_FUNCTION, END_FUNCTION } from "./functions";
export { agentFlows, findAgentFlow } from "./graph";
export { pathKeys, pathTitles, splitPathKey } from "./path";
export { speechMs } from "./ids";
export type * from "./types";
