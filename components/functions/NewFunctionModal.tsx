"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { createFunctionAction } from "@/app/agents/[agentId]/functions/actions";
import { functionNameError, type FieldErrors, type FunctionTemplateId } from "@/lib/functions/schema";
import { FUNCTION_TEMPLATES } from "@/lib/functions/templates";
import type { AgentFunction } from "@/lib/functions/types";

export function NewFunctionModal({
  agentId,
  taken,
  onClose,
}: {
  agentId: string;
  taken: readonly string[];
  onClose: (created: AgentFunction | null) => void;
}) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [template, setTemplate] = useState<FunctionTemplateId>("transfer_call");
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();

  const localName =
    functionNameError(name.trim()) ??
    (taken.includes(name.trim()) ? `A function named ${name.trim()} already exists for this agent` : null);
  const nameError = errors.name ?? (touched ? (localName ?? undefined) : undefined);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (localName) return;
    startTransition(async () => {
      const result = await createFunctionAction(agentId, { name, description, template });
      if (result.ok) return onClose(result.function);
      setErrors({ ...result.fieldErrors, ...(result.formError ? { _form: result.formError } : {}) });
    });
  }

  return (
    <Modal
      title="New function"
      wide
      testId="new-function-modal"
      onClose={() => onClose(null)}
      footer={
        <>
          <Button onClick={() => onClose(null)}>Cancel</Button>
          <Button variant="primary" type="submit" form="new-function-form" disabled={pending}>
            Create
          </Button>
        </>
      }
    >
      <form id="new-function-form" onSubmit={submit} className="space-y-4 text-sm" noValidate>
        <div>
          <label htmlFor="fn-name" className="mb-1 block font-medium">
            Name
          </label>
          <input
            id="fn-name"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            placeholder="route_vip"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setErrors({});
            }}
            onBlur={() => setTouched(true)}
            aria-invalid={Boolean(nameError)}
            aria-describedby={describedBy("fn-name", nameError)}
            className={`${inputClass} font-mono`}
          />
          <p className="mt-1 text-xs text-slate-500">
            A Python name (letters, digits, _): the code defines{" "}
            <code className="font-mono">def {name.trim() || "name"}(conv):</code>
          </p>
          <FieldMessages id="fn-name" error={nameError} />
        </div>
        <div>
          <label htmlFor="fn-description" className="mb-1 block font-medium">
            Description
          </label>
          <input
            id="fn-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            className={inputClass}
          />
          <FieldMessages id="fn-description" error={errors.description} />
        </div>
        <fieldset>
          <legend className="mb-1 font-medium">Start from</legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {FUNCTION_TEMPLATES.map((t) => (
              <label
                key={t.id}
                className={`cursor-pointer rounded-md border p-3 ${template === t.id ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}
              >
                <span className="flex items-center gap-2 font-medium">
                  <input
                    type="radio"
                    name="template"
                    value={t.id}
                    checked={template === t.id}
                    onChange={() => setTemplate(t.id)}
                  />
                  {t.label}
                </span>
                <span className="mt-1 block text-xs text-slate-600">{t.description}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <FieldMessages id="fn-form" error={errors._form} />
      </form>
    </Modal>
  );
}
