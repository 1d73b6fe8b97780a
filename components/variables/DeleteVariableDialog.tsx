"use client";

import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import { deleteVariableAction, variableUsagesAction } from "@/app/agents/[agentId]/variables/actions";
import type { AgentVariable } from "@/lib/variables/schema";
import type { VariableUse } from "@/lib/variables/usages";
import { UsageList } from "./UsageList";

/** Confirms a delete; when headers, flow nodes or functions use the variable, it lists them first. */
export function DeleteVariableDialog({
  agentId,
  variable,
  onClose,
}: {
  agentId: string;
  variable: AgentVariable;
  onClose: (deleted: boolean) => void;
}) {
  const [usages, setUsages] = useState<VariableUse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    let alive = true;
    variableUsagesAction(agentId, variable.name).then(
      (r) => {
        if (!alive) return;
        if (r.ok) setUsages(r.usages);
        else setError(r.error);
      },
      () => alive && setError("Could not check where it is used; try again"),
    );
    return () => {
      alive = false;
    };
  }, [agentId, variable.name]);

  function confirm() {
    startTransition(async () => {
      const result = await deleteVariableAction(agentId, variable.name, (usages?.length ?? 0) > 0);
      if (result.ok) return onClose(true);
      if (result.usages) setUsages(result.usages);
      else setError(result.formError ?? "Could not delete");
    });
  }

  const used = (usages?.length ?? 0) > 0;
  return (
    <Modal
      title={`Delete $${variable.name}?`}
      testId="delete-variable-dialog"
      onClose={() => onClose(false)}
      footer={
        <>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button variant="danger" onClick={confirm} disabled={usages === null || pending}>
            {used ? "Delete anyway" : "Delete variable"}
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm">
        {usages === null ? (
          <p className="text-slate-500">Checking where it is used…</p>
        ) : used ? (
          <>
            <p>
              <span className="font-mono">${variable.name}</span> is used in {usages.length} place
              {usages.length === 1 ? "" : "s"}. After deleting it, a <code className="font-mono">$</code> reference
              becomes empty at run time and lint reports it as unknown:
            </p>
            <UsageList agentId={agentId} usages={usages} />
          </>
        ) : (
          <p>Nothing uses it. This cannot be undone.</p>
        )}
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
      </div>
    </Modal>
  );
}
