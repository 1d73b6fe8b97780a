import { guardedRoute } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { readDocument } from "@/db/repositories/versions";
import { prettyCanonicalJson } from "@/lib/agent-document";
import { documentFileName } from "@/lib/agent-document/file-name";
import { parseVersionRef, VERSION_REF_MESSAGE } from "@/lib/versions/types";

/**
 * Export agent: the draft (or `?version=N`) as an agent document, downloaded as
 * `<agent name>.agent.json` (`<agent name> v3.agent.json` for a version).
 */
export const GET = guardedRoute<{ agentId: string }>("view", async (_viewer, request, { params }) => {
  const { agentId } = await params;
  const db = getDb();
  const agent = getAgent(db, agentId);
  if (!agent) return new Response("No such agent", { status: 404 });
  const ref = parseVersionRef(new URL(request.url).searchParams.get("version") ?? "draft");
  if (!ref) return new Response(VERSION_REF_MESSAGE, { status: 400 });
  const found = readDocument(db, agentId, ref);
  if (!found.ok) return new Response(found.message, { status: 404 });
  return new Response(prettyCanonicalJson(found.document), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": documentFileName(agent.name, found.version === null ? "" : ` v${found.version}`),
      "cache-control": "no-store",
    },
  });
});
