"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { FieldMessages, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import type { FlowActionResult } from "@/lib/flow";

/** Asks for a flow name (create or rename); server errors keep the dialog and what was typed. */
export function FlowNameDialog({
  title,
  submitLabel,
  initial = "",
  withTemplate = false,
  onSubmit,
  onClose,
}: {
  title: string;
  submitLabel: string;
  initial?: string;
  withTemplate?: boolean;
  onSubmit: (name: string, template: "blank" | "demo") => Promise<FlowActionResult>;
  onClose: (result?: FlowActionResult & { ok: true }) => void;
}) {
  const [name, setName] = useState(initial);
  const [template, setTemplate] = useState<"blank" | "demo">("blank");
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (name.trim() === "") return setError("Enter a name");
    startTransition(async () => {
      const r = await onSubmit(name, template);
      if (r.ok) onClose(r);
      else setError(r.fieldErrors.name ?? r.fieldErrors._form ?? "Could not save");
    });
  }

  return (
    <Modal
      title={title}
      onClose={() => onClose()}
      footer={
        <>
          <Button onClick={() => onClose()}>Cancel</Button>
          <Button variant="primary" type="submit" form="flow-name-form" disabled={pending}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id="flow-name-form" noValidate onSubmit={submit} className="space-y-3">
        <div>
          <label htmlFor="flow-name" className="mb-1 block text-sm font-medium">
            Flow name
          </label>
          <input
            id="flow-name"
            autoFocus
            value={name}
            aria-invalid={!!error}
            onChange={(e) => {
              setName(e.target.value);
              setError(undefined);
            }}
            className={inputClass}
          />
          <FieldMessages id="flow-name" error={error} />
        </div>
        {withTemplate && (
          <fieldset className="space-y-1 text-sm">
            <legend className="mb-1 font-medium">Start from</legend>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="template"
                checked={template === "blank"}
                onChange={() => setTemplate("blank")}
              />
              A start node only
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="template" checked={template === "demo"} onChange={() => setTemplate("demo")} />
              The example support flow (greeting, intents, tier check, handoffs)
            </label>
          </fieldset>
        )}
      </form>
    </Modal>
  );
}
