import { createHash } from "node:crypto";
import { and, desc, eq, max } from "drizzle-orm";
import type { Db } from "../client";
import { nowIso } from "../ids";
import { agents, agentVersions } from "../schema";
import { writeTransaction } from "../transaction";
import { canonicalJson, documentLintErrors, type AgentDocument } from "../../lib/agent-document";
import type { PublishResult } from "../../lib/versions/action-results";
import { beforeRestoringNote, type VersionRef, type VersionSummary } from "../../lib/versions/types";
import { readDraftDocument, replaceDraft } from "./agent-document";
import type { EnvironmentPointers } from "../../lib/versions/environments";

export interface Version extends VersionSummary {
  document: AgentDocument;
}

const SUMMARY = {
  number: agentVersions.number,
  note: agentVersions.note,
  author: agentVersions.author,
  createdAt: agentVersions.createdAt,
  contentHash: agentVersions.contentHash,
};

/** sha256 of the canonical JSON: equal content, equal hash, whatever order the draft was read in. */
export function contentHash(canonical: string): string {
  return createHash("sha256").update(canonical).digest("hex");
}

function liveVersionOf(db: Db, agentId: string): number | null {
  return pointersOf(db, agentId).live;
}

/** Where the agent's environments point now. */
export function pointersOf(db: Db, agentId: string): EnvironmentPointers {
  const row = db
    .select({ live: agents.liveVersion, preRelease: agents.preReleaseVersion })
    .from(agents)
    .where(eq(agents.id, agentId))
    .get();
  return { live: row?.live ?? null, preRelease: row?.preRelease ?? null };
}

/** Newest first, without documents. */
export function listVersions(db: Db, agentId: string): VersionSummary[] {
  const { live, preRelease } = pointersOf(db, agentId);
  return db
    .select(SUMMARY)
    .from(agentVersions)
    .where(eq(agentVersions.agentId, agentId))
    .orderBy(desc(agentVersions.number))
    .all()
    .map((v) => ({ ...v, live: v.number === live, preRelease: v.number === preRelease }));
}

export function getVersion(db: Db, agentId: string, number: number): Version | null {
  const row = db
    .select({ ...SUMMARY, document: agentVersions.document })
    .from(agentVersions)
    .where(and(eq(agentVersions.agentId, agentId), eq(agentVersions.number, number)))
    .get();
  if (!row) return null;
  const { document, ...summary } = row;
  // Stored documents were built by this code (or validated on import) before they were frozen.
  const pointers = pointersOf(db, agentId);
  return {
    ...summary,
    live: pointers.live === number,
    preRelease: pointers.preRelease === number,
    document: JSON.parse(document) as AgentDocument,
  };
}

/** The version real calls run, or null when none has been promoted. */
export function getLiveVersion(db: Db, agentId: string): Version | null {
  const live = liveVersionOf(db, agentId);
  return live === null ? null : getVersion(db, agentId, live);
}

export function latestVersion(db: Db, agentId: string): { number: number; contentHash: string } | null {
  return (
    db
      .select({ number: agentVersions.number, contentHash: agentVersions.contentHash })
      .from(agentVersions)
      .where(eq(agentVersions.agentId, agentId))
      .orderBy(desc(agentVersions.number))
      .limit(1)
      .get() ?? null
  );
}

function insertVersion(
  db: Db,
  agentId: string,
  canonical: string,
  hash: string,
  note: string,
  author: string,
): VersionSummary {
  const top = db
    .select({ top: max(agentVersions.number) })
    .from(agentVersions)
    .where(eq(agentVersions.agentId, agentId))
    .get();
  const row = db
    .insert(agentVersions)
    .values({
      agentId,
      number: (top?.top ?? 0) + 1,
      note,
      author,
      createdAt: nowIso(),
      contentHash: hash,
      document: canonical,
    })
    .returning(SUMMARY)
    .get();
  return { ...row, live: false, preRelease: false };
}

export interface PublishOptions {
  note: string;
  author: string;
  /**
   * Publish despite lint errors: `true` (API `force`, CLI `--force`), or the draft hash the person
   * was shown the errors for — if the draft changed since, they are asked again.
   */
  acceptLintErrors?: boolean | string;
}

