import { and, asc, desc, eq, inArray, max, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { scenarioRuns, scenarios } from "../schema";
import { writeTransaction } from "../transaction";
import { prepared } from "./statements";
import { coveragePaths } from "../../lib/scenarios/coverage";
import type { Scenario, ScenarioListItem, ScenarioResult, ScenarioRun, StoredScenario } from "../../lib/scenarios";
import type { FieldErrors } from "../../lib/validation/field-errors";

type Row = typeof scenarios.$inferSelect;
type RunRow = typeof scenarioRuns.$inferSelect;

export type ScenarioWriteResult =
  | { ok: true; scenario: StoredScenario }
  | { ok: false; status: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; status: "not_found" };

/** Runs kept per scenario; older ones are dropped when a new run is recorded. */
export const RUNS_KEPT_PER_SCENARIO = 20;

const nameKey = (name: string) => name.trim().toLowerCase();

function toScenario(row: Row): StoredScenario {
  return {
    id: row.id,
    agentId: row.agentId,
    name: row.name,
    scenario: { ...row.definition, name: row.name },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toRun(row: RunRow): ScenarioRun {
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    batchId: row.batchId,
    status: row.status,
    startedAt: row.startedAt,
    result: row.result,
  };
}

const nameTaken = (name: string): ScenarioWriteResult => ({
  ok: false,
  status: "invalid",
  fieldErrors: { name: `A scenario named "${name}" already exists for this agent` },
});

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && "code" in e && (e as { code: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** The agent's scenarios in list order (the order they were added). */
export function listScenarios(db: Db, agentId: string): StoredScenario[] {
  return db
    .select()
    .from(scenarios)
    .where(eq(scenarios.agentId, agentId))
    .orderBy(asc(scenarios.position))
    .all()
    .map(toScenario);
}

export function getScenario(db: Db, agentId: string, id: string): StoredScenario | null {
  const row = db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.agentId, agentId), eq(scenarios.id, id)))
    .get();
  return row ? toScenario(row) : null;
}

export function findScenarioByName(db: Db, agentId: string, name: string): StoredScenario | null {
  const row = db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.agentId, agentId), eq(scenarios.nameKey, nameKey(name))))
    .get();
  return row ? toScenario(row) : null;
}

