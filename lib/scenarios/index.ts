/** Scenarios (docs/design.md §15): regression tests for calls, run through lib/simulation. */
export * from "./schema";
export * from "./expectations";
export * from "./function-calls";
export * from "./tags";
export * from "./runner";
export * from "./coverage";
export * from "./flow-rename";
export * from "./from-session";
export * from "./junit";
export { DEMO_SCENARIOS, demoAgentDocument } from "./demo";
export type * from "./types";
export * from "./format";
export type * from "./action-results";
