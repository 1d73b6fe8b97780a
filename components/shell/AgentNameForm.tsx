"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { FieldMessages, inputClass } from "@/components/ui/FieldMessages";
import type { AgentActionResult } from "@/lib/agents/action-results";
import { agentNameSchema } from "@/lib/agents/schema";

/** One field, used to create and to rename an agent. */
export function AgentNameForm({
  initial = "",
  submitLabel,
  onSubmit,
  onDone,
  onCancel,
}: {
  initial?: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<AgentActionResult>;
  onDone: (agent: { id: string; name: string }) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = agentNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    startTransition(async () => {
      const result = await onSubmit(name);
      if (result.ok) onDone(result.agent);
      else setError(result.fieldErrors.name ?? result.fieldErrors._form);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div>
        <label htmlFor="agent-name" className="mb-1 block text-sm font-medium">
          Agent name
        </label>
        <input
          id="agent-name"
          autoFocus
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(undefined);
          }}
          aria-invalid={!!error}
          className={inputClass}
        />
        <FieldMessages id="agent-name" error={error} />
      </div>
      <div className="flex justify-end gap-2">
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button variant="primary" type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
