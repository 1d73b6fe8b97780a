/**
 * Editors that save on their own (the flow editor's autosave) register how to save now; anything
 * that reads the whole draft on the server (Publish) asks them first, so an edit made a moment
 * ago is in what gets published. A window-level registry, so features need not import each other.
 */
const flushes = new Set<() => Promise<void>>();

/** Returns the unregister function (for a React effect's cleanup). */
export function registerPendingSave(flush: () => Promise<void>): () => void {
  flushes.add(flush);
  return () => void flushes.delete(flush);
}

/** Saves every registered editor's pending changes; failures are the editors' to show. */
export async function flushPendingSaves(): Promise<void> {
  await Promise.all([...flushes].map((flush) => flush().catch(() => undefined)));
}
