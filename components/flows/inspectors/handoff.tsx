"use client";

import { HandoffTargetFields } from "@/components/handoffs/HandoffTargetFields";
import { Button } from "@/components/ui/Button";
import {
  DEFAULT_FALLBACK_LINE,
  deletedDestinationLabel,
  FAILED_HANDLE,
  fallbackLineOf,
  nodeTitle,
  type Problem,
} from "@/lib/flow";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { useEditorStore } from "@/components/flows/store/context";
import { Field, VariableField, type InspectorProps } from "./fields";
import { inputClass } from "@/components/ui/FieldMessages";
import { EditFunctionButton } from "@/components/flows/panels/EditFunctionButton";
import { overrideKind } from "@/components/flows/panels/override";

const EMPTY: readonly Problem[] = [];

export function HandoffInspector({ nodeId, data, update }: InspectorProps<"handoff">) {
  const { agentId } = useEditorMeta();
  const destinations = useEditorStore((s) => s.lintContext.destinations);
  const functions = useEditorStore((s) => s.lintContext.functions);
  const flowContext = useEditorStore((s) => s.flowContext);
  const variables = useEditorStore((s) => s.variableOptions);
  const addDestination = useEditorStore((s) => s.addDestination);
  const problems = useEditorStore((s) => s.problemsByNode.get(nodeId)) ?? EMPTY;
  const addConnectedNode = useEditorStore((s) => s.addConnectedNode);
  // The node the Failed branch leads to, if it is connected (then the fallback line is not said).
  const failedTarget = useEditorStore(
    (s) => s.edges.find((e) => e.source === nodeId && e.sourceHandle === FAILED_HANDLE)?.target ?? null,
  );
  const failedTargetTitle = useEditorStore((s) => {
    const target = failedTarget === null ? undefined : s.nodes.find((n) => n.id === failedTarget);
    return target ? nodeTitle(target, s.flowContext) : null;
  });

  // The fields show lint's own messages, so the inspector and the problems list always agree.
  const destinationError = problems.find(
    (p) => p.rule === "destination-deleted" || p.rule === "handoff-no-destination",
  )?.message;
  const reasonError = problems.find((p) => p.rule === "invalid-reason")?.message;
  const utteranceWarning = problems.find((p) => p.rule === "long-utterance")?.message;
  const missingOverride = data.overrideFunction !== null && !functions.some((f) => f.name === data.overrideFunction);
  const overriddenBy = overrideKind(data, flowContext);

  return (
    <div className="space-y-3">
      {overriddenBy && (
        <p
          role="note"
          data-testid="override-note"
          className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1.5 text-xs text-amber-900"
        >
          Overridden by {overriddenBy} in <code className="font-mono">{data.overrideFunction}</code>: these fields apply
          only when the function does not transfer.
        </p>
      )}
      <div
        data-testid="node-own-fields"
        data-overridden={overriddenBy !== null}
        className={`space-y-3 ${overriddenBy ? "opacity-50" : ""}`}
      >
        <HandoffTargetFields
          idPrefix={nodeId}
          agentId={agentId}
          value={data}
          // Another destination: the deleted one's name no longer describes this node.
          onChange={(patch, key) =>
            update("destinationId" in patch ? { ...patch, deletedDestinationName: undefined } : patch, key)
          }
          destinations={destinations}
          variables={variables}
          deletedLabel={deletedDestinationLabel(data)}
          errors={{ destination: destinationError, reason: reasonError }}
          utteranceWarning={utteranceWarning}
          onDestinationCreated={(saved) =>
            addDestination({
              id: saved.id,
              name: saved.name,
              isDefault: saved.isDefault,
              method: saved.method,
              sipHeaders: saved.sipHeaders,
            })
          }
        />
      </div>
      <Field
        id={`${nodeId}-override`}
        label="Override function"
        error={missingOverride ? `Unknown function ${data.overrideFunction}` : undefined}
        hint="If this function calls conv.transfer_call or conv.handoff, its transfer wins over this node's destination."
      >
        <select
          id={`${nodeId}-override`}
          className={inputClass}
          value={data.overrideFunction ?? ""}
          onChange={(e) => update({ overrideFunction: e.target.value === "" ? null : e.target.value })}
        >
          <option value="">None</option>
          {functions.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
          {missingOverride && <option value={data.overrideFunction!}>{data.overrideFunction} (missing)</option>}
        </select>
        {data.overrideFunction && !missingOverride && <EditFunctionButton name={data.overrideFunction} />}
      </Field>
      <section className="space-y-2 border-t border-slate-200 pt-3" data-testid="transfer-fails">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">If the transfer fails</h3>
        {failedTarget !== null ? (
          <p className="text-xs text-slate-600" data-testid="failed-branch">
            Busy, no answer, declined or unreachable: the call takes the <strong>Failed</strong> branch to{" "}
            <strong>{failedTargetTitle ?? failedTarget}</strong>.
          </p>
        ) : (
          <>
            <VariableField
              id={`${nodeId}-fallback`}
              label="Fallback line"
              value={data.fallbackLine ?? ""}
              onChange={(fallbackLine) => update({ fallbackLine }, "fallbackLine")}
              placeholder={DEFAULT_FALLBACK_LINE}
              hint="Said when the transfer fails (busy, no answer, declined, unreachable); then the last question is asked again."
            />
            <Button
              data-testid="add-fallback"
              onClick={() =>
                addConnectedNode({ nodeId, handle: FAILED_HANDLE }, "say", { utterance: fallbackLineOf(data) })
              }
            >
              Add fallback
            </Button>
            <p className="text-xs text-slate-500">Add fallback connects the Failed branch to a new Say node.</p>
          </>
        )}
      </section>
    </div>
  );
}
