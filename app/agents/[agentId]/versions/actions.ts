"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { appendAudit } from "@/db/repositories/audit";
import { promoteToEnvironment, rollbackEnvironment } from "@/db/repositories/environments";
import { publishDraft, restoreVersion } from "@/db/repositories/versions";
import { writeTransaction } from "@/db/transaction";
import { versionChange } from "@/lib/audit/changes";
import { quote } from "@/lib/audit/summaries";
import { actorOf } from "@/lib/audit/types";
import type { PublishResult, VersionActionResult } from "@/lib/versions/action-results";
import { publishNoteSchema } from "@/lib/versions/types";
import { parseEnvironment } from "@/lib/versions/environments";

const gone = "This agent no longer exists; reload the page";
const refused = (d: Denial): VersionActionResult => ({ ok: false, message: d.message });

/**
 * Publish from the toolbar. `acceptLintErrors` is the draft hash the person saw the lint errors
 * for: if the draft changed since, they are asked again. The version's author is the member.
 */
export const publishAction = guardedAction(
  "publish",
  (d: Denial): PublishResult => ({ ok: false, status: "not_found", message: d.message }),
  async (viewer, agentId: unknown, input: unknown): Promise<PublishResult> => {
    const db = getDb();
    const agent = typeof agentId === "string" ? getAgent(db, agentId) : null;
    if (!agent) return { ok: false, status: "not_found", message: gone };
    const { note, acceptLintErrors } = (typeof input === "object" && input !== null ? input : {}) as {
      note?: unknown;
      acceptLintErrors?: unknown;
    };
    const parsed = publishNoteSchema.safeParse(note ?? "");
    if (!parsed.success)
      return { ok: false, status: "invalid", fieldErrors: { note: parsed.error.issues[0]!.message } };
    const result = writeTransaction(db, () => {
      const result = publishDraft(db, agent.id, {
        note: parsed.data,
        author: viewer.name,
        acceptLintErrors: typeof acceptLintErrors === "string" ? acceptLintErrors : undefined,
      });
      if (result.ok)
        appendAudit(
          db,
          actorOf(viewer),
          versionChange(
            "published",
            agent,
            result.version.number,
            parsed.data ? `note ${quote(parsed.data)}` : "no note",
          ),
        );
      return result;
    });
    if (result.ok) revalidatePath(`/agents/${agent.id}`, "layout");
    return result;
  },
);

function versionNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : null;
}

/** Moves version N one step: to pre-release, or from pre-release to live (`to`). */
export const promoteAction = guardedAction(
  "promote",
  refused,
  async (viewer, agentId: unknown, version: unknown, to: unknown): Promise<VersionActionResult> => {
    const db = getDb();
    const n = versionNumber(version);
    const env = typeof to === "string" ? parseEnvironment(to) : null;
    const agent = typeof agentId === "string" ? getAgent(db, agentId) : null;
    if (!agent) return { ok: false, message: gone };
    if (n === null || env === null) return { ok: false, message: "No such version; reload the page" };
    const r = promoteToEnvironment(db, agent.id, { to: env, version: n, actor: actorOf(viewer) });
    if (!r.ok) return { ok: false, message: r.message };
    revalidatePath(`/agents/${agent.id}`, "layout");
    return { ok: true, message: `Version ${n} is in ${env}` };
  },
);

/** Returns an environment to the version it had before its last promotion. */
export const rollbackAction = guardedAction(
  "promote",
  refused,
  async (viewer, agentId: unknown, env: unknown): Promise<VersionActionResult> => {
    const db = getDb();
    const environment = typeof env === "string" ? parseEnvironment(env) : null;
    const agent = typeof agentId === "string" ? getAgent(db, agentId) : null;
    if (!agent) return { ok: false, message: gone };
    if (environment === null) return { ok: false, message: "Choose pre-release or live" };
    const r = rollbackEnvironment(db, agent.id, environment, actorOf(viewer));
    if (!r.ok) return { ok: false, message: r.message };
    revalidatePath(`/agents/${agent.id}`, "layout");
    return {
      ok: true,
      message: `${environment === "live" ? "Live" : "Pre-release"} is back to ${r.to === null ? "no version" : `version ${r.to}`}`,
    };
  },
);

// Restoring replaces the whole draft, functions included: what publishing needs.
export const restoreAction = guardedAction(
  "publish",
  refused,
  async (viewer, agentId: unknown, version: unknown): Promise<VersionActionResult> => {
    const db = getDb();
    const n = versionNumber(version);
    const agent = typeof agentId === "string" ? getAgent(db, agentId) : null;
    if (!agent) return { ok: false, message: gone };
    const r =
      n === null
        ? null
        : writeTransaction(db, () => {
            const r = restoreVersion(db, agent.id, n, viewer.name);
            if (r.ok)
              appendAudit(
                db,
                actorOf(viewer),
                versionChange(
                  "restored",
                  agent,
                  n,
                  r.savedAs
                    ? `into the draft; the draft before was saved as version ${r.savedAs.number}`
                    : "into the draft",
                ),
              );
            return r;
          });
    if (!r?.ok) return { ok: false, message: "No such version; reload the page" };
    revalidatePath(`/agents/${agent.id}`, "layout");
    return {
      ok: true,
      message: r.savedAs
        ? `Version ${n} is now the draft. The draft it replaced was saved as version ${r.savedAs.number}.`
        : `Version ${n} is now the draft. The draft it replaced was already saved as a version.`,
    };
  },
);
