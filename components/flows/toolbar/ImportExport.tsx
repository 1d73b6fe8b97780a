"use client";

import { useRef, useState } from "react";
import { useReactFlow } from "@xyflow/react";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import { exportFlow, type PathError } from "@/lib/flow";
import { readFlowFile } from "@/lib/flow/size";
import { toDocument } from "@/components/flows/store/document";
import { useEditorStoreApi } from "@/components/flows/store/context";
import { useEditorMeta } from "@/components/flows/editor-meta";

/**
 * Export downloads `<name>.flow.json`. Import replaces the canvas content as one undoable
 * change, only after the whole file validates; otherwise it lists each problem by path and
 * changes nothing.
 */
export function ImportExport() {
  const store = useEditorStoreApi();
  const { readOnly } = useEditorMeta();
  const { fitView } = useReactFlow();
  const fileRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<{ file: string; list: PathError[] } | null>(null);

  const download = () => {
    const s = store.getState();
    const blob = new Blob([exportFlow(toDocument(s.name, s.nodes, s.edges))], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${s.name}.flow.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const load = async (file: File) => {
    const result = await readFlowFile(file);
    if (fileRef.current) fileRef.current.value = "";
    if (!result.ok) return setErrors({ file: file.name, list: result.errors });
    setErrors(null);
    store.getState().replaceContent(result.doc);
    requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1 }));
  };

  return (
    <>
      {!readOnly && <Button onClick={() => fileRef.current?.click()}>Import</Button>}
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        aria-label="Import flow file"
        data-testid="import-file"
        className="hidden"
        onChange={(e) => e.target.files?.[0] && void load(e.target.files[0])}
      />
      <Button onClick={download}>Export</Button>
      {errors && (
        <Modal
          title="This file cannot be imported"
          onClose={() => setErrors(null)}
          testId="import-errors"
          footer={
            <Button variant="primary" onClick={() => setErrors(null)}>
              OK
            </Button>
          }
        >
          <p className="mb-2 text-sm">
            Nothing was changed. {errors.file} has{" "}
            {errors.list.length === 1 ? "this problem" : `${errors.list.length} problems`}:
          </p>
          <ul className="max-h-72 space-y-1 overflow-y-auto text-sm" data-testid="import-error-list">
            {errors.list.map((e, i) => (
              <li key={i}>
                <code className="rounded bg-slate-100 px-1 font-mono text-xs">{e.path || "(file)"}</code> {e.message}
              </li>
            ))}
          </ul>
        </Modal>
      )}
    </>
  );
}
