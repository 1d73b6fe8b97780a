"use client";

import { useState, useTransition } from "react";
import { useCan } from "@/components/ui/viewer";
import { Button } from "@/components/ui/Button";
import type { VariableOption } from "@/components/ui/VariableInput";
import {
  createDestinationAction,
  deleteDestinationAction,
  duplicateDestinationAction,
  importHandoffsYamlAction,
  setDefaultDestinationAction,
  updateDestinationAction,
} from "@/app/agents/[agentId]/handoffs/actions";
import type { HandoffActionResult } from "@/lib/handoffs/action-results";
import type { HandoffDestination } from "@/lib/handoffs/types";
import type { DestinationUsage } from "@/lib/flow/destination-usages";
import type { TopicUsage } from "@/lib/topics/destination-usages";
import { DeleteDestinationDialog } from "./DeleteDestinationDialog";
import { DestinationCard } from "./DestinationCard";
import { DestinationModal } from "./DestinationModal";
import { ImportHandoffsDialog } from "./ImportHandoffsDialog";
import { exportHandoffsYaml, HANDOFFS_YAML_NAME } from "@/lib/handoffs/yaml";
import { PreviewRoutingPanel } from "./PreviewRoutingPanel";
import type { RouteHosts } from "@/lib/sip/route";
import type { DestinationTelephony } from "@/lib/telephony/account";

type Dialog =
  | { kind: "none" }
  | { kind: "create" }
  | { kind: "edit"; destination: HandoffDestination }
  | { kind: "delete"; destination: HandoffDestination }
  | { kind: "preview"; destination: HandoffDestination }
  | { kind: "import" };

/** The destinations as handoffs.yaml, downloaded from the browser (the same text the API and CLI export). */
function downloadYaml(destinations: readonly HandoffDestination[]) {
  const url = URL.createObjectURL(new Blob([exportHandoffsYaml(destinations)], { type: "application/yaml" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = HANDOFFS_YAML_NAME;
  a.click();
  URL.revokeObjectURL(url);
}

export function HandoffsBoard({
  agentId,
  agentName,
  destinations,
  usages,
  topicUsages,
  variables,
  samples,
  hosts,
  telephony,
}: {
  agentId: string;
  agentName: string;
  destinations: HandoffDestination[];
  /** Flow nodes handing off to each destination, by destination id. */
  usages: Readonly<Record<string, readonly DestinationUsage[]>>;
  /** Knowledge topics handing off to each destination, by destination id. */
  topicUsages: Readonly<Record<string, readonly TopicUsage[]>>;
  variables: VariableOption[];
  samples: Record<string, string>;
  hosts: RouteHosts;
  telephony?: DestinationTelephony;
}) {
  const mayEdit = useCan("destinations.edit");
  const [dialog, setDialog] = useState<Dialog>({ kind: "none" });
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const close = () => setDialog({ kind: "none" });

  const run = (action: () => Promise<HandoffActionResult>, done: string) =>
    startTransition(async () => {
      const result = await action();
      setNotice(result.ok ? done : (result.formError ?? "That did not work; reload and try again"));
    });

  return (
    <section className="mx-auto max-w-6xl px-6 py-8">
      <header className="mb-6 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Call Handoffs</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Where the agent sends a call it cannot finish: a blind transfer (REFER), a bridged call (INVITE) or a hand
            back (BYE). Flows and functions name a destination; the default is used when none is named.
          </p>
        </div>
        <div className="flex flex-wrap items-center justify-end gap-2">
          <Button onClick={() => downloadYaml(destinations)}>Export {HANDOFFS_YAML_NAME}</Button>
          {mayEdit && <Button onClick={() => setDialog({ kind: "import" })}>Import {HANDOFFS_YAML_NAME}</Button>}
          {mayEdit ? (
            <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
              Add Handoff
            </Button>
          ) : (
            <p className="text-sm text-slate-500" data-testid="read-only-note">
              Read-only: your role may not change destinations
            </p>
          )}
        </div>
      </header>
      <p role="status" aria-live="polite" className="mb-3 min-h-5 text-sm text-slate-600" data-testid="notice">
        {notice}
      </p>
      {destinations.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600">
          No destinations yet. Add one so the agent has somewhere to send callers; the first becomes the default.
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="destination-list">
          {destinations.map((d) => (
            <DestinationCard
              key={d.id}
              destination={d}
              usages={usages[d.id] ?? []}
              topicUsages={topicUsages[d.id] ?? []}
              busy={pending}
              readOnly={!mayEdit}
              onEdit={() => setDialog({ kind: "edit", destination: d })}
              onDuplicate={() => run(() => duplicateDestinationAction(agentId, d.id), `Duplicated ${d.name}`)}
              onSetDefault={() => run(() => setDefaultDestinationAction(agentId, d.id), `${d.name} is now the default`)}
              onDelete={() => setDialog({ kind: "delete", destination: d })}
              extraActions={
                <Button variant="secondary" onClick={() => setDialog({ kind: "preview", destination: d })}>
                  Preview call routing
                </Button>
              }
            />
          ))}
        </div>
      )}
      {dialog.kind === "create" && (
        <DestinationModal
          telephony={telephony}
          variables={variables}
          onSubmit={(input) => createDestinationAction(agentId, input)}
          onClose={(saved) => {
            close();
            if (saved) setNotice(`Added ${saved.name}`);
          }}
        />
      )}
      {dialog.kind === "edit" && (
        <DestinationModal
          destination={dialog.destination}
          telephony={telephony}
          variables={variables}
          onSubmit={(input) => updateDestinationAction(agentId, dialog.destination.id, input)}
          onClose={(saved) => {
            close();
            if (saved) setNotice(`Saved ${saved.name}`);
          }}
        />
      )}
      {dialog.kind === "import" && (
        <ImportHandoffsDialog
          onImport={(text, replace) => importHandoffsYamlAction(agentId, text, replace)}
          onClose={(done) => {
            close();
            if (done) setNotice(done);
          }}
        />
      )}
      {dialog.kind === "preview" && (
        <PreviewRoutingPanel
          destination={dialog.destination}
          samples={samples}
          hosts={hosts}
          agentName={agentName}
          onClose={close}
        />
      )}
      {dialog.kind === "delete" && (
        <DeleteDestinationDialog
          agentId={agentId}
          destination={dialog.destination}
          onConfirm={(typed) => deleteDestinationAction(agentId, dialog.destination.id, typed)}
          onClose={(deleted) => {
            if (deleted) setNotice(`Deleted ${dialog.destination.name}`);
            close();
          }}
        />
      )}
    </section>
  );
}
