import Link from "next/link";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { loadAgentSetup } from "@/db/repositories/agent-setup";
import { getFlow, listFlows } from "@/db/repositories/flows";
import { SimulatorPage } from "@/components/simulator/SimulatorPage";
import { BUILTIN_VARIABLES } from "@/lib/variables/variables";

export const dynamic = "force-dynamic";

const sample = (name: string) => BUILTIN_VARIABLES.find((v) => v.name === name)!.sample;

export default async function Simulator({
  params,
  searchParams,
}: {
  params: Promise<{ agentId: string }>;
  searchParams: Promise<{ flow?: string }>;
}) {
  const { agentId } = await params;
  const { flow: flowParam } = await searchParams;
  const db = getDb();
  const agent = getAgent(db, agentId)!;
  const flows = listFlows(db, agentId);
  const selected = flows.find((f) => f.id === flowParam) ?? flows[0];
  const flow = selected ? getFlow(db, agentId, selected.id) : null;

  return (
    <section className="mx-auto flex h-[calc(100vh-3rem)] max-w-6xl flex-col px-6 py-6">
      <header className="mb-4 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Simulator</h1>
          <p className="mt-1 text-sm text-slate-600">
            Call the agent from the browser: every turn, function call and handoff, with the SIP a real call would
            exchange.
          </p>
        </div>
        {flows.length > 1 && (
          <nav aria-label="Flow to simulate" className="flex gap-1 text-sm">
            {flows.map((f) => (
              <Link
                key={f.id}
                href={`?flow=${f.id}`}
                aria-current={f.id === flow?.id ? "page" : undefined}
                className={`rounded-md px-2 py-1 ${f.id === flow?.id ? "bg-brand-50 font-medium text-brand-700" : "hover:bg-slate-100"}`}
              >
                {f.name}
              </Link>
            ))}
          </nav>
        )}
      </header>
      {!flow ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600">
          This agent has no flow to call yet.{" "}
          <Link href={`/agents/${agentId}/flows`} className="text-brand-700 underline">
            Create one
          </Link>
          .
        </p>
      ) : (
        (() => {
          const { setup, samples } = loadAgentSetup(db, agent, flow);
          return (
            <SimulatorPage
              key={flow.id}
              agentId={agentId}
              flowId={flow.id}
              flowName={flow.name}
              agent={setup}
              timeoutMs={agent.functionTimeoutMs}
              defaults={{
                callerId: sample("caller_id"),
                calledNumber: sample("called_number"),
                variables: samples,
                busy: false,
              }}
            />
          );
        })()
      )}
    </section>
  );
}
