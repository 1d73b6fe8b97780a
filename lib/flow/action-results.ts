import type { PathError } from "./schema";
import type { StoredFlow } from "./types";

/** What the Flows list's server actions (create, rename, duplicate, delete, import, save as copy) return. */
export type FlowActionResult =
  /** `retargeted`: after a rename, how many Go to flow nodes now name the new name. */
  | { ok: true; flowId: string; name: string; retargeted?: number }
  | { ok: false; fieldErrors: Record<string, string>; errors?: PathError[] };

/** What the editor's save gets back, from the autosave action and the keepalive route alike. */
export type SaveFlowResult =
  | { ok: true; revision: number; savedAt: string }
  | { ok: false; status: "stale"; theirs: StoredFlow }
  | { ok: false; status: "invalid"; errors: PathError[] }
  | { ok: false; status: "not_found" }
  /** Signed out (401) or a role that may not edit flows (403). */
  | { ok: false; status: "unauthorized" | "forbidden"; message: string };
