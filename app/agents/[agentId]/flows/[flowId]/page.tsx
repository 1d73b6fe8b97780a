import { notFound } from "next/navigation";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/server";
import { functions } from "@/db/schema";
import { listAgentVariables } from "@/db/repositories/agents";
import { getFlow } from "@/db/repositories/flows";
import { listDestinations } from "@/db/repositories/handoffs";
import { FlowEditor } from "@/components/flows/FlowEditor";
import { BUILTIN_VARIABLES } from "@/lib/variables/variables";

export const dynamic = "force-dynamic";

/** Loads the flow and what lint needs (destinations, functions, variables); the editor does the rest. */
export default async function FlowEditorPage({ params }: { params: Promise<{ agentId: string; flowId: string }> }) {
  const { agentId, flowId } = await params;
  const db = getDb();
  const stored = getFlow(db, agentId, flowId);
  if (!stored) notFound();
  const destinations = listDestinations(db, agentId).map((d) => ({ id: d.id, name: d.name, isDefault: d.isDefault, method: d.method, sipHeaders: d.sipHeaders }));
  // TODO(functions): use listFunctions from db/repositories/functions.ts once it lands.
  const fns = db.select({ name: functions.name, code: functions.code }).from(functions).where(eq(functions.agentId, agentId)).orderBy(asc(functions.name)).all();
  const agentVariables = listAgentVariables(db, agentId);
  const variableOptions = [
    ...BUILTIN_VARIABLES.map((v) => ({ name: v.name, description: v.description })),
    ...agentVariables.map((v) => ({ name: v.name, description: v.description || "Agent variable" })),
  ];
  const flow = { id: stored.id, name: stored.name, nodes: stored.nodes, edges: stored.edges, revision: stored.revision };
  return (
    <FlowEditor
      key={flow.id}
      agentId={agentId}
      flow={flow}
      lintContext={{ destinations, functions: fns, variables: agentVariables.map((v) => v.name) }}
      variableOptions={variableOptions}
    />
  );
}
