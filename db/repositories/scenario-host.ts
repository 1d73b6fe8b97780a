import type { Db } from "../client";
import type { RunRequest, RunResult } from "../../lib/functions/types";
import { runScenarios, type ScenarioHost, type ScenarioResult, type StoredScenario } from "../../lib/scenarios";
import { recordRuns } from "./scenarios";
import { parseVersionRef } from "../../lib/versions/types";
import { readDocument } from "./versions";

/**
 * Where scenarios of an agent run in Node (the CLI, the API, the Scenarios page's server action):
 * the draft or a version read as an agent document, Python through the caller's runner.
 */
export function scenarioHost(
  db: Db,
  agentId: string,
  runPython: (request: RunRequest) => Promise<RunResult>,
): ScenarioHost {
  return {
    agentId,
    runPython,
    document(version) {
      const ref = parseVersionRef(version);
      if (!ref) return { ok: false, message: `"${version}" is not draft, pre-release, live or a version number` };
      return readDocument(db, agentId, ref);
    },
  };
}

/**
 * Runs stored scenarios (against `version` when given, else each one's own) and records each
 * result as a run, one batch. What the CLI, the API and the Scenarios page share.
 */
export async function runStoredScenarios(
  db: Db,
  agentId: string,
  stored: readonly StoredScenario[],
  runPython: (request: RunRequest) => Promise<RunResult>,
  options: { version?: string } = {},
): Promise<{ scenarioId: string; result: ScenarioResult }[]> {
  const host = scenarioHost(db, agentId, runPython);
  const list = stored.map((s) => (options.version ? { ...s.scenario, version: options.version } : s.scenario));
  const results = await runScenarios(list, host);
  const out = results.map((result, i) => ({ scenarioId: stored[i]!.id, result }));
  recordRuns(db, agentId, out);
  return out;
}
