"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { promoteVersion, publishDraft, restoreVersion } from "@/db/repositories/versions";
import type { PublishResult, VersionActionResult } from "@/lib/versions/action-results";
import { publishNoteSchema } from "@/lib/versions/types";
import { studioAuthor } from "./author";

const gone = "This agent no longer exists; reload the page";

/**
 * Publish from the toolbar. `acceptLintErrors` is the draft hash the person saw the lint errors
 * for: if the draft changed since, they are asked again.
 */
export async function publishAction(agentId: unknown, input: unknown): Promise<PublishResult> {
  const db = getDb();
  if (typeof agentId !== "string" || !getAgent(db, agentId)) return { ok: false, status: "not_found", message: gone };
  const { note, acceptLintErrors } = (typeof input === "object" && input !== null ? input : {}) as {
    note?: unknown;
    acceptLintErrors?: unknown;
  };
  const parsed = publishNoteSchema.safeParse(note ?? "");
  if (!parsed.success) return { ok: false, status: "invalid", fieldErrors: { note: parsed.error.issues[0]!.message } };
  const result = publishDraft(db, agentId, {
    note: parsed.data,
    author: studioAuthor(),
    acceptLintErrors: typeof acceptLintErrors === "string" ? acceptLintErrors : undefined,
  });
  if (result.ok) revalidatePath(`/agents/${agentId}`, "layout");
  return result;
}

function versionNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : null;
}

export async function promoteAction(agentId: unknown, version: unknown): Promise<VersionActionResult> {
  const db = getDb();
  const n = versionNumber(version);
  if (typeof agentId !== "string" || !getAgent(db, agentId)) return { ok: false, message: gone };
  if (n === null || !promoteVersion(db, agentId, n)) return { ok: false, message: "No such version; reload the page" };
  revalidatePath(`/agents/${agentId}`, "layout");
  return { ok: true, message: `Version ${n} is live` };
}

export async function restoreAction(agentId: unknown, version: unknown): Promise<VersionActionResult> {
  const db = getDb();
  const n = versionNumber(version);
  if (typeof agentId !== "string" || !getAgent(db, agentId)) return { ok: false, message: gone };
  const r = n === null ? null : restoreVersion(db, agentId, n, studioAuthor());
  if (!r?.ok) return { ok: false, message: "No such version; reload the page" };
  revalidatePath(`/agents/${agentId}`, "layout");
  return {
    ok: true,
    message: r.savedAs
      ? `Version ${n} is now the draft. The draft it replaced was saved as version ${r.savedAs.number}.`
      : `Version ${n} is now the draft. The draft it replaced was already saved as a version.`,
  };
}
