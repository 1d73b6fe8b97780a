import type { FieldErrors } from "../validation/field-errors";

/** What the create and rename agent server actions return to the shell's forms. */
export type AgentActionResult =
  | { ok: true; agent: { id: string; name: string } }
  | { ok: false; fieldErrors: FieldErrors };
