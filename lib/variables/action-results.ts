import type { FieldErrors } from "../validation/field-errors";
import type { AgentVariable } from "./schema";
import type { VariableUse } from "./usages";

/**
 * What the Variables server actions return. Deleting or renaming a variable that is in use asks
 * first: the result lists the uses, and the same call with `confirmUsed: true` goes ahead.
 */
export type VariableActionResult =
  | { ok: true; variable?: AgentVariable }
  | { ok: false; fieldErrors: FieldErrors; formError?: string; usages?: VariableUse[] };

/** Where a variable is used, or why the question was refused. */
export type VariableUsagesResult = { ok: true; usages: VariableUse[] } | { ok: false; error: string };
