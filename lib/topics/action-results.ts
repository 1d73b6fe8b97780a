import type { FieldErrors } from "../validation/field-errors";
import type { CsvRowError } from "./csv";
import type { Topic } from "./types";

/** What the Knowledge page's server actions return to the list and the topic form. */
export type TopicActionResult =
  | { ok: true; topic?: Topic }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };

/** CSV import: how many topics were added and replaced, or every problem (nothing was imported). */
export type TopicImportResult =
  | { ok: true; added: number; replaced: number }
  | { ok: false; errors: CsvRowError[]; formError?: string };
