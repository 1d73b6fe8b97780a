"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { useCan } from "@/components/ui/viewer";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import {
  createFlowAction,
  deleteFlowAction,
  duplicateFlowAction,
  importFlowAction,
  renameFlowAction,
} from "@/app/agents/[agentId]/flows/actions";
import { renameNotice, type FlowSummary, type PathError } from "@/lib/flow";
import { readFlowFile } from "@/lib/flow/size";
import { FlowNameDialog } from "./FlowNameDialog";

type Dialog =
  | { kind: "none" }
  | { kind: "create" }
  | { kind: "rename"; flow: FlowSummary }
  | { kind: "delete"; flow: FlowSummary };

export function FlowList({ agentId, flows }: { agentId: string; flows: FlowSummary[] }) {
  const router = useRouter();
  const mayEdit = useCan("flows.edit");
  const [dialog, setDialog] = useState<Dialog>({ kind: "none" });
  const [notice, setNotice] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<PathError[] | null>(null);
  const [pending, startTransition] = useTransition();
  const fileRef = useRef<HTMLInputElement>(null);
  const close = () => setDialog({ kind: "none" });

  function importFile(file: File) {
    startTransition(async () => {
      const read = await readFlowFile(file);
      if (fileRef.current) fileRef.current.value = "";
      if (!read.ok) return setImportErrors(read.errors);
      let r: Awaited<ReturnType<typeof importFlowAction>>;
      try {
        r = await importFlowAction(agentId, read.doc);
      } catch {
        return setImportErrors([
          { path: "", message: "The flow could not be sent to the server; nothing was imported. Try again." },
        ]);
      }
      if (r.ok) {
        setImportErrors(null);
        setNotice(`Imported ${r.name}`);
      } else {
        setImportErrors(
          r.errors ?? [{ path: "", message: r.fieldErrors.file ?? r.fieldErrors._form ?? "Import failed" }],
        );
      }
    });
  }

  return (
    <section className="mx-auto max-w-5xl px-6 py-8">
      <header className="mb-6 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Flows</h1>
          <p className="mt-1 text-sm text-slate-600">
            Conversation flows this agent runs: what it says, listens for, and where it hands off.
          </p>
        </div>
        {mayEdit && (
          <div className="flex gap-2">
            <Button onClick={() => fileRef.current?.click()} disabled={pending}>
              Import flow
            </Button>
            <input
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              aria-label="Import flow file"
              className="hidden"
              onChange={(e) => e.target.files?.[0] && importFile(e.target.files[0])}
            />
            <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
              New flow
            </Button>
          </div>
        )}
      </header>
      <p role="status" aria-live="polite" className="mb-3 min-h-5 text-sm text-slate-600" data-testid="notice">
        {notice}
      </p>
      {importErrors && (
        <div
          role="alert"
          data-testid="import-errors"
          className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          <p className="font-medium">
            Nothing was imported: the file has{" "}
            {importErrors.length === 1 ? "a problem" : `${importErrors.length} problems`}.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {importErrors.map((e, i) => (
              <li key={i}>
                {e.path && <code className="font-mono">{e.path}</code>} {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {flows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600">
          No flows yet.
        </div>
      ) : (
        <table
          className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm"
          data-testid="flow-list"
        >
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Name</th>
              <th className="px-4 py-2">Nodes</th>
              <th className="px-4 py-2">Last saved</th>
              <th className="px-4 py-2 sr-only">Actions</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.id} className="border-t border-slate-100" data-testid="flow-row" data-name={f.name}>
                <td className="px-4 py-2">
                  <Link
                    href={`/agents/${agentId}/flows/${f.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {f.name}
                  </Link>
                </td>
                <td className="px-4 py-2 tabular-nums">{f.nodeCount}</td>
                <td className="px-4 py-2 text-slate-600">
                  <time dateTime={f.updatedAt}>{new Date(f.updatedAt).toLocaleString()}</time>
                </td>
                <td className="px-4 py-2">
                  {mayEdit && (
                    <div className="flex justify-end gap-1 [&_button]:px-2 [&_button]:py-1 [&_button]:text-xs">
                      <Button onClick={() => setDialog({ kind: "rename", flow: f })}>Rename</Button>
                      <Button
                        disabled={pending}
                        onClick={() =>
                          startTransition(async () => {
                            const r = await duplicateFlowAction(agentId, f.id);
                            setNotice(r.ok ? `Duplicated as ${r.name}` : "Could not duplicate; reload and try again");
                          })
                        }
                      >
                        Duplicate
                      </Button>
                      <Button
                        variant="ghost"
                        className="text-red-700"
                        onClick={() => setDialog({ kind: "delete", flow: f })}
                      >
                        Delete
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog.kind === "create" && (
        <FlowNameDialog
          title="New flow"
          submitLabel="Create"
          withTemplate
          onSubmit={(name, template) => createFlowAction(agentId, { name, template })}
          onClose={(r) => {
            close();
            if (r) router.push(`/agents/${agentId}/flows/${r.flowId}`);
          }}
        />
      )}
      {dialog.kind === "rename" && (
        <FlowNameDialog
          title={`Rename ${dialog.flow.name}`}
          submitLabel="Rename"
          initial={dialog.flow.name}
          onSubmit={(name) => renameFlowAction(agentId, dialog.flow.id, name)}
          onClose={(r) => {
            close();
            if (r) setNotice(renameNotice(dialog.flow.name, r));
          }}
        />
      )}
      {dialog.kind === "delete" && (
        <Modal
          title={`Delete ${dialog.flow.name}?`}
          onClose={close}
          footer={
            <>
              <Button onClick={close}>Cancel</Button>
              <Button
                variant="danger"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const r = await deleteFlowAction(agentId, dialog.flow.id);
                    setNotice(r.ok ? `Deleted ${r.name}` : "Could not delete; reload and try again");
                    close();
                  })
                }
              >
                Delete flow
              </Button>
            </>
          }
        >
          <p className="text-sm">
            The flow <strong>{dialog.flow.name}</strong> and its {dialog.flow.nodeCount} nodes will be deleted. Export
            it first if you may want it back.
          </p>
        </Modal>
      )}
    </section>
  );
}
