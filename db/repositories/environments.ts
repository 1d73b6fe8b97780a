import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { nowIso } from "../ids";
import { agents, environmentMoves } from "../schema";
import { writeTransaction } from "../transaction";
import type { AgentDocument } from "../../lib/agent-document";
import { appendAudit } from "./audit";
import { versionChange } from "../../lib/audit/changes";
import type { AuditActor } from "../../lib/audit/types";
import { diffDocuments, type DocumentDiff } from "../../lib/versions/diff";
import {
  promotionProblem,
  type Environment,
  type EnvironmentMove,
  type EnvironmentPointers,
} from "../../lib/versions/environments";
import { getVersion, latestVersion, pointersOf } from "./versions";

/**
 * The agent's environments (draft → pre-release → live): where each points, promoting a version one
 * step, rolling one back, and the history of those moves. Versions themselves live in versions.ts.
 */

export type PromoteResult =
  | {
      ok: true;
      environment: Environment;
      version: number;
      /** The version the environment had before (null: none). */
      from: number | null;
      dryRun: boolean;
      /** What changes for the environment's calls: from its version (or an empty agent) to this one. */
      changes: DocumentDiff;
    }
  | { ok: false; status: "not_found" | "refused"; message: string };

export interface PromoteOptions {
  to: Environment;
  /** Absent: the latest version for pre-release, the pre-release version for live. */
  version?: number;
  dryRun?: boolean;
  /** Who promotes, for the history and the audit log. */
  actor: AuditActor;
}

/** Was version `n` ever in pre-release (or live, which counts for versions promoted before pre-release existed)? */
function beenInPreRelease(db: Db, agentId: string, n: number, pointers: EnvironmentPointers): boolean {
  if (pointers.preRelease === n || pointers.live === n) return true;
  return (
    db
      .select({ id: environmentMoves.id })
      .from(environmentMoves)
      .where(and(eq(environmentMoves.agentId, agentId), eq(environmentMoves.toVersion, n)))
      .get() !== undefined
  );
}

function setPointer(db: Db, agentId: string, env: Environment, n: number | null) {
  db.update(agents)
    .set(env === "live" ? { liveVersion: n } : { preReleaseVersion: n })
    .where(eq(agents.id, agentId))
    .run();
}

/**
 * Moves a version one step (docs/design.md §9): into pre-release, or from there into live. A dry run
 * checks the same and returns the version, the target and the changes without moving anything. The
 * move is kept in the environment's history and the audit log, in one transaction.
 */
export function promoteToEnvironment(db: Db, agentId: string, o: PromoteOptions): PromoteResult {
  return writeTransaction(db, (): PromoteResult => {
    const agent = db.select({ name: agents.name }).from(agents).where(eq(agents.id, agentId)).get();
    if (!agent) return { ok: false, status: "not_found", message: "No agent with that id" };
    const pointers = pointersOf(db, agentId);
    const n = o.version ?? (o.to === "live" ? pointers.preRelease : (latestVersion(db, agentId)?.number ?? null));
    if (n === null)
      return {
        ok: false,
        status: "refused",
        message: o.to === "live" ? "No version is in pre-release: promote one there first" : "Publish a version first",
      };
    const target = getVersion(db, agentId, n);
    if (!target) return { ok: false, status: "not_found", message: `No version ${n}` };
    const problem = promotionProblem(o.to, n, pointers, beenInPreRelease(db, agentId, n, pointers));
    if (problem) return { ok: false, status: "refused", message: problem };
    const from = o.to === "live" ? pointers.live : pointers.preRelease;
    const before = from === null ? null : getVersion(db, agentId, from);
    const changes = diffDocuments(before?.document ?? emptyDocument(target.document), target.document);
    if (!o.dryRun) {
      setPointer(db, agentId, o.to, n);
      db.insert(environmentMoves)
        .values({
          agentId,
          environment: o.to,
          kind: "promote",
          fromVersion: from,
          toVersion: n,
          by: o.actor.name,
          at: nowIso(),
        })
        .run();
      appendAudit(
        db,
        o.actor,
        versionChange(
          "promoted",
          { id: agentId, name: agent.name },
          n,
          `${o.to} ${from === null ? "none" : `version ${from}`} → version ${n}`,
        ),
      );
    }
    return { ok: true, environment: o.to, version: n, from, dryRun: o.dryRun === true, changes };
  });
}

