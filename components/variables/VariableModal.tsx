"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { createVariableAction, updateVariableAction } from "@/app/agents/[agentId]/variables/actions";
import type { VariableActionResult } from "@/lib/variables/action-results";
import { variableInputSchema, type AgentVariable } from "@/lib/variables/schema";
import type { VariableUse } from "@/lib/variables/usages";
import { parseWith, type FieldErrors } from "@/lib/validation/field-errors";
import { UsageList } from "./UsageList";

/**
 * Add or edit a variable. The same zod schema as the server checks the form as you go (once a
 * field was left, or on save); a server rejection only adds errors, never clears what was typed.
 * Renaming a variable in use lists the uses first: they keep saying the old `$name`.
 */
export function VariableModal({
  agentId,
  variable,
  onClose,
}: {
  agentId: string;
  variable?: AgentVariable;
  onClose: (saved?: AgentVariable) => void;
}) {
  const [draft, setDraft] = useState({
    name: variable?.name ?? "",
    sampleValue: variable?.sampleValue ?? "",
    description: variable?.description ?? "",
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [renameUses, setRenameUses] = useState<VariableUse[] | null>(null);
  const [pending, startTransition] = useTransition();

  const parsed = parseWith(variableInputSchema, draft);
  const clientErrors = parsed.ok ? {} : parsed.fieldErrors;
  const error = (key: keyof typeof draft) =>
    attempted || touched.has(key) ? (clientErrors[key] ?? serverErrors[key]) : serverErrors[key];

  function save(confirmUsed: boolean) {
    setAttempted(true);
    if (!parsed.ok) return;
    startTransition(async () => {
      let result: VariableActionResult;
      try {
        result = variable
          ? await updateVariableAction(agentId, variable.name, draft, confirmUsed)
          : await createVariableAction(agentId, draft);
      } catch {
        setFormError("The server did not answer; nothing was saved. Try again.");
        return;
      }
      if (result.ok) return onClose(result.variable);
      if (result.usages) return setRenameUses(result.usages);
      setServerErrors(result.fieldErrors);
      setFormError(result.formError ?? null);
    });
  }

  const field = (key: keyof typeof draft) => ({
    id: `variable-${key}`,
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setDraft((d) => ({ ...d, [key]: e.target.value }));
      setServerErrors((s) => ({ ...s, [key]: undefined }) as FieldErrors);
      setRenameUses(null);
    },
    onBlur: () => setTouched((t) => new Set(t).add(key)),
    "aria-invalid": Boolean(error(key)),
    "aria-describedby": describedBy(`variable-${key}`, error(key)),
  });

  return (
    <Modal
      title={variable ? `Edit $${variable.name}` : "Add variable"}
      testId="variable-modal"
      onClose={() => onClose()}
      footer={
        <>
          <Button onClick={() => onClose()}>Cancel</Button>
          {renameUses ? (
            <Button variant="danger" onClick={() => save(true)} disabled={pending}>
              Rename anyway
            </Button>
          ) : (
            <Button variant="primary" type="submit" form="variable-form" disabled={pending}>
              {variable ? "Save" : "Add"}
            </Button>
          )}
        </>
      }
    >
      <form
        id="variable-form"
        noValidate
        className="space-y-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          save(false);
        }}
      >
        <div>
          <label htmlFor="variable-name" className="mb-1 block font-medium">
            Name
          </label>
          <div className="flex items-center gap-1">
            <span aria-hidden className="font-mono text-slate-500">
              $
            </span>
            <input
              {...field("name")}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              placeholder="account_id"
              className={`${inputClass} font-mono`}
            />
          </div>
          <FieldMessages id="variable-name" error={error("name")} />
        </div>
        <div>
          <label htmlFor="variable-sampleValue" className="mb-1 block font-medium">
            Sample value
          </label>
          <input {...field("sampleValue")} autoComplete="off" className={`${inputClass} font-mono`} />
          <FieldMessages id="variable-sampleValue" error={error("sampleValue")} />
          <p className="mt-1 text-xs text-slate-500">
            What the simulator, previews and function runs start with; a call changes it in conv.state.
          </p>
        </div>
        <div>
          <label htmlFor="variable-description" className="mb-1 block font-medium">
            Description
          </label>
          <textarea {...field("description")} rows={2} className={inputClass} />
          <FieldMessages id="variable-description" error={error("description")} />
        </div>
        {renameUses && variable && (
          <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-2 text-amber-900">
            <p>
              <span className="font-mono">${variable.name}</span> is used in {renameUses.length} place
              {renameUses.length === 1 ? "" : "s"}. Renaming does not change them: they will refer to a variable that no
              longer exists until you edit them.
            </p>
            <UsageList agentId={agentId} usages={renameUses} />
          </div>
        )}
        {formError && (
          <p role="alert" className="text-red-700">
            {formError}
          </p>
        )}
      </form>
    </Modal>
  );
}
