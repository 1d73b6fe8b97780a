import "server-only";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { saveFlow } from "@/db/repositories/flows";
import { parseFlowDocument, type SaveFlowResult } from "@/lib/flow";

/**
 * Shared by the server action (autosave) and the keepalive route (save on leaving the page).
 * Only nodes and edges are saved here; the name changes through rename.
 */
export function saveFlowFromClient(
  agentId: unknown,
  flowId: unknown,
  doc: unknown,
  baseRevision: unknown,
): SaveFlowResult {
  if (typeof agentId !== "string" || typeof flowId !== "string") return { ok: false, status: "not_found" };
  if (typeof baseRevision !== "number" || !Number.isInteger(baseRevision)) {
    return {
      ok: false,
      status: "invalid",
      errors: [{ path: "baseRevision", message: "Expected the revision the edit was based on" }],
    };
  }
  const db = getDb();
  if (!getAgent(db, agentId)) return { ok: false, status: "not_found" };
  const parsed = parseFlowDocument(doc);
  if (!parsed.ok) return { ok: false, status: "invalid", errors: parsed.errors };
  return saveFlow(db, agentId, flowId, parsed.doc, baseRevision);
}
