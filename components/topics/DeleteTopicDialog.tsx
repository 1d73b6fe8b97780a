"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import type { TopicActionResult } from "@/lib/topics/action-results";
import type { Topic } from "@/lib/topics/types";

export function DeleteTopicDialog({
  topic,
  onConfirm,
  onClose,
}: {
  topic: Topic;
  onConfirm: () => Promise<TopicActionResult>;
  onClose: (deleted: boolean) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Modal
      title={`Delete ${topic.name}?`}
      onClose={() => onClose(false)}
      testId="delete-topic-dialog"
      footer={
        <>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const r = await onConfirm();
                if (r.ok) return onClose(true);
                setError(r.formError ?? "Could not delete");
              })
            }
          >
            Delete topic
          </Button>
        </>
      }
    >
      <p className="text-sm">
        Callers asking about <strong>{topic.name}</strong> will no longer be answered by it. Published versions keep it.
        This cannot be undone.
      </p>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </Modal>
  );
}
