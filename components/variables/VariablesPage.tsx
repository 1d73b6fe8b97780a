"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { useCan } from "@/components/ui/viewer";
import type { AgentVariable } from "@/lib/variables/schema";
import { DeleteVariableDialog } from "./DeleteVariableDialog";
import { VariableModal } from "./VariableModal";

type Dialog =
  | { kind: "none" }
  | { kind: "create" }
  | { kind: "edit"; variable: AgentVariable }
  | { kind: "delete"; variable: AgentVariable };

/**
 * Build → Variables: the agent's `$variables` (name, sample value, description) with add, edit
 * and delete, and the read-only built-ins. Lint, autocomplete, previews and the simulator read the
 * same table, so a change here shows up there on the next page load.
 */
export function VariablesPage({
  agentId,
  variables,
  builtins,
}: {
  agentId: string;
  variables: readonly AgentVariable[];
  builtins: readonly { name: string; description: string; sample: string }[];
}) {
  const mayEdit = useCan("variables.edit");
  const [dialog, setDialog] = useState<Dialog>({ kind: "none" });
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog({ kind: "none" });

  return (
    <section className="mx-auto max-w-5xl px-6 py-8">
      <header className="mb-6 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Variables</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Write <code className="font-mono">$name</code> in an utterance, a condition, a function argument or a SIP
            header value; at run time it becomes the call&apos;s value. Each call starts{" "}
            <code className="font-mono">conv.state</code> with these sample values in the simulator.
          </p>
        </div>
        {mayEdit ? (
          <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
            Add variable
          </Button>
        ) : (
          <p className="text-sm text-slate-500" data-testid="read-only-note">
            Read-only: your role may not change variables
          </p>
        )}
      </header>
      <p role="status" aria-live="polite" className="mb-3 min-h-5 text-sm text-slate-600" data-testid="notice">
        {notice}
      </p>
      {variables.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600">
          No variables yet. Add one for each value a call carries, such as an account id or a support tier.
        </div>
      ) : (
        <VariableTable
          rows={variables.map((v) => ({ ...v, sample: v.sampleValue }))}
          label="Agent variables"
          testId="variable-row"
          actions={
            mayEdit
              ? (row) => {
                  const v = variables.find((x) => x.name === row.name)!;
                  return (
                    <div className="flex justify-end gap-1 [&_button]:px-2 [&_button]:py-1 [&_button]:text-xs">
                      <Button onClick={() => setDialog({ kind: "edit", variable: v })} aria-label={`Edit $${v.name}`}>
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        className="text-red-700"
                        onClick={() => setDialog({ kind: "delete", variable: v })}
                        aria-label={`Delete $${v.name}`}
                      >
                        Delete
                      </Button>
                    </div>
                  );
                }
              : undefined
          }
        />
      )}
      <h2 className="mb-2 mt-8 text-sm font-semibold text-slate-700">Built in</h2>
      <p className="mb-2 text-sm text-slate-600">Every call has these; functions can read but not change them.</p>
      <VariableTable rows={builtins} label="Built-in variables" testId="builtin-row" />
      {dialog.kind === "create" && (
        <VariableModal
          agentId={agentId}
          onClose={(saved) => {
            close();
            if (saved) setNotice(`Added $${saved.name}`);
          }}
        />
      )}
      {dialog.kind === "edit" && (
        <VariableModal
          agentId={agentId}
          variable={dialog.variable}
          onClose={(saved) => {
            close();
            if (saved) setNotice(`Saved $${saved.name}`);
          }}
        />
      )}
      {dialog.kind === "delete" && (
        <DeleteVariableDialog
          agentId={agentId}
          variable={dialog.variable}
          onClose={(deleted) => {
            if (deleted) setNotice(`Deleted $${dialog.variable.name}`);
            close();
          }}
        />
      )}
    </section>
  );
}

function VariableTable({
  rows,
  label,
  testId,
  actions,
}: {
  rows: readonly { name: string; sample: string; description: string }[];
  label: string;
  testId: string;
  actions?: (row: { name: string }) => React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Sample value
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Description
            </th>
            {actions && (
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.name} data-testid={testId} data-name={r.name}>
              <td className="px-3 py-2 font-mono text-brand-700">${r.name}</td>
              <td className="max-w-48 truncate px-3 py-2 font-mono text-xs" title={r.sample} data-testid="sample">
                {r.sample || <span className="font-sans text-slate-400">empty</span>}
              </td>
              <td className="px-3 py-2 text-slate-600">{r.description}</td>
              {actions && <td className="px-3 py-2">{actions(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