/** Makes version `n` live the only way there is: into pre-release (unless it is there), then live. */
export function promoteThroughPreRelease(db: Db, agentId: string, n: number, actor: AuditActor): PromoteResult {
  return writeTransaction(db, () => {
    if (pointersOf(db, agentId).preRelease !== n) {
      const step = promoteToEnvironment(db, agentId, { to: "pre-release", version: n, actor });
      if (!step.ok) return step;
    }
    return promoteToEnvironment(db, agentId, { to: "live", version: n, actor });
  });
}

/** An agent with nothing in it, to show what a first promotion brings. */
function emptyDocument(like: AgentDocument): AgentDocument {
  return {
    ...like,
    variables: [],
    destinations: [],
    functions: [],
    flows: [],
    topics: [],
    scenarios: [],
  } as AgentDocument;
}

export type RollbackResult =
  | { ok: true; environment: Environment; from: number | null; to: number | null }
  | { ok: false; status: "not_found" | "refused"; message: string };

/**
 * Returns an environment to the version it had before its last promotion that was not undone yet;
 * rolling back again goes one further back. Kept in the history and the audit log.
 */
export function rollbackEnvironment(db: Db, agentId: string, env: Environment, actor: AuditActor): RollbackResult {
  return writeTransaction(db, (): RollbackResult => {
    const agent = db.select({ name: agents.name }).from(agents).where(eq(agents.id, agentId)).get();
    if (!agent) return { ok: false, status: "not_found", message: "No agent with that id" };
    const last = db
      .select()
      .from(environmentMoves)
      .where(
        and(
          eq(environmentMoves.agentId, agentId),
          eq(environmentMoves.environment, env),
          eq(environmentMoves.kind, "promote"),
          eq(environmentMoves.rolledBack, false),
        ),
      )
      .orderBy(desc(environmentMoves.id))
      .get();
    if (!last) return { ok: false, status: "refused", message: `${env} has no earlier version to return to` };
    const current = pointersOf(db, agentId)[env === "live" ? "live" : "preRelease"];
    setPointer(db, agentId, env, last.fromVersion);
    db.update(environmentMoves).set({ rolledBack: true }).where(eq(environmentMoves.id, last.id)).run();
    db.insert(environmentMoves)
      .values({
        agentId,
        environment: env,
        kind: "rollback",
        fromVersion: current,
        toVersion: last.fromVersion,
        by: actor.name,
        at: nowIso(),
      })
      .run();
    const to = last.fromVersion;
    appendAudit(db, actor, {
      ...versionChange(
        "rolled_back",
        { id: agentId, name: agent.name },
        to ?? current ?? 0,
        `${env} ${current === null ? "none" : `version ${current}`} → ${to === null ? "none" : `version ${to}`}`,
      ),
    });
    return { ok: true, environment: env, from: current, to };
  });
}

/** The environments' moves, newest first. */
export function environmentHistory(db: Db, agentId: string, limit = 50): EnvironmentMove[] {
  return db
    .select()
    .from(environmentMoves)
    .where(eq(environmentMoves.agentId, agentId))
    .orderBy(desc(environmentMoves.id))
    .limit(limit)
    .all()
    .map((m) => ({
      environment: m.environment,
      kind: m.kind,
      from: m.fromVersion,
      to: m.toVersion,
      rolledBack: m.rolledBack,
      by: m.by,
      at: m.at,
    }));
}
