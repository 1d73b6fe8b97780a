import type { VersionSummary } from "./types";

/**
 * Publishing: a new version; or nothing, because the draft is the latest version already; or a
 * question, because the draft has lint errors (`draftHash` names what was checked, so a
 * confirmation applies to that content only).
 */
export type PublishResult =
  | { ok: true; version: VersionSummary }
  | { ok: false; status: "unchanged"; latest: number; message: string }
  | { ok: false; status: "lint_errors"; errors: string[]; draftHash: string; message: string }
  | { ok: false; status: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; status: "not_found"; message: string };

/** Promote and restore from the Versions page. */
export type VersionActionResult = { ok: true; message: string } | { ok: false; message: string };
