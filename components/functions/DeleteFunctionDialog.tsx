"use client";

import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import { deleteFunctionAction, functionUsagesAction } from "@/app/agents/[agentId]/functions/actions";
import type { AgentFunction, FunctionUsage } from "@/lib/functions/types";

/** Confirms a delete; when flows use the function it names every node that would break. */
export function DeleteFunctionDialog({
  agentId,
  fn,
  onClose,
}: {
  agentId: string;
  fn: AgentFunction;
  onClose: (deleted: boolean) => void;
}) {
  const [usages, setUsages] = useState<FunctionUsage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    let alive = true;
    functionUsagesAction(agentId, fn.id).then((r) => {
      if (!alive) return;
      if (r.ok) setUsages(r.usages);
      else setError(r.error);
    });
    return () => {
      alive = false;
    };
  }, [agentId, fn.id]);

  function confirm() {
    startTransition(async () => {
      const result = await deleteFunctionAction(agentId, fn.id, (usages?.length ?? 0) > 0);
      if (result.ok) return onClose(true);
      if (result.formError) setError(result.formError);
      else setUsages(result.usages);
    });
  }

  const used = (usages?.length ?? 0) > 0;
  return (
    <Modal
      title={`Delete ${fn.name}?`}
      testId="delete-function-dialog"
      onClose={() => onClose(false)}
      footer={
        <>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button variant="danger" onClick={confirm} disabled={usages === null || pending}>
            {used ? "Delete anyway" : "Delete function"}
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm">
        {usages === null ? (
          <p className="text-slate-500">Checking which flows use it…</p>
        ) : used ? (
          <>
            <p>
              <strong className="font-mono">{fn.name}</strong> is used by {usages.length} flow node
              {usages.length === 1 ? "" : "s"}; they will show an “unknown function” problem until you pick another:
            </p>
            <ul className="list-disc space-y-0.5 pl-5" data-testid="function-usages">
              {usages.map((u) => (
                <li key={`${u.flowId}/${u.nodeId}`}>
                  <span className="font-medium">{u.flowName}</span>:{" "}
                  {u.nodeType === "function" ? "function node" : "handoff node override"}{" "}
                  <span className="font-medium" title={`Node ${u.nodeId}`}>
                    “{u.nodeTitle}”
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>No flow uses it. This cannot be undone.</p>
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
