import type { SaveFlowResult } from "@/lib/flow";
import type { EditorState } from "@/components/flows/store/types";

/** Reports a save's outcome to the store; the same for the server action and the keepalive POST. */
export function applySaveResult(s: EditorState, version: number, result: SaveFlowResult): void {
  if (result.ok) return s.saveSucceeded(version, result.revision, result.savedAt);
  if (result.status === "stale") return s.saveConflict(result.theirs);
  if (result.status === "invalid") {
    const list = result.errors
      .slice(0, 3)
      .map((e) => (e.path ? `${e.path}: ${e.message}` : e.message))
      .join("; ");
    return s.saveFailed(`the server refused the flow: ${list}`);
  }
  if (result.status === "unauthorized" || result.status === "forbidden") return s.saveFailed(result.message);
  s.saveFailed("this flow no longer exists");
}
