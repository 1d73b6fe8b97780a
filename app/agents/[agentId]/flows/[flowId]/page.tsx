import { twilioNumbersOfAgent } from "@/db/repositories/telephony";
import { notFound } from "next/navigation";
import { getDb } from "@/db/server";
import { getAgent, listAgentVariables } from "@/db/repositories/agents";
import { getFlow, listFlows } from "@/db/repositories/flows";
import { listFunctions } from "@/db/repositories/functions";
import { listDestinations } from "@/db/repositories/handoffs";
import { listTopics } from "@/db/repositories/topics";
import { latestDraftPaths } from "@/db/repositories/scenarios";
import { FlowEditor } from "@/components/flows/FlowEditor";
import { toFlowJson } from "@/components/flows/flow-json";
import { BUILTIN_VARIABLES } from "@/lib/variables/variables";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

/** Loads the flow and what lint needs (destinations, functions, variables); the editor does the rest. */
export default async function FlowEditorPage({ params }: { params: Promise<{ agentId: string; flowId: string }> }) {
  await requirePageViewer();
  const { agentId, flowId } = await params;
  const db = getDb();
  const stored = getFlow(db, agentId, flowId);
  if (!stored) notFound();
  // Names only: lint checks Go to flow targets; the simulator asks for the graphs when it opens.
  const agentFlows = listFlows(db, agentId);
  const allDestinations = listDestinations(db, agentId);
  const destinations = allDestinations.map((d) => ({
    id: d.id,
    name: d.name,
    isDefault: d.isDefault,
    method: d.method,
    sipHeaders: d.sipHeaders,
  }));
  const storedFunctions = listFunctions(db, agentId);
  const fns = storedFunctions.map((f) => ({ name: f.name, code: f.code }));
  const agent = getAgent(db, agentId)!;
  const sample = (name: string) => BUILTIN_VARIABLES.find((v) => v.name === name)!.sample;
  const agentVariables = listAgentVariables(db, agentId);
  const variableOptions = [
    ...BUILTIN_VARIABLES.map((v) => ({ name: v.name, description: v.description })),
    ...agentVariables.map((v) => ({ name: v.name, description: v.description || "Agent variable" })),
  ];
  return (
    <FlowEditor
      key={stored.id}
      agentId={agentId}
      flowJson={toFlowJson(stored)}
      lintContext={{
        destinations,
        functions: fns,
        variables: agentVariables.map((v) => v.name),
        twilio: twilioNumbersOfAgent(db, agentId).length > 0,
        flows: agentFlows.map((f) => f.name),
        flowName: stored.name,
      }}
      variableOptions={variableOptions}
      functionIds={Object.fromEntries(storedFunctions.map((f) => [f.name, f.id]))}
      coveragePaths={latestDraftPaths(db, agentId, stored.name)}
      simulation={{
        agent: {
          name: agent.name,
          destinations: allDestinations,
          functions: fns,
          hosts: { trunkHost: agent.trunkHost, pbxHost: agent.pbxHost },
          topics: listTopics(db, agentId),
        },
        defaults: {
          callerId: sample("caller_id"),
          calledNumber: sample("called_number"),
          variables: Object.fromEntries(agentVariables.map((v) => [v.name, v.sampleValue])),
          behaviours: {},
        },
        timeoutMs: agent.functionTimeoutMs,
      }}
    />
  );
}
