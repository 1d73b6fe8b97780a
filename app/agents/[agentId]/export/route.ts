import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { readDraftDocument } from "@/db/repositories/agent-document";
import { prettyCanonicalJson } from "@/lib/agent-document";
import { documentFileName } from "@/lib/agent-document/file-name";

/** Export agent: the draft as an agent document, downloaded as `<agent name>.agent.json`. */
export async function GET(_request: Request, { params }: { params: Promise<{ agentId: string }> }) {
  const { agentId } = await params;
  const db = getDb();
  const agent = getAgent(db, agentId);
  if (!agent) return new Response("No such agent", { status: 404 });
  return new Response(prettyCanonicalJson(readDraftDocument(db, agentId)!), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": documentFileName(agent.name),
      "cache-control": "no-store",
    },
  });
}
