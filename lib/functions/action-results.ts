import type { FieldErrors } from "../validation/field-errors";
import type { AgentFunction, FunctionDestination, FunctionUsage } from "./types";

/** What the create, rename and save function server actions return. */
export type FunctionActionResult =
  | { ok: true; function: AgentFunction; updatedNodes?: number }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };

/** Deleting a function that flows still name asks for confirmation with the usages. */
export type DeleteFunctionResult = { ok: true } | { ok: false; usages: FunctionUsage[]; formError?: string };

/** Everything the editor panel needs, for pages and for the flow canvas's inline editor. */
export interface FunctionEditorData {
  agentId: string;
  function: AgentFunction;
  destinations: FunctionDestination[];
  /** The agent's variables with their sample values (prefill conv.state). */
  variables: { name: string; sampleValue: string }[];
  timeoutMs: number;
}

/** The flow nodes that name a function, for the delete dialog. */
export type FunctionUsagesResult = { ok: true; usages: FunctionUsage[] } | { ok: false; error: string };

/** The editor panel's data, or why it cannot be shown (gone, or signed out). */
export type LoadFunctionResult = { ok: true; data: FunctionEditorData } | { ok: false; error: string };