function insert(db: Db, agentId: string, scenario: Scenario, position?: number): StoredScenario {
  const top = db
    .select({ top: max(scenarios.position) })
    .from(scenarios)
    .where(eq(scenarios.agentId, agentId))
    .get()?.top;
  const now = nowIso();
  const row = db
    .insert(scenarios)
    .values({
      id: newId("scn"),
      agentId,
      name: scenario.name,
      nameKey: nameKey(scenario.name),
      definition: scenario,
      position: position ?? (top === null || top === undefined ? 0 : top + 1),
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  return toScenario(row);
}

function guardUnique(name: string, fn: () => ScenarioWriteResult): ScenarioWriteResult {
  try {
    return fn();
  } catch (e) {
    if (isUniqueViolation(e)) return nameTaken(name);
    throw e;
  }
}

/** Adds a scenario at the end of the list. Names are unique per agent, ignoring case. */
export function createScenario(db: Db, agentId: string, scenario: Scenario): ScenarioWriteResult {
  return guardUnique(scenario.name, () =>
    writeTransaction(db, (): ScenarioWriteResult => {
      if (findScenarioByName(db, agentId, scenario.name)) return nameTaken(scenario.name);
      return { ok: true, scenario: insert(db, agentId, scenario) };
    }),
  );
}

export function updateScenario(db: Db, agentId: string, id: string, scenario: Scenario): ScenarioWriteResult {
  return guardUnique(scenario.name, () =>
    writeTransaction(db, (tx): ScenarioWriteResult => {
      if (!getScenario(db, agentId, id)) return { ok: false, status: "not_found" };
      const clash = findScenarioByName(db, agentId, scenario.name);
      if (clash && clash.id !== id) return nameTaken(scenario.name);
      const row = tx
        .update(scenarios)
        .set({ name: scenario.name, nameKey: nameKey(scenario.name), definition: scenario, updatedAt: nowIso() })
        .where(and(eq(scenarios.agentId, agentId), eq(scenarios.id, id)))
        .returning()
        .get();
      return { ok: true, scenario: toScenario(row!) };
    }),
  );
}

/** Deletes a scenario and (cascade) its runs. */
export function deleteScenario(db: Db, agentId: string, id: string): StoredScenario | null {
  const row = db
    .delete(scenarios)
    .where(and(eq(scenarios.agentId, agentId), eq(scenarios.id, id)))
    .returning()
    .get();
  return row ? toScenario(row) : null;
}

/**
 * Replaces every scenario of the agent (agent import and version restore): one transaction, a
 * scenario matched by name keeps its id (and its runs), the others are deleted.
 */
export function replaceScenarios(db: Db, agentId: string, list: readonly Scenario[]): void {
  writeTransaction(db, (tx) => {
    const existing = new Map(listScenarios(db, agentId).map((s) => [nameKey(s.name), s]));
    const keep = new Set(list.map((s) => nameKey(s.name)));
    for (const [key, s] of existing) if (!keep.has(key)) tx.delete(scenarios).where(eq(scenarios.id, s.id)).run();
    list.forEach((scenario, position) => {
      const old = existing.get(nameKey(scenario.name));
      if (!old) {
        insert(db, agentId, scenario, position);
        return;
      }
      tx.update(scenarios)
        .set({ name: scenario.name, definition: scenario, position, updatedAt: nowIso() })
        .where(eq(scenarios.id, old.id))
        .run();
    });
  });
}

/**
 * Stores one batch of results (each with its scenario's id), all in one transaction, and drops
 * runs beyond the newest RUNS_KEPT_PER_SCENARIO of each scenario. A scenario deleted meanwhile is
 * skipped. Returns the stored runs.
 */
export function recordRuns(
  db: Db,
  agentId: string,
  results: readonly { scenarioId: string; result: ScenarioResult }[],
  startedAt = nowIso(),
): ScenarioRun[] {
  return writeTransaction(db, (tx) => {
    const batchId = newId("sbat");
    const live = new Set(
      tx
        .select({ id: scenarios.id })
        .from(scenarios)
        .where(eq(scenarios.agentId, agentId))
        .all()
        .map((r) => r.id),
    );
    const out: ScenarioRun[] = [];
    for (const { scenarioId, result } of results) {
      if (!live.has(scenarioId)) continue;
      const row = tx
        .insert(scenarioRuns)
        .values({ id: newId("srun"), agentId, scenarioId, batchId, status: result.status, startedAt, result })
        .returning()
        .get();
      out.push(toRun(row));
      const keep = tx
        .select({ id: scenarioRuns.id })
        .from(scenarioRuns)
        .where(eq(scenarioRuns.scenarioId, scenarioId))
        .orderBy(desc(scenarioRuns.startedAt), desc(scenarioRuns.id))
        .limit(RUNS_KEPT_PER_SCENARIO)
        .all()
        .map((r) => r.id);
      tx.delete(scenarioRuns)
        .where(and(eq(scenarioRuns.scenarioId, scenarioId), notInArray(scenarioRuns.id, keep)))
        .run();
    }
    return out;
  });
}

/** Each scenario's newest run (results included), by scenario id. */
export function latestRuns(db: Db, agentId: string): Map<string, ScenarioRun> {
  const rows = db
    .select()
    .from(scenarioRuns)
    .where(
      and(
        eq(scenarioRuns.agentId, agentId),
        sql`${scenarioRuns.id} = (SELECT l.id FROM scenario_runs AS l WHERE l.scenario_id = ${scenarioRuns.scenarioId} ORDER BY l.started_at DESC, l.id DESC LIMIT 1)`,
      ),
    )
    .all();
  return new Map(rows.map((r) => [r.scenarioId, toRun(r)]));
}

/** The list: every scenario with its last run's status and time. */
export function listScenariosWithLastRun(db: Db, agentId: string): ScenarioListItem[] {
  const last = latestRuns(db, agentId);
  return listScenarios(db, agentId).map((s) => {
    const run = last.get(s.id);
    return {
      ...s,
      lastRun: run
        ? { id: run.id, scenarioId: run.scenarioId, batchId: run.batchId, status: run.status, startedAt: run.startedAt }
        : null,
    };
  });
}

/** Runs of one batch, in the order they were stored. */
export function batchRuns(db: Db, agentId: string, batchId: string): ScenarioRun[] {
  return db
    .select()
    .from(scenarioRuns)
    .where(and(eq(scenarioRuns.agentId, agentId), eq(scenarioRuns.batchId, batchId)))
    .all()
    .map(toRun);
}

/** Scenarios by ids (those that exist, in list order). */
export function scenariosByIds(db: Db, agentId: string, ids: readonly string[]): StoredScenario[] {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.agentId, agentId), inArray(scenarios.id, [...ids])))
    .orderBy(asc(scenarios.position))
    .all()
    .map(toScenario);
}

/**
 * The paths of each scenario's newest draft run that covered `flow` (a call that changed flow
 * counts its steps in it), read from the stored JSON by SQLite: the flow editor's coverage needs
 * only these, not every result with its call and trace.
 */
export function latestDraftPaths(db: Db, agentId: string, flow: string): string[][] {
  const rows = prepared(
    db,
    `SELECT json_extract(r.result, '$.flow') AS flow, json_extract(r.result, '$.call.path') AS path
       FROM scenario_runs AS r
       WHERE r.agent_id = ? AND json_extract(r.result, '$.version') IS NULL
         AND r.id = (SELECT l.id FROM scenario_runs AS l WHERE l.scenario_id = r.scenario_id
                     ORDER BY l.started_at DESC, l.id DESC LIMIT 1)`,
  ).all(agentId) as { flow: string | null; path: string | null }[];
  return coveragePaths(
    rows.flatMap((r) =>
      r.path ? [{ flow: r.flow, version: null, call: { path: JSON.parse(r.path) as string[] } }] : [],
    ),
    flow,
  );
}
