import { getDb } from "@/db/server";
import { listAgentVariables } from "@/db/repositories/agents";
import { getFlow, listFlows } from "@/db/repositories/flows";
import { listFunctions } from "@/db/repositories/functions";
import { listDestinations } from "@/db/repositories/handoffs";
import { listTopics } from "@/db/repositories/topics";
import { KnowledgeBoard } from "@/components/topics/KnowledgeBoard";
import { lintTopics } from "@/lib/topics/lint";
import { BUILTIN_VARIABLES } from "@/lib/variables/variables";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function KnowledgePage({ params }: { params: Promise<{ agentId: string }> }) {
  await requirePageViewer();
  const { agentId } = await params;
  const db = getDb();
  const topics = listTopics(db, agentId);
  const destinations = listDestinations(db, agentId);
  const functions = listFunctions(db, agentId);
  const flows = listFlows(db, agentId).flatMap((f) => getFlow(db, agentId, f.id) ?? []);
  const variables = [
    ...BUILTIN_VARIABLES.map((v) => ({ name: v.name, description: v.description })),
    ...listAgentVariables(db, agentId).map((v) => ({ name: v.name, description: v.description || "Agent variable" })),
  ];
  return (
    <KnowledgeBoard
      agentId={agentId}
      topics={topics}
      problems={lintTopics(topics, { destinations, functions, flows })}
      destinations={destinations.map((d) => ({ id: d.id, name: d.name, isDefault: d.isDefault }))}
      functions={functions.map((f) => f.name)}
      variables={variables}
    />
  );
}
