/**
 * Remembers, per tab (sessionStorage survives a reload, not a new tab), that this tab sent a
 * save whose answer it has not seen yet, and the revision that save was based on. A reload or
 * a Back/Forward that lands before the save commits reads it to know that a newer revision of
 * its own is on the way.
 */

/** After this long an unanswered save is not waited for any more (the tab was closed mid-save). */
const FORGET_AFTER_MS = 60_000;

const key = (flowId: string) => `switchboard.flow-save.${flowId}`;

export function noteSaveSent(flowId: string, baseRevision: number): void {
  try {
    sessionStorage.setItem(key(flowId), JSON.stringify({ baseRevision, at: Date.now() }));
  } catch {
    // Storage disabled or full: the editor then cannot wait for its own save after a reload.
  }
}

export function noteSaveAnswered(flowId: string): void {
  try {
    sessionStorage.removeItem(key(flowId));
  } catch {
    // See noteSaveSent.
  }
}

/** The base revision of this tab's unanswered save of the flow, or null. */
export function unansweredSaveBase(flowId: string): number | null {
  try {
    const raw = sessionStorage.getItem(key(flowId));
    if (!raw) return null;
    const { baseRevision, at } = JSON.parse(raw) as { baseRevision?: unknown; at?: unknown };
    if (typeof baseRevision !== "number" || typeof at !== "number" || Date.now() - at > FORGET_AFTER_MS) return null;
    return baseRevision;
  } catch {
    return null;
  }
}
