import { z } from "zod";

/** A published version without its document (lists, the API's version summaries). */
export interface VersionSummary {
  number: number;
  note: string;
  author: string;
  createdAt: string;
  /** sha256 of the canonical document, hex. */
  contentHash: string;
  /** Is this the agent's live version? */
  live: boolean;
  /** Is this the agent's pre-release version? */
  preRelease: boolean;
}

export const MAX_NOTE_LENGTH = 500;

/** The note a person gives when publishing (optional). */
export const publishNoteSchema = z
  .string({ error: "The note must be text" })
  .max(MAX_NOTE_LENGTH, `Notes are at most ${MAX_NOTE_LENGTH} characters`)
  .transform((s) => s.trim());

/** A version number as written in URLs and commands: a whole number from 1. */
export function parseVersionNumber(text: string): number | null {
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null;
}

/** The note of the version restore saves first, so the draft it replaces is never lost. */
export const beforeRestoringNote = (n: number) => `Before restoring version ${n}`;
export const beforeImportingNote = (file: string) => `Before importing ${file}`;

/** Which agent document to read: the draft, an environment's version, or a version by number. */
export type VersionRef =
  | { kind: "draft" }
  | { kind: "live" }
  | { kind: "pre-release" }
  | { kind: "number"; number: number };

/** `draft`, `pre-release`, `live` or a version number, as written in URLs, the API and the CLI; null otherwise. */
export function parseVersionRef(text: string): VersionRef | null {
  if (text === "draft") return { kind: "draft" };
  if (text === "live") return { kind: "live" };
  if (text === "pre-release") return { kind: "pre-release" };
  const n = parseVersionNumber(text);
  return n === null ? null : { kind: "number", number: n };
}

export const VERSION_REF_MESSAGE = "Expected draft, pre-release, live or a version number (1, 2, …)";
