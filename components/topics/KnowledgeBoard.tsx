"use client";

import { useState, useTransition } from "react";
import { useCan } from "@/components/ui/viewer";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import type { VariableOption } from "@/components/ui/VariableInput";
import type { DestinationOption } from "@/components/handoffs/HandoffTargetFields";
import {
  createTopicAction,
  deleteTopicAction,
  duplicateTopicAction,
  setTopicEnabledAction,
  updateTopicAction,
} from "@/app/agents/[agentId]/knowledge/actions";
import type { TopicActionResult } from "@/lib/topics/action-results";
import type { TopicProblem } from "@/lib/topics/lint";
import { TOPIC_ACTION_LABELS, type Topic } from "@/lib/topics/types";
import { DeleteTopicDialog } from "./DeleteTopicDialog";
import { ImportTopicsDialog } from "./ImportTopicsDialog";
import { TopicModal } from "./TopicModal";

type Dialog =
  | { kind: "none" }
  | { kind: "create" }
  | { kind: "edit"; topic: Topic }
  | { kind: "delete"; topic: Topic }
  | { kind: "import" };

const ACTION_TONE = { none: "slate", "builtin-handoff": "violet", function: "amber" } as const;

/** Build → Knowledge (docs/design.md §13): the agent's topics, in the order they are matched. */
export function KnowledgeBoard({
  agentId,
  topics,
  problems,
  destinations,
  functions,
  variables,
}: {
  agentId: string;
  topics: Topic[];
  problems: TopicProblem[];
  destinations: DestinationOption[];
  functions: string[];
  variables: VariableOption[];
}) {
  const mayEdit = useCan("topics.edit");
  const [dialog, setDialog] = useState<Dialog>({ kind: "none" });
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [destinationList, setDestinationList] = useState(destinations);
  // The switch answers at once; the server's list catches up when the page revalidates.
  const [enabledNow, setEnabledNow] = useState<Readonly<Record<string, boolean>>>({});
  const close = () => setDialog({ kind: "none" });

  const run = (action: () => Promise<TopicActionResult>, done: string) =>
    startTransition(async () => {
      const result = await action();
      setNotice(result.ok ? done : (result.formError ?? "That did not work; reload and try again"));
    });
  const problemsOf = (t: Topic) => problems.filter((p) => p.topic === t.name);
  const destinationName = (id: string | null) =>
    id === null
      ? `Agent default${destinationList.find((d) => d.isDefault) ? ` (${destinationList.find((d) => d.isDefault)!.name})` : ""}`
      : (destinationList.find((d) => d.id === id)?.name ?? "Deleted destination");

  return (
    <section className="mx-auto max-w-6xl px-6 py-8">
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Knowledge</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Topics a caller may ask about at any question of a flow. When a question&apos;s own branches do not match,
            the enabled topics are tried in this order: the agent answers with the content, hands the call off, or runs
            a function.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a
            href={`/agents/${agentId}/knowledge/export`}
            download
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Export CSV
          </a>
          {mayEdit && (
            <>
              <Button onClick={() => setDialog({ kind: "import" })}>Import CSV</Button>
              <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
                Add topic
              </Button>
            </>
          )}
        </div>
      </header>
      {!mayEdit && (
        <p className="mb-3 text-sm text-slate-500" data-testid="read-only-note">
          Read-only: your role may not change knowledge topics
        </p>
      )}
      <p role="status" aria-live="polite" className="mb-3 min-h-5 text-sm text-slate-600" data-testid="notice">
        {notice}
      </p>
      {topics.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600">
          No topics yet. Add one for questions callers ask anywhere in a call, like opening hours or asking for a
          person.
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-sm" data-testid="topic-list">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">Name</th>
                <th className="px-3 py-2">Sample questions</th>
                <th className="px-3 py-2">Action</th>
                <th className="px-3 py-2">Enabled</th>
                <th className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {topics.map((t) => {
                const own = problemsOf(t);
                return (
                  <tr
                    key={t.id}
                    data-testid="topic-row"
                    data-topic={t.name}
                    className={t.enabled ? "" : "text-slate-400"}
                  >
                    <td className="px-3 py-2">
                      <div className="font-medium">{t.name}</div>
                      {own.map((p) => (
                        <p
                          key={p.rule + p.path}
                          data-testid="topic-problem"
                          className={`mt-0.5 text-xs ${p.severity === "error" ? "text-red-700" : "text-amber-700"}`}
                        >
                          {p.message}
                        </p>
                      ))}
                    </td>
                    <td className="px-3 py-2" data-testid="topic-questions">
                      {t.sampleQuestions.length}
                    </td>
                    <td className="px-3 py-2">
                      <Badge tone={ACTION_TONE[t.action.kind]} data-testid="topic-action">
                        {TOPIC_ACTION_LABELS[t.action.kind]}
                      </Badge>
                      {t.action.kind === "builtin-handoff" && (
                        <span className="ml-1.5 text-xs text-slate-600">
                          → {destinationName(t.action.destinationId)}
                        </span>
                      )}
                      {t.action.kind === "function" && (
                        <span className="ml-1.5 font-mono text-xs text-slate-600">{t.action.functionName}</span>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <input
                        type="checkbox"
                        role="switch"
                        aria-label={`${t.name} enabled`}
                        checked={enabledNow[t.id] ?? t.enabled}
                        disabled={!mayEdit || pending}
                        onChange={(e) => {
                          const enabled = e.target.checked;
                          setEnabledNow((now) => ({ ...now, [t.id]: enabled }));
                          startTransition(async () => {
                            const result = await setTopicEnabledAction(agentId, t.id, enabled);
                            if (!result.ok) setEnabledNow(({ [t.id]: _undone, ...rest }) => rest);
                            setNotice(
                              result.ok
                                ? `${t.name} ${enabled ? "enabled" : "disabled"}`
                                : (result.formError ?? "That did not work; reload and try again"),
                            );
                          });
                        }}
                        className="h-4 w-4 accent-brand-600"
                      />
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex justify-end gap-1">
                        <Button variant="ghost" onClick={() => setDialog({ kind: "edit", topic: t })}>
                          {mayEdit ? "Edit" : "View"}
                        </Button>
                        {mayEdit && (
                          <>
                            <Button
                              variant="ghost"
                              disabled={pending}
                              onClick={() => run(() => duplicateTopicAction(agentId, t.id), `Duplicated ${t.name}`)}
                            >
                              Duplicate
                            </Button>
                            <Button variant="ghost" onClick={() => setDialog({ kind: "delete", topic: t })}>
                              Delete
                            </Button>
                          </>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {(dialog.kind === "create" || dialog.kind === "edit") && (
        <TopicModal
          agentId={agentId}
          topic={dialog.kind === "edit" ? dialog.topic : undefined}
          warnings={dialog.kind === "edit" ? problemsOf(dialog.topic).filter((p) => p.severity === "warning") : []}
          readOnly={!mayEdit}
          destinations={destinationList}
          functions={functions}
          variables={variables}
          onDestinationCreated={(d) => setDestinationList((list) => [...list, d])}
          onSubmit={(input) =>
            dialog.kind === "edit"
              ? updateTopicAction(agentId, dialog.topic.id, input)
              : createTopicAction(agentId, input)
          }
          onClose={(saved) => {
            const verb = dialog.kind === "edit" ? "Saved" : "Added";
            close();
            if (saved) setNotice(`${verb} ${saved.name}`);
          }}
        />
      )}
      {dialog.kind === "delete" && (
        <DeleteTopicDialog
          topic={dialog.topic}
          onConfirm={() => deleteTopicAction(agentId, dialog.topic.id)}
          onClose={(deleted) => {
            if (deleted) setNotice(`Deleted ${dialog.topic.name}`);
            close();
          }}
        />
      )}
      {dialog.kind === "import" && (
        <ImportTopicsDialog
          agentId={agentId}
          onClose={(message) => {
            close();
            if (message) setNotice(message);
          }}
        />
      )}
    </section>
  );
}
