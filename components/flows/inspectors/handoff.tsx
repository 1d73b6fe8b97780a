"use client";

import { useState } from "react";
import { DestinationModal } from "@/components/handoffs/DestinationModal";
import { inputClass } from "@/components/ui/FieldMessages";
import { createDestinationAction } from "@/app/agents/[agentId]/handoffs/actions";
import {
  deletedDestinationLabel,
  formatSpeakingTime,
  resolveDestination,
  SPEAKING_WORDS_PER_MINUTE,
  speakingSeconds,
  type Problem,
} from "@/lib/flow";
import { SUGGESTED_REASONS } from "@/lib/handoffs/record";
import { useEditorMeta } from "@/components/flows/editor-meta";
import { useEditorStore } from "@/components/flows/store/context";
import { Field, VariableField, type InspectorProps } from "./fields";
import { EditFunctionButton } from "@/components/flows/panels/EditFunctionButton";
import { overrideKind } from "@/components/flows/panels/override";

const NEW_DESTINATION = "__new__";
const AGENT_DEFAULT = "";
const EMPTY: readonly Problem[] = [];

export function HandoffInspector({ nodeId, data, update }: InspectorProps<"handoff">) {
  const { agentId } = useEditorMeta();
  const destinations = useEditorStore((s) => s.lintContext.destinations);
  const functions = useEditorStore((s) => s.lintContext.functions);
  const flowContext = useEditorStore((s) => s.flowContext);
  const variables = useEditorStore((s) => s.variableOptions);
  const addDestination = useEditorStore((s) => s.addDestination);
  const problems = useEditorStore((s) => s.problemsByNode.get(nodeId)) ?? EMPTY;
  const [creating, setCreating] = useState(false);

  const fallback = flowContext.defaultDestination;
  const resolved = resolveDestination(data, flowContext);
  const resolvedName = "destination" in resolved ? resolved.destination.name : null;
  const deleted = data.destinationId !== null && !destinations.some((d) => d.id === data.destinationId);
  // The fields show lint's own messages, so the inspector and the problems list always agree.
  const destinationError = problems.find(
    (p) => p.rule === "destination-deleted" || p.rule === "handoff-no-destination",
  )?.message;
  const reasonError = problems.find((p) => p.rule === "invalid-reason")?.message;
  const utteranceWarning = problems.find((p) => p.rule === "long-utterance")?.message;
  const speaking = formatSpeakingTime(speakingSeconds(data.utterance));
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
        <Field id={`${nodeId}-destination`} label="Destination" error={destinationError}>
          <select
            id={`${nodeId}-destination`}
            className={inputClass}
            value={data.destinationId ?? AGENT_DEFAULT}
            onChange={(e) => {
              if (e.target.value === NEW_DESTINATION) return setCreating(true);
              if (e.target.value === data.destinationId) return;
              // Another destination: the deleted one's name no longer describes this node.
              update({
                destinationId: e.target.value === AGENT_DEFAULT ? null : e.target.value,
                deletedDestinationName: undefined,
              });
            }}
          >
            <option value={AGENT_DEFAULT}>
              {fallback ? `Agent default (${fallback.name})` : "Agent default (none set)"}
            </option>
            {destinations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.isDefault ? `${d.name} (default)` : d.name}
              </option>
            ))}
            {deleted && <option value={data.destinationId!}>{deletedDestinationLabel(data)}</option>}
            <option value={NEW_DESTINATION}>New destination…</option>
          </select>
        </Field>
        <Field
          id={`${nodeId}-reason`}
          label="Reason"
          error={reasonError}
          hint={
            data.reason === ""
              ? resolvedName
                ? `Empty: the reason sent is the destination's name, "${resolvedName}".`
                : "Empty: the destination's name is used."
              : undefined
          }
        >
          <input
            id={`${nodeId}-reason`}
            list={`${nodeId}-reasons`}
            value={data.reason}
            spellCheck={false}
            placeholder="needs_human"
            maxLength={64}
            aria-invalid={!!reasonError}
            aria-describedby={reasonError ? `${nodeId}-reason-error` : undefined}
            className={`${inputClass} font-mono`}
            onChange={(e) => update({ reason: e.target.value }, "reason")}
          />
          <datalist id={`${nodeId}-reasons`}>
            {SUGGESTED_REASONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <div className="mt-1 flex flex-wrap gap-1" aria-label="Suggested reasons">
            {SUGGESTED_REASONS.map((r) => (
              <button
                key={r}
                type="button"
                onClick={() => update({ reason: r })}
                className={`rounded-full border px-2 py-0.5 font-mono text-xs ${data.reason === r ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-600 hover:bg-slate-50"}`}
              >
                {r}
              </button>
            ))}
          </div>
        </Field>
        <VariableField
          id={`${nodeId}-utterance`}
          label="Pre-handoff utterance"
          value={data.utterance}
          onChange={(utterance) => update({ utterance }, "utterance")}
          placeholder="Connecting you to billing now…"
          multiline
          warning={utteranceWarning}
          hint={
            <span data-testid="speaking-time">
              {speaking
                ? `Spoken in ${speaking} (at ${SPEAKING_WORDS_PER_MINUTE} words a minute)`
                : "Said before the transfer starts"}
            </span>
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
      {creating && (
        <DestinationModal
          variables={[...variables]}
          onSubmit={(input) => createDestinationAction(agentId, input)}
          onClose={(saved) => {
            setCreating(false);
            if (!saved) return;
            addDestination({
              id: saved.id,
              name: saved.name,
              isDefault: saved.isDefault,
              method: saved.method,
              sipHeaders: saved.sipHeaders,
            });
            update({ destinationId: saved.id, deletedDestinationName: undefined });
          }}
        />
      )}
    </div>
  );
}
