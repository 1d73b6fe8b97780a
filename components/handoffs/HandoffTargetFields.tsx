"use client";

import { useState } from "react";
import { Field } from "@/components/ui/Field";
import { describedBy, inputClass } from "@/components/ui/FieldMessages";
import { VariableInput, type VariableOption } from "@/components/ui/VariableInput";
import { createDestinationAction } from "@/app/agents/[agentId]/handoffs/actions";
import { formatSpeakingTime, SPEAKING_WORDS_PER_MINUTE, speakingSeconds } from "@/lib/flow/speaking-time";
import { SUGGESTED_REASONS } from "@/lib/handoffs/record";
import type { HandoffDestination } from "@/lib/handoffs/types";
import { DestinationModal } from "./DestinationModal";

const NEW_DESTINATION = "__new__";
const AGENT_DEFAULT = "";

export interface HandoffTarget {
  /** null: the agent's default destination. */
  destinationId: string | null;
  reason: string;
  utterance: string;
}

export type DestinationOption = Pick<HandoffDestination, "id" | "name" | "isDefault">;

/**
 * Where a builtin handoff goes and what it says: the Destination picker (with "Agent default" and
 * "New destination…", which opens the destination form and selects what it saves), the Reason with
 * its suggested codes, and the Pre-handoff utterance with its speaking time. The flow's handoff
 * inspector and the knowledge topic form both use it, so the two always look and behave alike.
 */
export function HandoffTargetFields({
  idPrefix,
  agentId,
  value,
  onChange,
  destinations,
  variables,
  deletedLabel = "Deleted destination",
  errors = {},
  utteranceWarning,
  onDestinationCreated,
}: {
  /** Prefix of the field ids (`<prefix>-destination`, `-reason`, `-utterance`). */
  idPrefix: string;
  agentId: string;
  value: HandoffTarget;
  /** `key` names the field being typed in (the flow editor groups typing into one undo step by it). */
  onChange: (patch: Partial<HandoffTarget>, key?: string) => void;
  destinations: readonly DestinationOption[];
  variables: readonly VariableOption[];
  /** How the picker names a chosen destination that no longer exists. */
  deletedLabel?: string;
  errors?: { destination?: string; reason?: string; utterance?: string };
  utteranceWarning?: string;
  onDestinationCreated?: (saved: HandoffDestination) => void;
}) {
  const [creating, setCreating] = useState(false);
  const fallback = destinations.find((d) => d.isDefault) ?? null;
  const deleted = value.destinationId !== null && !destinations.some((d) => d.id === value.destinationId);
  const resolvedName =
    value.destinationId === null
      ? (fallback?.name ?? null)
      : (destinations.find((d) => d.id === value.destinationId)?.name ?? null);
  const speaking = formatSpeakingTime(speakingSeconds(value.utterance));
  const ids = {
    destination: `${idPrefix}-destination`,
    reason: `${idPrefix}-reason`,
    utterance: `${idPrefix}-utterance`,
  };
  const utteranceDescribed = [
    errors.utterance ? undefined : `${ids.utterance}-hint`,
    describedBy(ids.utterance, errors.utterance, utteranceWarning),
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <>
      <Field id={ids.destination} label="Destination" error={errors.destination}>
        <select
          id={ids.destination}
          className={inputClass}
          value={value.destinationId ?? AGENT_DEFAULT}
          aria-invalid={!!errors.destination}
          onChange={(e) => {
            if (e.target.value === NEW_DESTINATION) return setCreating(true);
            if (e.target.value === value.destinationId) return;
            onChange({ destinationId: e.target.value === AGENT_DEFAULT ? null : e.target.value });
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
          {deleted && <option value={value.destinationId!}>{deletedLabel}</option>}
          <option value={NEW_DESTINATION}>New destination…</option>
        </select>
      </Field>
      <Field
        id={ids.reason}
        label="Reason"
        error={errors.reason}
        hint={
          value.reason === ""
            ? resolvedName
              ? `Empty: the reason sent is the destination's name, "${resolvedName}".`
              : "Empty: the destination's name is used."
            : undefined
        }
      >
        <input
          id={ids.reason}
          list={`${idPrefix}-reasons`}
          value={value.reason}
          spellCheck={false}
          placeholder="needs_human"
          maxLength={64}
          aria-invalid={!!errors.reason}
          aria-describedby={errors.reason ? `${ids.reason}-error` : undefined}
          className={`${inputClass} font-mono`}
          onChange={(e) => onChange({ reason: e.target.value }, "reason")}
        />
        <datalist id={`${idPrefix}-reasons`}>
          {SUGGESTED_REASONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <div className="mt-1 flex flex-wrap gap-1" aria-label="Suggested reasons">
          {SUGGESTED_REASONS.map((r) => (
            <button
              key={r}
              type="button"
              onClick={() => onChange({ reason: r })}
              className={`rounded-full border px-2 py-0.5 font-mono text-xs ${value.reason === r ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-600 hover:bg-slate-50"}`}
            >
              {r}
            </button>
          ))}
        </div>
      </Field>
      <Field
        id={ids.utterance}
        label="Pre-handoff utterance"
        error={errors.utterance}
        warning={utteranceWarning}
        hint={
          <span data-testid="speaking-time">
            {speaking
              ? `Spoken in ${speaking} (at ${SPEAKING_WORDS_PER_MINUTE} words a minute)`
              : "Said before the transfer starts"}
          </span>
        }
      >
        <VariableInput
          id={ids.utterance}
          value={value.utterance}
          onChange={(utterance) => onChange({ utterance }, "utterance")}
          variables={variables}
          placeholder="Connecting you to billing now…"
          multiline
          aria-invalid={!!errors.utterance}
          aria-describedby={utteranceDescribed || undefined}
        />
      </Field>
      {creating && (
        <DestinationModal
          variables={variables}
          onSubmit={(input) => createDestinationAction(agentId, input)}
          onClose={(saved) => {
            setCreating(false);
            if (!saved) return;
            onDestinationCreated?.(saved);
            onChange({ destinationId: saved.id });
          }}
        />
      )}
    </>
  );
}
