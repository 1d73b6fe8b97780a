"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { VariableInput, type VariableOption } from "@/components/ui/VariableInput";
import {
  HandoffTargetFields,
  type DestinationOption,
  type HandoffTarget,
} from "@/components/handoffs/HandoffTargetFields";
import type { TopicActionResult } from "@/lib/topics/action-results";
import { lintTopics, type TopicProblem } from "@/lib/topics/lint";
import { parseTopicInput, splitQuestions } from "@/lib/topics/schema";
import { TOPIC_ACTION_KINDS, TOPIC_ACTION_LABELS, type Topic, type TopicActionKind } from "@/lib/topics/types";
import type { FieldErrors } from "@/lib/validation/field-errors";

interface Draft {
  name: string;
  questions: string;
  content: string;
  kind: TopicActionKind;
  // Each action's fields are kept while another is chosen, so switching back loses nothing.
  handoff: HandoffTarget;
  functionName: string;
  enabled: boolean;
}

function draftFrom(t: Topic | undefined, functions: readonly string[]): Draft {
  const a = t?.action;
  return {
    name: t?.name ?? "",
    questions: t?.sampleQuestions.join("\n") ?? "",
    content: t?.content ?? "",
    kind: a?.kind ?? "none",
    handoff:
      a?.kind === "builtin-handoff"
        ? { destinationId: a.destinationId, reason: a.reason, utterance: a.utterance }
        : { destinationId: null, reason: "", utterance: "" },
    functionName: a?.kind === "function" ? a.functionName : (functions[0] ?? ""),
    enabled: t?.enabled ?? true,
  };
}

function inputOf(d: Draft) {
  return {
    name: d.name,
    sampleQuestions: splitQuestions(d.questions),
    content: d.content,
    action:
      d.kind === "builtin-handoff"
        ? { kind: d.kind, ...d.handoff }
        : d.kind === "function"
          ? { kind: d.kind, functionName: d.functionName }
          : { kind: d.kind },
    enabled: d.enabled,
  };
}

/**
 * Add / edit a knowledge topic. Errors come from the schema the server uses (shown once a field was
 * left or a save attempted) and from topic lint (a deleted destination, no default). A server
 * rejection only adds errors: nothing typed is lost.
 */
