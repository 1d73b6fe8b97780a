import { getDb } from "@/db/server";
import { getAgent, listAgentVariables } from "@/db/repositories/agents";
import { listDestinations, listDestinationUsages, listTopicDestinationUsages } from "@/db/repositories/handoffs";
import { HandoffsBoard } from "@/components/handoffs/HandoffsBoard";
import { BUILTIN_VARIABLES } from "@/lib/variables/variables";
import { requirePageViewer } from "@/auth/viewer";
import { listTwilioNumbers } from "@/db/repositories/telephony";

export const dynamic = "force-dynamic";

export default async function HandoffsPage({ params }: { params: Promise<{ agentId: string }> }) {
  await requirePageViewer();
  const { agentId } = await params;
  const db = getDb();
  const agent = getAgent(db, agentId)!;
  const agentVariables = listAgentVariables(db, agentId);
  const variables = [
    ...BUILTIN_VARIABLES.map((v) => ({ name: v.name, description: v.description })),
    ...agentVariables.map((v) => ({ name: v.name, description: v.description || "Agent variable" })),
  ];
  const samples = Object.fromEntries([
    ...BUILTIN_VARIABLES.map((v) => [v.name, v.sample]),
    ...agentVariables.map((v) => [v.name, v.sampleValue]),
  ]);
  const numbers = listTwilioNumbers(db);
  const telephony = {
    routeNumbers: numbers.map((n) => n.phoneNumber),
    agentNumbers: numbers.filter((n) => n.agentId === agentId).map((n) => n.phoneNumber),
  };
  return (
    <HandoffsBoard
      telephony={telephony}
      agentId={agentId}
      agentName={agent.name}
      destinations={listDestinations(db, agentId)}
      usages={listDestinationUsages(db, agentId)}
      topicUsages={listTopicDestinationUsages(db, agentId)}
      variables={variables}
      samples={samples}
      hosts={{ trunkHost: agent.trunkHost, pbxHost: agent.pbxHost }}
    />
  );
}
