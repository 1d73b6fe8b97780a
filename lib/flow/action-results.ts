import type { PathError } from "./schema";
import type { StoredFlow } from "./types";

/** What the Flows list's server actions (create, rename, duplicate, delete, import, save as copy) return. */
export type FlowActionResult =
  /**
   * After a rename: `retargeted`, how many Go to flow nodes now name the new name; `scenariosFollowed`,
   * how many draft scenarios; `namedInCode`, the functions whose code still jumps to the old name
   * (`conv.goto_flow("…")` is not rewritten).
   */
  | {
      ok: true;
      flowId: string;
      name: string;
      retargeted?: number;
      scenariosFollowed?: number;
      namedInCode?: string[];
    }
  | { ok: false; fieldErrors: Record<string, string>; errors?: PathError[] };

/** What the editor's save gets back, from the autosave action and the keepalive route alike. */
export type SaveFlowResult =
  | { ok: true; revision: number; savedAt: string }
  | { ok: false; status: "stale"; theirs: StoredFlow }
  | { ok: false; status: "invalid"; errors: PathError[] }
  | { ok: false; status: "not_found" }
  /** Signed out (401) or a role that may not edit flows (403). */
  | { ok: false; status: "unauthorized" | "forbidden"; message: string };

/** What the Flows list says after a rename: what followed the new name, and what did not. */
export function renameNotice(
  oldName: string,
  result: { name: string; retargeted?: number; scenariosFollowed?: number; namedInCode?: string[] },
): string {
  const n = result.retargeted ?? 0;
  const k = result.scenariosFollowed ?? 0;
  const followed = [
    ...(n > 0 ? [`${n} Go to flow node${n === 1 ? "" : "s"}`] : []),
    ...(k > 0 ? [`${k} scenario${k === 1 ? "" : "s"}`] : []),
  ];
  let text = `Renamed to ${result.name}`;
  if (followed.length > 0) text += ` and updated ${followed.join(" and ")}`;
  const fns = result.namedInCode ?? [];
  if (fns.length > 0) {
    const who = fns.length === 1 ? `Function ${fns[0]} still goes` : `Functions ${fns.join(", ")} still go`;
    text += `. ${who} to “${oldName}” (conv.goto_flow): edit the code to follow`;
  }
  return text;
}
