"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { appendAudit } from "@/db/repositories/audit";
import { promoteVersion, publishDraft, restoreVersion } from "@/db/repositories/versions";
import { writeTransaction } from "@/db/transaction";
import { versionChange } from "@/lib/audit/changes";
import { quote } from "@/lib/audit/summaries";
import { actorOf } from "@/lib/audit/types";
import type { PublishResult, VersionActionResult } from "@/lib/versions/action-results";
import { publishNoteSchema } from "@/lib/versions/types";

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

export const promoteAction = guardedAction(
  "promote",
  refused,
  async (viewer, agentId: unknown, version: unknown): Promise<VersionActionResult> => {
    const db = getDb();
    const n = versionNumber(version);
    const agent = typeof agentId === "string" ? getAgent(db, agentId) : null;
    if (!agent) return { ok: false, message: gone };
    const promoted =
      n !== null &&
      writeTransaction(db, () => {
        if (!promoteVersion(db, agent.id, n)) return false;
        const before = agent.liveVersion === null ? "none" : `version ${agent.liveVersion}`;
        appendAudit(db, actorOf(viewer), versionChange("promoted", agent, n, `live ${before} → version ${n}`));
        return true;
      });
    if (!promoted) return { ok: false, message: "No such version; reload the page" };
    revalidatePath(`/agents/${agent.id}`, "layout");
    return { ok: true, message: `Version ${n} is live` };
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
