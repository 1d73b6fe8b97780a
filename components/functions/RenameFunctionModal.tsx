"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { renameFunctionAction } from "@/app/agents/[agentId]/functions/actions";
import { functionNameError } from "@/lib/functions/schema";
import type { AgentFunction } from "@/lib/functions/types";

export function RenameFunctionModal({
  agentId,
  fn,
  onClose,
}: {
  agentId: string;
  fn: AgentFunction & { usageCount?: number };
  onClose: (renamed: AgentFunction | null, updatedNodes?: number) => void;
}) {
  const [name, setName] = useState(fn.name);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const local = functionNameError(name.trim());
    if (local) return setError(local);
    startTransition(async () => {
      const result = await renameFunctionAction(agentId, fn.id, { name });
      if (result.ok) return onClose(result.function, result.updatedNodes);
      setError(result.fieldErrors.name ?? result.formError ?? "Could not rename");
    });
  }

  return (
    <Modal
      title={`Rename ${fn.name}`}
      testId="rename-function-modal"
      onClose={() => onClose(null)}
      footer={
        <>
          <Button onClick={() => onClose(null)}>Cancel</Button>
          <Button variant="primary" type="submit" form="rename-function-form" disabled={pending}>
            Rename
          </Button>
        </>
      }
    >
      <form id="rename-function-form" onSubmit={submit} className="space-y-2 text-sm" noValidate>
        <label htmlFor="rename-fn" className="block font-medium">
          Name
        </label>
        <input
          id="rename-fn"
          autoFocus
          spellCheck={false}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(undefined);
          }}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy("rename-fn", error)}
          className={`${inputClass} font-mono`}
        />
        <FieldMessages id="rename-fn" error={error} />
        <p className="text-xs text-slate-500">
          The <code className="font-mono">def</code> line is renamed too
          {fn.usageCount ? `, and the ${fn.usageCount} flow node${fn.usageCount === 1 ? "" : "s"} that call it` : ""}.
        </p>
      </form>
    </Modal>
  );
}
