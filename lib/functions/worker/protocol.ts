import type { RunRequest, RunResult, SyntaxIssue } from "../types";

/** Host → worker. */
export type ToWorker =
  | { type: "init"; convSource: string }
  | { type: "run"; id: number; request: RunRequest }
  | { type: "check"; id: number; code: string };

/** Worker → host. */
export type FromWorker =
  | { type: "progress"; stage: string }
  | { type: "ready"; startupMs: number }
  | { type: "fatal"; message: string }
  | { type: "result"; id: number; result: RunResult }
  | { type: "checked"; id: number; issue: SyntaxIssue | null };
