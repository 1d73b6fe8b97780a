"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { appendAudit } from "@/db/repositories/audit";
import { writeTransaction } from "@/db/transaction";
import { getAgent } from "@/db/repositories/agents";
import {
  createScenario,
  deleteScenario,
  getScenario,
  scenariosByIds,
  updateScenario,
  type ScenarioWriteResult,
} from "@/db/repositories/scenarios";
import { runStoredScenarios } from "@/db/repositories/scenario-host";
import { scenarioChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import type { Viewer } from "@/lib/auth/types";
import { parseScenario, type StoredScenario } from "@/lib/scenarios";
import type { ScenarioActionResult, ScenarioRunActionResult } from "@/lib/scenarios/action-results";
import { serverPythonPool } from "@/telephony/python-pool";

const GONE_AGENT: ScenarioActionResult = {
  ok: false,
  fieldErrors: {},
  formError: "This agent no longer exists; reload the page",
};
const GONE_SCENARIO: ScenarioActionResult = {
  ok: false,
  fieldErrors: {},
  formError: "This scenario was deleted in the meantime; reload to see the current list",
};

const denied = (d: Denial): ScenarioActionResult => ({ ok: false, fieldErrors: {}, formError: d.message });

function agentExists(agentId: unknown): agentId is string {
  return typeof agentId === "string" && getAgent(getDb(), agentId) !== null;
}

/** Runs a repository change and appends its audit entry (before → after) in one transaction. */
function audited(viewer: Viewer, before: StoredScenario | null, change: () => ScenarioWriteResult) {
  const db = getDb();
  return writeTransaction(db, () => {
    const result = change();
    if (result.ok) appendAudit(db, actorOf(viewer), scenarioChange(before, result.scenario));
    return result;
  });
}

function finish(agentId: string, result: ScenarioWriteResult): ScenarioActionResult {
  if (result.ok) {
    revalidatePath(`/agents/${agentId}/scenarios`);
    return { ok: true, scenario: result.scenario };
  }
  return result.status === "not_found" ? GONE_SCENARIO : { ok: false, fieldErrors: result.fieldErrors };
}

// Every argument is `unknown`: a server action is a public endpoint and must validate what it gets.

export const createScenarioAction = guardedAction(
  "scenarios.edit",
  denied,
  async (viewer, agentId: unknown, input: unknown): Promise<ScenarioActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    const parsed = parseScenario(input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    return finish(
      agentId,
      audited(viewer, null, () => createScenario(getDb(), agentId, parsed.value)),
    );
  },
);

export const updateScenarioAction = guardedAction(
  "scenarios.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown, input: unknown): Promise<ScenarioActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_SCENARIO;
    const parsed = parseScenario(input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    const before = getScenario(getDb(), agentId, id);
    if (!before) return GONE_SCENARIO;
    return finish(
      agentId,
      audited(viewer, before, () => updateScenario(getDb(), agentId, id, parsed.value)),
    );
  },
);

export const deleteScenarioAction = guardedAction(
  "scenarios.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown): Promise<ScenarioActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_SCENARIO;
    const db = getDb();
    const removed = writeTransaction(db, () => {
      const gone = deleteScenario(db, agentId, id);
      if (gone) appendAudit(db, actorOf(viewer), scenarioChange(gone, null));
      return gone;
    });
    if (!removed) return GONE_SCENARIO;
    revalidatePath(`/agents/${agentId}/scenarios`);
    return { ok: true };
  },
);

/**
 * Runs scenarios (the ids given, in list order) on the server: the same Node runner as the CLI and
 * the API, Python on the server's warm pool. Each result is recorded with its scenario.
 */
export const runScenariosAction = guardedAction(
  "scenarios.edit",
  (d: Denial): ScenarioRunActionResult => ({ ok: false, formError: d.message }),
  async (_viewer, agentId: unknown, ids: unknown): Promise<ScenarioRunActionResult> => {
    if (!agentExists(agentId)) return { ok: false, formError: "This agent no longer exists; reload the page" };
    if (!Array.isArray(ids) || ids.length > 5_000 || !ids.every((id) => typeof id === "string"))
      return { ok: false, formError: "Choose the scenarios to run" };
    const db = getDb();
    const chosen = scenariosByIds(db, agentId, ids);
    if (chosen.length === 0) return { ok: false, formError: "Those scenarios were deleted; reload the page" };
    const pool = serverPythonPool();
    const startedAt = new Date().toISOString();
    const runs = await runStoredScenarios(db, agentId, chosen, (r) => pool.run(r));
    revalidatePath(`/agents/${agentId}/scenarios`);
    return { ok: true, startedAt, runs };
  },
);
