import "server-only";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { recordFlowSave } from "@/db/repositories/audit";
import { getFlow, saveFlow } from "@/db/repositories/flows";
import { writeTransaction } from "@/db/transaction";
import { flowDigest } from "@/lib/audit/summaries";
import { actorOf } from "@/lib/audit/types";
import type { Viewer } from "@/lib/auth/types";
import { parseFlowDocument, type SaveFlowResult, type StoredFlow } from "@/lib/flow";
import { flowSizeError } from "@/lib/flow/size";

const sameContent = (a: Pick<StoredFlow, "nodes" | "edges">, b: Pick<StoredFlow, "nodes" | "edges">) =>
  JSON.stringify(a.nodes) === JSON.stringify(b.nodes) && JSON.stringify(a.edges) === JSON.stringify(b.edges);

/**
 * Shared by the server action (autosave) and the keepalive route (save on leaving the page).
 * Only nodes and edges are saved here; the name changes through rename. The save and its audit
 * entry (coalesced per burst of saves) are one transaction.
 */
export function saveFlowFromClient(
  viewer: Viewer,
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
  const tooLarge = flowSizeError(parsed.doc);
  if (tooLarge) return { ok: false, status: "invalid", errors: [tooLarge] };
  return writeTransaction(db, (): SaveFlowResult => {
    const before = getFlow(db, agentId, flowId);
    const result = saveFlow(db, agentId, flowId, parsed.doc, baseRevision);
    // The same document saved twice (the keepalive save on leaving and a retry after a reload, or
    // two saves racing from one tab) is not a conflict: nothing would be lost by either.
    if (!result.ok && result.status === "stale" && sameContent(result.theirs, parsed.doc)) {
      return { ok: true, revision: result.theirs.revision, savedAt: result.theirs.updatedAt };
    }
    if (result.ok && before) recordFlowSave(db, actorOf(viewer), before, flowDigest(before), flowDigest(parsed.doc));
    return result;
  });
}
