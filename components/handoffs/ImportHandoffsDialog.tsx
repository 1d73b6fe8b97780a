"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import type { HandoffsImportResult } from "@/lib/handoffs/action-results";
import { HANDOFFS_YAML_NAME, MAX_HANDOFFS_YAML_BYTES } from "@/lib/handoffs/yaml";

/**
 * Call Handoffs → Import: a handoffs.yaml chosen as a file (or pasted), merged into the agent's
 * destinations or replacing them. Every problem is listed with its path and nothing is imported;
 * the text stays so it can be fixed here and imported again.
 */
export function ImportHandoffsDialog({
  onImport,
  onClose,
}: {
  onImport: (text: string, replace: boolean) => Promise<HandoffsImportResult>;
  onClose: (done?: string) => void;
}) {
  const [text, setText] = useState("");
  const [replace, setReplace] = useState(false);
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [pending, startTransition] = useTransition();

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_HANDOFFS_YAML_BYTES) {
      setErrors([{ path: file.name, message: `The file is over ${MAX_HANDOFFS_YAML_BYTES} bytes` }]);
      return;
    }
    setText(await file.text());
    setErrors([]);
  };

  const submit = () =>
    startTransition(async () => {
      const result = await onImport(text, replace);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      onClose(
        `Imported ${HANDOFFS_YAML_NAME}: ${result.added} added, ${result.changed} changed, ${result.deleted} deleted`,
      );
    });

  return (
    <Modal
      wide
      title={`Import ${HANDOFFS_YAML_NAME}`}
      onClose={() => onClose()}
      testId="import-handoffs"
      footer={
        <>
          <Button onClick={() => onClose()}>Cancel</Button>
          <Button variant="primary" disabled={pending || text.trim() === ""} onClick={submit}>
            {pending ? "Importing…" : "Import"}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <p className="text-sm text-slate-600">
          PolyAI&apos;s handoffs format: a <code>handoffs:</code> list with <code>name</code>, <code>description</code>,{" "}
          <code>is_default</code>, <code>sip_config</code> and <code>sip_headers</code>. Destinations are matched by
          name; the file&apos;s default becomes the agent&apos;s. Nothing is imported while the file has a problem.
        </p>
        <div>
          <label htmlFor="handoffs-yaml-file" className="mb-1 block text-sm font-medium">
            File
          </label>
          <input
            id="handoffs-yaml-file"
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
            className="text-sm"
          />
        </div>
        <div>
          <label htmlFor="handoffs-yaml-text" className="mb-1 block text-sm font-medium">
            YAML
          </label>
          <textarea
            id="handoffs-yaml-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={14}
            spellCheck={false}
            aria-invalid={errors.length > 0}
            aria-describedby={errors.length > 0 ? "handoffs-yaml-errors" : undefined}
            className={`${inputClass} font-mono text-xs`}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          Replace: delete the destinations the file does not name
        </label>
        {errors.length > 0 && (
          <div id="handoffs-yaml-errors" role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            <p className="font-medium">
              Nothing was imported: {errors.length} problem{errors.length > 1 ? "s" : ""}
            </p>
            <ul className="mt-1 list-disc pl-5" data-testid="import-errors">
              {errors.map((e, i) => (
                <li key={i}>
                  {e.path && <code className="font-mono text-xs">{e.path}</code>}
                  {e.path && ": "}
                  {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Modal>
  );
}
