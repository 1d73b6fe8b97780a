import type { Db } from "../client";
import type { RunRequest, RunResult } from "../../lib/functions/types";
import type { ScenarioHost } from "../../lib/scenarios";
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
      if (!ref) return { ok: false, message: `"${version}" is not draft, live or a version number` };
      return readDocument(db, agentId, ref);
    },
  };
}
