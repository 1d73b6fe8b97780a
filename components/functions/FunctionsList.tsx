"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCan } from "@/components/ui/viewer";
import { Button } from "@/components/ui/Button";
import type { AgentFunction } from "@/lib/functions/types";
import { DeleteFunctionDialog } from "./DeleteFunctionDialog";
import { NewFunctionModal } from "./NewFunctionModal";
import { RenameFunctionModal } from "./RenameFunctionModal";

type Row = AgentFunction & { usageCount: number };
type Dialog = { kind: "none" } | { kind: "create" } | { kind: "rename"; fn: Row } | { kind: "delete"; fn: Row };

export function FunctionsList({ agentId, functions }: { agentId: string; functions: Row[] }) {
  const mayEdit = useCan("functions.edit");
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>({ kind: "none" });
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog({ kind: "none" });

  return (
    <section className="mx-auto max-w-5xl px-6 py-8">
      <header className="mb-6 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Functions</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Python the agent runs during a call: <code className="font-mono">def name(conv):</code> reads the call and{" "}
            <code className="font-mono">conv.state</code>, can say something, hand off or transfer with headers computed
            at run time. Flows call them by name.
          </p>
        </div>
        {mayEdit && (
          <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
            New function
          </Button>
        )}
      </header>
      <p role="status" aria-live="polite" className="mb-3 min-h-5 text-sm text-slate-600" data-testid="notice">
        {notice}
      </p>
      {functions.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600">
          No functions yet. Start one from a template: blank, a dynamic transfer_call, or an escalation with a reason.
        </div>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          data-testid="function-list"
        >
          {functions.map((f) => (
            <li key={f.id} className="flex items-center gap-4 px-4 py-3" data-testid="function-row" data-name={f.name}>
              <div className="min-w-0 flex-1">
                <Link
                  href={`/agents/${agentId}/functions/${f.id}`}
                  className="font-mono text-sm font-semibold text-brand-700 hover:underline"
                  data-testid="function-name"
                >
                  {f.name}
                </Link>
                <p className="truncate text-sm text-slate-600">
                  {f.description || <span className="text-slate-500">No description</span>}
                </p>
              </div>
              <span className="text-xs text-slate-500" data-testid="usage-count">
                {f.usageCount === 0
                  ? "Not used in flows"
                  : `Used by ${f.usageCount} flow node${f.usageCount === 1 ? "" : "s"}`}
              </span>
              <div className="flex gap-1">
                <Button variant="ghost" onClick={() => router.push(`/agents/${agentId}/functions/${f.id}`)}>
                  {mayEdit ? "Edit" : "View"}
                </Button>
                {mayEdit && (
                  <>
                    <Button variant="ghost" onClick={() => setDialog({ kind: "rename", fn: f })}>
                      Rename
                    </Button>
                    <Button variant="ghost" onClick={() => setDialog({ kind: "delete", fn: f })}>
                      Delete
                    </Button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {dialog.kind === "create" && (
        <NewFunctionModal
          agentId={agentId}
          taken={functions.map((f) => f.name)}
          onClose={(created) => {
            close();
            if (created) router.push(`/agents/${agentId}/functions/${created.id}`);
          }}
        />
      )}
      {dialog.kind === "rename" && (
        <RenameFunctionModal
          agentId={agentId}
          fn={dialog.fn}
          onClose={(renamed, updatedNodes) => {
            close();
            if (renamed)
              setNotice(
                `Renamed to ${renamed.name}${updatedNodes ? ` and updated ${updatedNodes} flow node${updatedNodes === 1 ? "" : "s"}` : ""}`,
              );
          }}
        />
      )}
      {dialog.kind === "delete" && (
        <DeleteFunctionDialog
          agentId={agentId}
          fn={dialog.fn}
          onClose={(deleted) => {
            close();
            if (deleted) setNotice(`Deleted ${dialog.fn.name}`);
          }}
        />
      )}
    </section>
  );
}
