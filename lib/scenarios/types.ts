import type { ScenarioResult, ScenarioStatus } from "./runner";
import type { Scenario } from "./schema";

/** A stored scenario. */
export interface StoredScenario {
  id: string;
  agentId: string;
  name: string;
  scenario: Scenario;
  createdAt: string;
  updatedAt: string;
}

/** One stored run of one scenario (its call kept with it, never in conversations). */
export interface ScenarioRun {
  id: string;
  scenarioId: string;
  batchId: string;
  status: ScenarioStatus;
  startedAt: string;
  result: ScenarioResult;
}

/** A scenario with its last run, for the list. */
export interface ScenarioListItem extends StoredScenario {
  lastRun: Omit<ScenarioRun, "result"> | null;
}
