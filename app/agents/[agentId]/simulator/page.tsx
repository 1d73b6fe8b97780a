import { getTwilioConnection } from "@/db/repositories/telephony";
import Link from "next/link";
import { getDb } from "@/db/server";
import { RunChooser } from "@/components/simulator/RunChooser";
import { SimulatorPage } from "@/components/simulator/SimulatorPage";
import { BUILTIN_VARIABLES } from "@/lib/variables/variables";
import { loadSimulatorRun } from "./load";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

const sample = (name: string) => BUILTIN_VARIABLES.find((v) => v.name === name)!.sample;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Build → Simulator: `?version=draft|live|N` says what runs (the draft by default), `?flow=` which flow. */
export default async function Simulator({
  params,
  searchParams,
}: {
  params: Promise<{ agentId: string }>;
  searchParams: Promise<{ flow?: string | string[]; version?: string | string[] }>;
}) {
  await requirePageViewer();
  const { agentId } = await params;
  const sp = await searchParams;
  const run = loadSimulatorRun(getDb(), agentId, first(sp.version), first(sp.flow));
  const { selected } = run;
  const query = (flowKey: string) => `?${new URLSearchParams({ version: run.run, flow: flowKey })}`;

  return (
    <section className="mx-auto flex h-[calc(100vh-3rem)] max-w-6xl flex-col px-6 py-6">
      <header className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Simulator</h1>
          <p className="mt-1 text-sm text-slate-600">
            Call the agent from the browser: every turn, function call and handoff, with the SIP a real call would
            exchange.
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-4">
          <RunChooser
            run={run.run}
            live={run.live}
            preRelease={run.preRelease}
            versions={run.versions}
            flow={selected?.name ?? null}
          />
          {run.flows.length > 1 && (
            <nav aria-label="Flow the call starts in" className="flex items-center gap-1 text-sm">
              <span className="text-xs text-slate-500">Starts in</span>
              {run.flows.map((f, i) => (
                <Link
                  key={f.key}
                  href={query(f.key)}
                  aria-current={f.key === selected?.key ? "page" : undefined}
                  className={`rounded-md px-2 py-1 ${f.key === selected?.key ? "bg-brand-50 font-medium text-brand-700" : "hover:bg-slate-100"}`}
                >
                  {f.name}
                  {/* docs/design.md §3: a call starts in the agent's first flow; Go to flow reaches the others. */}
                  {i === 0 && <span className="ml-1 text-xs text-slate-500">(entry)</span>}
                </Link>
              ))}
            </nav>
          )}
        </div>
      </header>
      {run.problem && (
        <p
          role="alert"
          className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="run-problem"
        >
          {run.problem}
        </p>
      )}
      {!selected ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600">
          {run.version === null
            ? "This agent has no flow to call yet. "
            : `Version ${run.version} has no flow to call. `}
          <Link href={`/agents/${agentId}/flows`} className="text-brand-700 underline">
            Create one
          </Link>
          .
        </p>
      ) : (
        <SimulatorPage
          key={`${run.version ?? "draft"}:${selected.key}`}
          agentId={agentId}
          flowId={selected.flowId}
          version={run.version}
          flowName={selected.name}
          agent={selected.setup}
          timeoutMs={selected.timeoutMs}
          publicBaseUrl={getTwilioConnection(getDb())?.publicBaseUrl}
          defaults={{
            callerId: sample("caller_id"),
            calledNumber: sample("called_number"),
            variables: selected.samples,
            behaviours: {},
            sipHeaders: [],
          }}
        />
      )}
    </section>
  );
}
