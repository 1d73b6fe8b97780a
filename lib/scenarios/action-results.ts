import type { FieldErrors } from "../validation/field-errors";
import type { ScenarioResult } from "./runner";
import type { StoredScenario } from "./types";

/** What the Scenarios page's save and delete actions return to the form and the list. */
export type ScenarioActionResult =
  | { ok: true; scenario?: StoredScenario }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };

/** Running scenarios from the page: each result with its scenario's id and when it ran. */
export type ScenarioRunActionResult =
  | { ok: true; startedAt: string; runs: { scenarioId: string; result: ScenarioResult }[] }
  | { ok: false; formError: string };
