"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publishAction } from "@/app/agents/[agentId]/versions/actions";
import { useCan } from "@/components/ui/viewer";
import { Button } from "@/components/ui/Button";
import { FieldMessages, inputClass } from "@/components/ui/FieldMessages";
import { Modal } from "@/components/ui/Modal";
import { flushPendingSaves } from "@/components/ui/pending-saves";
import type { PublishResult } from "@/lib/versions/action-results";
import { MAX_NOTE_LENGTH } from "@/lib/versions/types";

type Outcome = Exclude<PublishResult, { ok: true }> | { ok: true; number: number };

/**
 * Publish (in the top bar on every Build page): a note, then the draft becomes the next version.
 * An unchanged draft creates nothing and says so; a draft with lint errors lists them and asks
 * before publishing.
 */
export function PublishButton({ agentId }: { agentId: string }) {
  const mayPublish = useCan("publish");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();

  function publish(acceptLintErrors?: string) {
    startTransition(async () => {
      try {
        // An edit in an open flow editor may still be waiting for its autosave.
        await flushPendingSaves();
        const r = await publishAction(agentId, { note, acceptLintErrors });
        setOutcome(r.ok ? { ok: true, number: r.version.number } : r);
        if (r.ok) {
          setNote("");
          router.refresh();
        }
      } catch {
        setOutcome({ ok: false, status: "not_found", message: "The server did not answer; nothing was published" });
      }
    });
  }

  const close = () => {
    setOpen(false);
    setOutcome(null);
  };
  const lint = outcome && !outcome.ok && outcome.status === "lint_errors" ? outcome : null;
  const done = outcome?.ok ? outcome : null;

  // Roles that may not publish do not see the button (the server refuses them anyway).
  if (!mayPublish) return null;
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)} data-testid="publish-button">
        Publish
      </Button>
      {open && (
        <Modal
          title="Publish the draft"
          onClose={close}
          testId="publish-dialog"
          wide={lint !== null}
          footer={
            done ? (
              <Button variant="primary" onClick={close}>
                Done
              </Button>
            ) : (
              <>
                <Button onClick={close}>Cancel</Button>
                {lint ? (
                  <Button variant="danger" disabled={pending} onClick={() => publish(lint.draftHash)}>
                    Publish anyway
                  </Button>
                ) : (
                  <Button variant="primary" disabled={pending} onClick={() => publish()}>
                    {pending ? "Publishing…" : "Publish"}
                  </Button>
                )}
              </>
            )
          }
        >
          {done ? (
            <p role="status" className="text-sm" data-testid="publish-result">
              Published version {done.number}.{" "}
              <Link href={`/agents/${agentId}/versions`} className="text-brand-700 underline" onClick={close}>
                See versions
              </Link>
            </p>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-slate-600">
                The draft (flows, destinations, functions, variables and settings) becomes the next version. Versions
                never change; calls run only the live one.
              </p>
              <div>
                <label htmlFor="publish-note" className="mb-1 block text-sm font-medium">
                  Note (optional)
                </label>
                <textarea
                  id="publish-note"
                  rows={3}
                  maxLength={MAX_NOTE_LENGTH}
                  value={note}
                  onChange={(e) => {
                    setNote(e.target.value);
                    if (outcome && !outcome.ok && outcome.status !== "lint_errors") setOutcome(null);
                  }}
                  placeholder="What changed?"
                  className={inputClass}
                />
                <FieldMessages
                  id="publish-note"
                  error={outcome && !outcome.ok && outcome.status === "invalid" ? outcome.fieldErrors.note : undefined}
                />
              </div>
              {outcome && !outcome.ok && (outcome.status === "unchanged" || outcome.status === "not_found") && (
                <p role="alert" className="text-sm text-amber-800" data-testid="publish-message">
                  {outcome.message}
                </p>
              )}
              {lint && (
                <div role="alert" data-testid="publish-lint-errors">
                  <p className="mb-1 text-sm font-medium text-red-700">{lint.message}</p>
                  <ul className="max-h-60 list-disc space-y-0.5 overflow-y-auto pl-5 text-sm">
                    {lint.errors.map((e, i) => (
                      <li key={i}>{e}</li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          )}
        </Modal>
      )}
    </>
  );
}
