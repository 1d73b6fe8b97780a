import { guardedRoute } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { listDestinations } from "@/db/repositories/handoffs";
import { listTopics } from "@/db/repositories/topics";
import { topicsToCsv } from "@/lib/topics/csv";
import { attachmentFileName } from "@/lib/agent-document/file-name";

/** Export topics: the agent's topics as CSV (`<agent name> topics.csv`), what Import topics reads back. */
export const GET = guardedRoute<{ agentId: string }>("view", async (_viewer, _request, { params }) => {
  const { agentId } = await params;
  const db = getDb();
  const agent = getAgent(db, agentId);
  if (!agent) return new Response("No such agent", { status: 404 });
  const names = new Map(listDestinations(db, agentId).map((d) => [d.id, d.name]));
  const csv = topicsToCsv(listTopics(db, agentId), (id) => names.get(id) ?? "");
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachmentFileName(`${agent.name} topics.csv`),
      "cache-control": "no-store",
    },
  });
});
