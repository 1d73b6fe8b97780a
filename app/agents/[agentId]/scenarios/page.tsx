import { getDb } from "@/db/server";
import { getFlow, listFlows } from "@/db/repositories/flows";
import { listFunctions } from "@/db/repositories/functions";
import { listDestinations } from "@/db/repositories/handoffs";
import { functionSignature } from "@/lib/functions/parameters";
import { latestRuns, listScenariosWithLastRun } from "@/db/repositories/scenarios";
import { ScenariosBoard } from "@/components/scenarios/ScenariosBoard";
import { coveragePaths, flowCoverage } from "@/lib/scenarios";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

/** Build → Scenarios: the list with each scenario's last result, coverage of the draft's flows, the forms. */
export default async function ScenariosPage({ params }: { params: Promise<{ agentId: string }> }) {
  await requirePageViewer();
  const { agentId } = await params;
  const db = getDb();
  const scenarios = listScenariosWithLastRun(db, agentId);
  const last = latestRuns(db, agentId);
  const flows = listFlows(db, agentId).flatMap((f) => getFlow(db, agentId, f.id) ?? []);
  const results = [...last.values()].map((r) => r.result);
  return (
    <ScenariosBoard
      agentId={agentId}
      scenarios={scenarios}
      lastResults={Object.fromEntries([...last].map(([id, run]) => [id, run.result]))}
      flows={flows.map((f) => f.name)}
      destinations={listDestinations(db, agentId).map((d) => ({ name: d.name, method: d.method }))}
      functions={listFunctions(db, agentId).map((f) => ({
        name: f.name,
        parameters: (functionSignature(f.code, f.name)?.parameters ?? []).map((p) => ({ name: p.name, type: p.type })),
      }))}
      coverage={flows.map((f) => ({ flow: f.name, ...flowCoverage(f, coveragePaths(results, f.name)) }))}
    />
  );
}
