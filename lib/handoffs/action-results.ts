import type { FieldErrors } from "../validation/field-errors";
import type { HandoffDestination } from "./types";

/** What the Call Handoffs server actions return to the board, the modal and the delete dialog. */
export type HandoffActionResult =
  | { ok: true; destination?: HandoffDestination }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };
