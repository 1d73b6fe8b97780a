import { getDb } from "@/db/server";
import { listAgentVariables } from "@/db/repositories/agents";
import { listDestinations } from "@/db/repositories/handoffs";
import { HandoffsBoard } from "@/components/handoffs/HandoffsBoard";
import { BUILTIN_VARIABLES } from "@/lib/variables/variables";

export const dynamic = "force-dynamic";

export default async function HandoffsPage({ params }: { params: Promise<{ agentId: string }> }) {
  const { agentId } = await params;
  const db = getDb();
  const variables = [
    ...BUILTIN_VARIABLES.map((v) => ({ name: v.name, description: v.description })),
    ...listAgentVariables(db, agentId).map((v) => ({ name: v.name, description: v.description || "Agent variable" })),
  ];
  return <HandoffsBoard agentId={agentId} destinations={listDestinations(db, agentId)} variables={variables} />;
}