export function TopicModal({
  agentId,
  topic,
  warnings,
  readOnly,
  destinations,
  functions,
  variables,
  onDestinationCreated,
  onSubmit,
  onClose,
}: {
  agentId: string;
  topic?: Topic;
  /** Lint warnings the page found for this topic (a listen branch that always wins). */
  warnings: readonly TopicProblem[];
  readOnly: boolean;
  destinations: readonly DestinationOption[];
  functions: readonly string[];
  variables: readonly VariableOption[];
  onDestinationCreated: (d: DestinationOption) => void;
  onSubmit: (input: ReturnType<typeof inputOf>) => Promise<TopicActionResult>;
  onClose: (saved?: Topic) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(topic, functions));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const input = inputOf(draft);
  const parsed = parseTopicInput(input);
  const clientErrors = parsed.ok ? {} : parsed.fieldErrors;
  const lint = lintTopics(
    [{ name: draft.name, sampleQuestions: input.sampleQuestions, action: input.action as Topic["action"] }],
    {
      destinations,
      functions: functions.map((name) => ({ name })),
      flows: [],
    },
  );
  const shown = (key: string) => attempted || touched.has(key);
  const errorOf = (key: string) =>
    serverErrors[key] ?? (shown(key) ? clientErrors[key] : undefined) ?? lint.find((p) => p.path === key)?.message;
  const touch = (key: string) => setTouched((t) => new Set(t).add(key));
  const edit = (patch: Partial<Draft>, keys: string[] = []) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (keys.length > 0)
      setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))));
  };

  function save(e: React.FormEvent) {
    e.preventDefault();
    setAttempted(true);
    if (!parsed.ok) return;
    startTransition(async () => {
      const result = await onSubmit(input);
      if (result.ok) return onClose(result.topic);
      setServerErrors(result.fieldErrors);
      setFormError(result.formError ?? null);
    });
  }

  const shadow = warnings.find((w) => w.path === "sampleQuestions")?.message;
  const fieldsetClass = readOnly ? "pointer-events-none opacity-70" : "";
  return (
    <Modal
      title={readOnly ? (topic?.name ?? "Topic") : topic ? `Edit ${topic.name}` : "Add topic"}
      onClose={() => onClose()}
      wide
      testId="topic-modal"
      footer={
        <>
          <Button onClick={() => onClose()}>{readOnly ? "Close" : "Cancel"}</Button>
          {!readOnly && (
            <Button variant="primary" type="submit" form="topic-form" disabled={pending}>
              {topic ? "Save topic" : "Add topic"}
            </Button>
          )}
        </>
      }
    >
      <form id="topic-form" onSubmit={save} className="space-y-4" noValidate>
        {formError && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {formError}
          </p>
        )}
        <fieldset disabled={readOnly} className={`space-y-4 ${fieldsetClass}`}>
          <Field id="topic-name" label="Name" error={errorOf("name")}>
            <input
              id="topic-name"
              value={draft.name}
              maxLength={80}
              autoFocus
              onChange={(e) => edit({ name: e.target.value }, ["name"])}
              onBlur={() => touch("name")}
              aria-invalid={!!errorOf("name")}
              aria-describedby={describedBy("topic-name", errorOf("name"))}
              className={inputClass}
            />
          </Field>
          <Field
            id="topic-questions"
            label="Sample questions"
            error={errorOf("sampleQuestions")}
            warning={shadow}
            hint="One per line: what callers say when they ask about this topic."
          >
            <textarea
              id="topic-questions"
              rows={4}
              value={draft.questions}
              onChange={(e) => edit({ questions: e.target.value }, ["sampleQuestions"])}
              onBlur={() => touch("sampleQuestions")}
              aria-invalid={!!errorOf("sampleQuestions")}
              aria-describedby={describedBy("topic-questions", errorOf("sampleQuestions"), shadow)}
              className={inputClass}
            />
          </Field>
          <Field
            id="topic-content"
            label="Content"
            error={errorOf("content")}
            hint="What the agent says when the topic matches; $variables are filled in."
          >
            <VariableInput
              id="topic-content"
              value={draft.content}
              onChange={(content) => edit({ content }, ["content"])}
              variables={variables}
              multiline
              rows={3}
              aria-invalid={!!errorOf("content")}
              aria-describedby={describedBy("topic-content", errorOf("content"))}
            />
          </Field>
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Action</legend>
            <div className="flex flex-wrap gap-4 text-sm" role="radiogroup">
              {TOPIC_ACTION_KINDS.map((k) => (
                <label key={k} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="topic-action"
                    value={k}
                    checked={draft.kind === k}
                    onChange={() => edit({ kind: k }, ["action"])}
                  />
                  {TOPIC_ACTION_LABELS[k]}
                </label>
              ))}
            </div>
          </fieldset>
          {draft.kind === "builtin-handoff" && (
            <div className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="topic-handoff-fields">
              <HandoffTargetFields
                idPrefix="topic"
                agentId={agentId}
                value={draft.handoff}
                onChange={(patch) =>
                  edit(
                    { handoff: { ...draft.handoff, ...patch } },
                    Object.keys(patch).map((k) => `action.${k}`),
                  )
                }
                destinations={destinations}
                variables={variables}
                errors={{
                  destination: errorOf("action.destinationId"),
                  reason: errorOf("action.reason"),
                  utterance: errorOf("action.utterance"),
                }}
                onDestinationCreated={(d) => onDestinationCreated({ id: d.id, name: d.name, isDefault: d.isDefault })}
              />
            </div>
          )}
          {draft.kind === "function" && (
            <Field
              id="topic-function"
              label="Function"
              error={errorOf("action.functionName")}
              hint={functions.length === 0 ? "This agent has no functions yet: add one under Functions." : undefined}
            >
              <select
                id="topic-function"
                value={draft.functionName}
                onChange={(e) => edit({ functionName: e.target.value }, ["action.functionName"])}
                className={`${inputClass} font-mono`}
              >
                {!functions.includes(draft.functionName) && (
                  <option value={draft.functionName}>{draft.functionName || "Choose a function"}</option>
                )}
                {functions.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(e) => edit({ enabled: e.target.checked })}
              className="h-4 w-4 accent-brand-600"
            />
            Enabled (matched during calls)
          </label>
        </fieldset>
      </form>
    </Modal>
  );
}
