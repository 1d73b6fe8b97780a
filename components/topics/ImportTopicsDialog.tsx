"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import { importTopicsAction } from "@/app/agents/[agentId]/knowledge/actions";
import { formatCsvError, MAX_TOPIC_CSV_BYTES, TOPIC_CSV_COLUMNS, type CsvRowError } from "@/lib/topics/csv";

/** Import topics from CSV: any problem lists every row's problems and imports nothing. */
export function ImportTopicsDialog({ agentId, onClose }: { agentId: string; onClose: (message?: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<CsvRowError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setFormError("Choose a CSV file");
    if (file.size > MAX_TOPIC_CSV_BYTES)
      return setFormError(`The file is larger than ${MAX_TOPIC_CSV_BYTES / 1024 / 1024} MB`);
    startTransition(async () => {
      const result = await importTopicsAction(agentId, await file.text());
      if (result.ok) {
        const parts = [
          result.added > 0 ? `added ${result.added}` : "",
          result.replaced > 0 ? `replaced ${result.replaced}` : "",
        ].filter(Boolean);
        return onClose(`Imported topics: ${parts.join(", ")}`);
      }
      setErrors(result.errors);
      setFormError(
        result.formError ?? (result.errors.length > 0 ? "Nothing was imported: fix these and try again" : null),
      );
    });
  }

  return (
    <Modal
      title="Import topics from CSV"
      onClose={() => onClose()}
      wide
      testId="import-topics-dialog"
      footer={
        <>
          <Button onClick={() => onClose()}>Cancel</Button>
          <Button variant="primary" type="submit" form="import-topics-form" disabled={pending || !file}>
            Import
          </Button>
        </>
      }
    >
      <form id="import-topics-form" onSubmit={submit} className="space-y-3 text-sm">
        <p className="text-slate-600">
          One topic a row, with a header row. Columns: <code className="font-mono">{TOPIC_CSV_COLUMNS.join(", ")}</code>{" "}
          (the first four are required). Separate sample questions with <code className="font-mono">|</code>; action is{" "}
          <code className="font-mono">none</code>, <code className="font-mono">builtin-handoff</code> or{" "}
          <code className="font-mono">function</code>. A row named like an existing topic replaces it.
        </p>
        <label htmlFor="topics-csv" className="block font-medium">
          CSV file
        </label>
        <input
          id="topics-csv"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setErrors([]);
            setFormError(null);
          }}
        />
        {formError && (
          <p role="alert" className="text-red-700" data-testid="import-error">
            {formError}
          </p>
        )}
        {errors.length > 0 && (
          <ul className="max-h-60 list-disc space-y-0.5 overflow-y-auto pl-5 text-red-700" data-testid="import-errors">
            {errors.map((e, i) => (
              <li key={i}>{formatCsvError(e)}</li>
            ))}
          </ul>
        )}
      </form>
    </Modal>
  );
}
