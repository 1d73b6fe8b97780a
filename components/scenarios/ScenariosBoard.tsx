"use client";

import { useEffect, useState, useTransition } from "react";
import { useSearchParams } from "next/navigation";
import { useCan } from "@/components/ui/viewer";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import { deleteScenarioAction, runScenariosAction } from "@/app/agents/[agentId]/scenarios/actions";
import { coverageLine, type Coverage, type ScenarioListItem, type ScenarioResult } from "@/lib/scenarios";
import type { HandoffMethod } from "@/lib/handoffs/types";
import { formatUtc } from "@/lib/time/utc";
import type { FunctionChoice } from "./FunctionAssertions";
import { ScenarioForm } from "./ScenarioForm";
import { ScenarioResultView, STATUS_LABEL, STATUS_TONE } from "./ScenarioResultView";

type Dialog = { kind: "none" } | { kind: "create" } | { kind: "edit"; id: string } | { kind: "delete"; id: string };

/** Build → Scenarios (docs/design.md §15): the list, running one, a selection or all, results and coverage. */
export function ScenariosBoard({
  agentId,
  scenarios,
  lastResults,
  flows,
  destinations,
  functions,
  coverage,
}: {
  agentId: string;
  scenarios: ScenarioListItem[];
  lastResults: Readonly<Record<string, ScenarioResult>>;
  flows: string[];
  destinations: { name: string; method: HandoffMethod }[];
  functions: FunctionChoice[];
  coverage: (Coverage & { flow: string })[];
}) {
  const mayEdit = useCan("scenarios.edit");
  const params = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(() => {
    const id = params.get("edit");
    return id && scenarios.some((s) => s.id === id) ? { kind: "edit", id } : { kind: "none" };
  });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [shown, setShown] = useState<{ scenarioId: string; result: ScenarioResult }[]>([]);
  const [running, startRun] = useTransition();
  const [tag, setTag] = useState("");
  const close = () => setDialog({ kind: "none" });
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const allTags = [...new Set(scenarios.flatMap((s) => s.scenario.tags ?? []))].sort();
  // The filter shows (and Run all runs) the scenarios with that tag; a tag no scenario has any more shows all.
  const activeTag = allTags.includes(tag) ? tag : "";
  const visible = activeTag ? scenarios.filter((s) => s.scenario.tags?.includes(activeTag)) : scenarios;
  // Drop a selection whose scenario was deleted.
  useEffect(() => {
    setSelected((sel) => new Set([...sel].filter((id) => byId.has(id))));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarios]);

  const run = (ids: string[]) =>
    startRun(async () => {
      setNotice(`Running ${ids.length} scenario${ids.length === 1 ? "" : "s"}…`);
      try {
        const r = await runScenariosAction(agentId, ids);
        if (!r.ok) {
          setNotice(r.formError);
          return;
        }
        const passed = r.runs.filter((x) => x.result.status === "pass").length;
        setNotice(`${passed} passed, ${r.runs.length - passed} failed`);
        setShown(r.runs);
      } catch {
        setNotice("The server did not answer; try again");
      }
    });

  const editing = dialog.kind === "edit" ? (byId.get(dialog.id) ?? null) : null;
  const deleting = dialog.kind === "delete" ? (byId.get(dialog.id) ?? null) : null;

  return (
    <section className="mx-auto max-w-6xl px-6 py-8">
      <header className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Scenarios</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Saved calls with what must happen in them: the outcome, the handoff and its headers, the path, metrics,
            transcript and the functions called. Run them after every change to know at once when an edit breaks a
            handoff. The CLI runs the same scenarios in CI (<code>npm run cli -- scenarios run</code>).
          </p>
        </div>
        {mayEdit && (
          <div className="flex flex-wrap gap-2">
            <Button
              onClick={() => run([...selected])}
              disabled={running || selected.size === 0}
              title="Run the scenarios ticked in the list"
            >
              Run selected{selected.size > 0 ? ` (${selected.size})` : ""}
            </Button>
            <Button onClick={() => run(visible.map((s) => s.id))} disabled={running || visible.length === 0}>
              {activeTag ? `Run all tagged ${activeTag}` : "Run all"}
            </Button>
            <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
              New scenario
            </Button>
          </div>
        )}
      </header>
      {coverage.length > 0 && (
        <ul className="mb-3 space-y-0.5 text-sm text-slate-700" data-testid="coverage" aria-label="Coverage">
          {coverage.map((c) => (
            <li key={c.flow}>
              <span className="font-medium">{c.flow}:</span> {coverageLine(c)}
              <span className="text-xs text-slate-500"> (last runs against the draft)</span>
            </li>
          ))}
        </ul>
      )}
      {!mayEdit && (
        <p className="mb-3 text-sm text-slate-500" data-testid="read-only-note">
          Read-only: your role may not edit or run scenarios
        </p>
      )}
      {allTags.length > 0 && (
        <label className="mb-3 flex items-center gap-2 text-sm text-slate-700">
          Tag
          <select
            value={activeTag}
            onChange={(e) => setTag(e.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            data-testid="tag-filter"
          >
            <option value="">All scenarios</option>
            {allTags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      )}
      <p role="status" aria-live="polite" className="mb-3 min-h-5 text-sm text-slate-600" data-testid="notice">
        {notice}
      </p>
      {scenarios.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600">
          No scenarios yet. Make one with New scenario, or finish a call in the simulator and choose Save as scenario.
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-sm" data-testid="scenario-list">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="w-8 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select all scenarios"
                    checked={visible.length > 0 && visible.every((s) => selected.has(s.id))}
                    onChange={(e) => setSelected(new Set(e.target.checked ? visible.map((s) => s.id) : []))}
                  />
                </th>
                <th className="px-3 py-2">Name</th>
                <th className="px-3 py-2">Flow</th>
                <th className="px-3 py-2">Last result</th>
                <th className="px-3 py-2">Last run (UTC)</th>
                <th className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {visible.map((s) => {
                const last = lastResults[s.id];
                return (
                  <tr key={s.id} data-testid="scenario-row" data-scenario={s.name}>
                    <td className="px-3 py-2">
                      <input
                        type="checkbox"
                        aria-label={`Select ${s.name}`}
                        checked={selected.has(s.id)}
                        onChange={(e) =>
                          setSelected((sel) => {
                            const next = new Set(sel);
                            if (e.target.checked) next.add(s.id);
                            else next.delete(s.id);
                            return next;
                          })
                        }
                      />
                    </td>
                    <td className="px-3 py-2">
                      <div className="font-medium">{s.name}</div>
                      {s.scenario.description && <div className="text-xs text-slate-500">{s.scenario.description}</div>}
                      {s.scenario.tags && s.scenario.tags.length > 0 && (
                        <ul className="mt-1 flex flex-wrap gap-1" aria-label={`Tags of ${s.name}`}>
                          {s.scenario.tags.map((t) => (
                            <li key={t}>
                              <button
                                type="button"
                                onClick={() => setTag(t)}
                                title={`Show the scenarios tagged ${t}`}
                                className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-200"
                                data-testid="tag-chip"
                              >
                                {t}
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="px-3 py-2 text-slate-700">
                      {s.scenario.flow ?? "First flow"}
                      {s.scenario.version && s.scenario.version !== "draft" ? ` (${s.scenario.version})` : ""}
                    </td>
                    <td className="px-3 py-2" data-testid="last-result">
                      {s.lastRun ? (
                        <button
                          type="button"
                          onClick={() => last && setShown([{ scenarioId: s.id, result: last }])}
                          title="Show this result"
                        >
                          <Badge tone={STATUS_TONE[s.lastRun.status]}>{STATUS_LABEL[s.lastRun.status]}</Badge>
                        </button>
                      ) : (
                        <span className="text-xs text-slate-500">Never run</span>
                      )}
                      {last?.status === "cannot_run" && (
                        <div className="text-xs text-amber-800">cannot run: {last.reason}</div>
                      )}
                    </td>
                    <td className="px-3 py-2 text-xs text-slate-600">
                      {s.lastRun ? formatUtc(s.lastRun.startedAt) : "—"}
                    </td>
                    <td className="px-3 py-2">
                      {mayEdit && (
                        <div className="flex justify-end gap-1">
                          <Button variant="ghost" onClick={() => run([s.id])} disabled={running}>
                            Run
                          </Button>
                          <Button variant="ghost" onClick={() => setDialog({ kind: "edit", id: s.id })}>
                            Edit
                          </Button>
                          <Button variant="ghost" onClick={() => setDialog({ kind: "delete", id: s.id })}>
                            Delete
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown.length > 0 && (
        <div className="mt-6 space-y-4" data-testid="scenario-results">
          <h2 className="text-lg font-semibold">Results</h2>
          {shown.map((r) => (
            <ScenarioResultView key={r.scenarioId} result={r.result} />
          ))}
        </div>
      )}
      {(dialog.kind === "create" || editing) && (
        <ScenarioForm
          agentId={agentId}
          editing={editing}
          flows={flows}
          destinations={destinations}
          functions={functions}
          onClose={close}
          onSaved={(s) => {
            close();
            setNotice(s ? `Saved “${s.name}”` : "Saved");
          }}
        />
      )}
      {deleting && (
        <Modal
          title={`Delete “${deleting.name}”?`}
          onClose={close}
          footer={
            <>
              <Button onClick={close}>Cancel</Button>
              <Button
                variant="danger"
                onClick={async () => {
                  const r = await deleteScenarioAction(agentId, deleting.id);
                  close();
                  setNotice(r.ok ? `Deleted “${deleting.name}”` : (r.formError ?? "That did not work; reload"));
                  setShown((list) => list.filter((x) => x.scenarioId !== deleting.id));
                }}
              >
                Delete
              </Button>
            </>
          }
        >
          <p className="text-sm">The scenario and its past runs are deleted. This cannot be undone.</p>
        </Modal>
      )}
    </section>
  );
}
