"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { FieldMessages, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import type { HandoffActionResult } from "@/lib/handoffs/action-results";
import type { HandoffDestination } from "@/lib/handoffs/types";

export function DeleteDestinationDialog({
  destination,
  onConfirm,
  onClose,
}: {
  destination: HandoffDestination;
  onConfirm: (typed: string) => Promise<HandoffActionResult>;
  onClose: (deleted: boolean) => void;
}) {
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const matches = typed === destination.name;

  function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (!matches) return;
    startTransition(async () => {
      const result = await onConfirm(typed);
      if (result.ok) return onClose(true);
      setError(result.fieldErrors.confirmation ?? result.formError ?? "Could not delete");
    });
  }

  return (
    <Modal
      title={`Delete ${destination.name}?`}
      onClose={() => onClose(false)}
      testId="delete-dialog"
      footer={
        <>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button variant="danger" type="submit" form="delete-destination-form" disabled={!matches || pending}>
            Delete destination
          </Button>
        </>
      }
    >
      <form id="delete-destination-form" onSubmit={confirm} className="space-y-3 text-sm">
        <p>
          Flows and functions that hand off to <strong>{destination.name}</strong> will no longer find it.
          {destination.isDefault && " Another destination will become the default."} This cannot be undone.
        </p>
        <label htmlFor="delete-confirmation" className="block font-medium">
          Type <span className="font-mono">{destination.name}</span> to confirm
        </label>
        <input
          id="delete-confirmation"
          autoFocus
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          className={inputClass}
        />
        <FieldMessages id="delete-confirmation" error={error} />
      </form>
    </Modal>
  );
}
