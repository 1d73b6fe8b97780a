import type { DestinationUsage } from "../flow/destination-usages";
import type { TopicUsage } from "../topics/destination-usages";
import type { FieldErrors } from "../validation/field-errors";
import type { HandoffDestination } from "./types";

/** What the Call Handoffs server actions return to the board, the modal and the delete dialog. */
export type HandoffActionResult =
  | { ok: true; destination?: HandoffDestination }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };

/** The flow nodes and knowledge topics that hand off to a destination, for the delete confirmation. */
export type DestinationUsagesResult =
  | { ok: true; usages: DestinationUsage[]; topics: TopicUsage[] }
  | { ok: false; error: string };

/** What importing a handoffs.yaml returns: the counts, or every problem with its path (nothing imported). */
export type HandoffsImportResult =
  | { ok: true; added: number; changed: number; deleted: number }
  | { ok: false; errors: { path: string; message: string }[] };
