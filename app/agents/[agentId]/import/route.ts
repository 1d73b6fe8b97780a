import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { createAgentFromDocument, replaceDraft } from "@/db/repositories/agent-document";
import { MAX_DOCUMENT_BYTES, parseAgentDocumentText } from "@/lib/agent-document";
import type { ImportAgentResult } from "@/lib/agent-document/import-result";

const answer = (result: ImportAgentResult, status: number) => Response.json(result, { status });
const problem = (message: string, status = 400) => answer({ ok: false, errors: [{ path: "", message }] }, status);

/**
 * Import agent: the body is the file's text. `?mode=new` creates an agent; `?mode=into` replaces
 * this agent's draft (the dialog has asked first). A route rather than a server action, so a
 * large agent is not held to the server actions' body limit. Invalid files change nothing.
 */
export async function POST(request: Request, { params }: { params: Promise<{ agentId: string }> }) {
  const { agentId } = await params;
  const mode = new URL(request.url).searchParams.get("mode");
  if (mode !== "new" && mode !== "into") return problem("Choose to import as a new agent or into this agent");
  const db = getDb();
  if (!getAgent(db, agentId)) return problem("This agent no longer exists; reload the page", 404);
  const text = await request.text();
  if (text.length > MAX_DOCUMENT_BYTES)
    return problem(`Agent files are at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  const parsed = parseAgentDocumentText(text);
  if (!parsed.ok) return answer({ ok: false, errors: parsed.errors }, 400);
  if (mode === "into") {
    replaceDraft(db, agentId, parsed.doc);
    const agent = getAgent(db, agentId)!;
    return answer({ ok: true, mode, agent: { id: agent.id, name: agent.name } }, 200);
  }
  const agent = createAgentFromDocument(db, parsed.doc);
  return answer({ ok: true, mode, agent: { id: agent.id, name: agent.name } }, 201);
}