/**
 * Freezes the draft as version N+1 — unless it is the latest version's content already
 * ("Nothing changed since version N"), or it has lint errors nobody accepted. Read, checks and
 * insert are one immediate transaction, so two publishes cannot take the same number.
 */
export function publishDraft(db: Db, agentId: string, options: PublishOptions): PublishResult {
  return writeTransaction(db, (): PublishResult => {
    const doc = readDraftDocument(db, agentId);
    if (!doc) return { ok: false, status: "not_found", message: "No agent with that id" };
    const canonical = canonicalJson(doc);
    const hash = contentHash(canonical);
    const last = latestVersion(db, agentId);
    if (last && last.contentHash === hash) {
      return {
        ok: false,
        status: "unchanged",
        latest: last.number,
        message: `Nothing changed since version ${last.number}`,
      };
    }
    const accepted = options.acceptLintErrors === true || options.acceptLintErrors === hash;
    if (!accepted) {
      const errors = documentLintErrors(doc);
      if (errors.length > 0) {
        return {
          ok: false,
          status: "lint_errors",
          errors,
          draftHash: hash,
          message: `The draft has ${errors.length} lint error${errors.length === 1 ? "" : "s"}; publish anyway?`,
        };
      }
    }
    return { ok: true, version: insertVersion(db, agentId, canonical, hash, options.note, options.author) };
  });
}

/**
 * Replaces the draft with `doc`, first saving the current draft as a version named `note` —
 * unless it is the latest version's content already, or `doc` itself (then nothing is replaced),
 * so nothing is lost and nothing duplicated. Returns the version it saved, if any.
 */
export function replaceDraftKeepingIt(
  db: Db,
  agentId: string,
  doc: AgentDocument,
  note: string,
  author: string,
): VersionSummary | null {
  return writeTransaction(db, () => {
    const current = readDraftDocument(db, agentId);
    if (!current) throw new Error(`No agent ${agentId}`);
    const canonical = canonicalJson(current);
    const hash = contentHash(canonical);
    // The draft keeps the agent's name (replaceDraft), so the name is not a difference here.
    if (canonical === canonicalJson({ ...doc, agent: { ...doc.agent, name: current.agent.name } })) return null;
    const last = latestVersion(db, agentId);
    const backup = last && last.contentHash === hash ? null : insertVersion(db, agentId, canonical, hash, note, author);
    replaceDraft(db, agentId, doc);
    return backup;
  });
}

export type RestoreResult = { ok: true; savedAs: VersionSummary | null } | { ok: false; status: "not_found" };

/** Copies version `number` into the draft; the draft it replaces is saved as "Before restoring version N". */
export function restoreVersion(db: Db, agentId: string, number: number, author: string): RestoreResult {
  return writeTransaction(db, (): RestoreResult => {
    const version = getVersion(db, agentId, number);
    if (!version) return { ok: false, status: "not_found" };
    return {
      ok: true,
      savedAs: replaceDraftKeepingIt(db, agentId, version.document, beforeRestoringNote(number), author),
    };
  });
}

export type DocumentLookup =
  | { ok: true; document: AgentDocument; version: number | null }
  | { ok: false; message: string };

/** The draft, the live version or version N of an agent, as a document. */
export function readDocument(db: Db, agentId: string, ref: VersionRef): DocumentLookup {
  if (ref.kind === "draft") {
    const document = readDraftDocument(db, agentId);
    return document ? { ok: true, document, version: null } : { ok: false, message: "No agent with that id" };
  }
  const pointers = pointersOf(db, agentId);
  const number = ref.kind === "live" ? pointers.live : ref.kind === "pre-release" ? pointers.preRelease : ref.number;
  const version = number === null ? null : getVersion(db, agentId, number);
  if (!version) {
    return {
      ok: false,
      message:
        ref.kind === "number"
          ? `No version ${ref.number}`
          : `No version is in ${ref.kind} yet: promote one ${ref.kind === "live" ? "through pre-release" : "there"} first`,
    };
  }
  return { ok: true, document: version.document, version: version.number };
}
