import { guardedRoute } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { appendAudit } from "@/db/repositories/audit";
import { writeTransaction } from "@/db/transaction";
import { agentChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import { getAgent } from "@/db/repositories/agents";
import { createAgentFromDocument } from "@/db/repositories/agent-document";
import { replaceDraftKeepingIt } from "@/db/repositories/versions";
import { MAX_DOCUMENT_BYTES, parseAgentDocumentText } from "@/lib/agent-document";
import type { ImportAgentResult } from "@/lib/agent-document/import-result";
import { beforeImportingNote } from "@/lib/versions/types";

const answer = (result: ImportAgentResult, status: number) => Response.json(result, { status });
const problem = (message: string, status = 400) => answer({ ok: false, errors: [{ path: "", message }] }, status);

/**
 * Import agent: the body is the file's text. `?mode=new` creates an agent; `?mode=into` replaces
 * this agent's draft (the dialog has asked first), saving the draft it replaces as a version
 * "Before importing <file>" unless it is the latest version already. A route rather than a server action, so a
 * large agent is not held to the server actions' body limit. Invalid files change nothing.
 */
// It can replace functions, so it needs what changing functions needs.
export const POST = guardedRoute<{ agentId: string }>("functions.edit", async (viewer, request, { params }) => {
  const { agentId } = await params;
  const url = new URL(request.url);
  const mode = url.searchParams.get("mode");
  const file = (url.searchParams.get("file") ?? "").slice(0, 200) || "a file";
  if (mode !== "new" && mode !== "into") return problem("Choose to import as a new agent or into this agent");
  const db = getDb();
  if (!getAgent(db, agentId)) return problem("This agent no longer exists; reload the page", 404);
  const text = await request.text();
  if (text.length > MAX_DOCUMENT_BYTES)
    return problem(`Agent files are at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  const parsed = parseAgentDocumentText(text);
  if (!parsed.ok) return answer({ ok: false, errors: parsed.errors }, 400);
  if (mode === "into") {
    const agent = writeTransaction(db, () => {
      replaceDraftKeepingIt(db, agentId, parsed.doc, beforeImportingNote(file), viewer.name);
      const agent = getAgent(db, agentId)!;
      appendAudit(db, actorOf(viewer), agentChange("imported", agent, `draft replaced from ${file}`));
      return agent;
    });
    return answer({ ok: true, mode, agent: { id: agent.id, name: agent.name } }, 200);
  }
  const agent = writeTransaction(db, () => {
    const agent = createAgentFromDocument(db, parsed.doc);
    appendAudit(db, actorOf(viewer), agentChange("created", agent, "imported from an agent file"));
    return agent;
  });
  return answer({ ok: true, mode, agent: { id: agent.id, name: agent.name } }, 201);
});
