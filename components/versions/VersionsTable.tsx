"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { promoteAction, restoreAction } from "@/app/agents/[agentId]/versions/actions";
import { Badge } from "@/components/ui/Badge";
import { useCan } from "@/components/ui/viewer";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import { formatUtc } from "@/lib/time/utc";
import type { VersionSummary } from "@/lib/versions/types";

type Confirm = { kind: "promote" | "restore"; number: number } | null;

/** The list of versions with their actions; promote and restore ask first. */
export function VersionsTable({ agentId, versions }: { agentId: string; versions: VersionSummary[] }) {
  const router = useRouter();
  const mayPromote = useCan("promote");
  const mayRestore = useCan("publish");
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const live = versions.find((v) => v.live)?.number ?? null;

  function run(c: NonNullable<Confirm>) {
    startTransition(async () => {
      try {
        const r = await (c.kind === "promote" ? promoteAction(agentId, c.number) : restoreAction(agentId, c.number));
        setMessage({ ok: r.ok, text: r.message });
        if (r.ok) router.refresh();
      } catch {
        setMessage({ ok: false, text: "The server did not answer; nothing changed" });
      }
      setConfirm(null);
    });
  }

  const base = `/agents/${agentId}/versions`;
  return (
    <>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          data-testid="versions-message"
          className={`mb-3 rounded-md px-3 py-2 text-sm ${message.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
        >
          {message.text}
        </p>
      )}
      <table className="w-full border-collapse overflow-hidden rounded-md border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Version</th>
            <th className="px-3 py-2">Note</th>
            <th className="px-3 py-2">Author</th>
            <th className="px-3 py-2">Published</th>
            <th className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number} data-testid="version-row" data-version={v.number} className="border-t border-slate-100">
              <td className="whitespace-nowrap px-3 py-2 font-medium">
                Version {v.number}{" "}
                {v.live && (
                  <Badge tone="green" data-testid="live-badge">
                    LIVE
                  </Badge>
                )}
              </td>
              <td className="px-3 py-2">{v.note || <span className="text-slate-500">—</span>}</td>
              <td className="px-3 py-2">{v.author}</td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600" title={v.contentHash}>
                {formatUtc(v.createdAt, "minute")}
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap justify-end gap-1.5">
                  <Link href={`${base}/${v.number}`} className="rounded-md px-2 py-1 text-brand-700 hover:bg-brand-50">
                    View
                  </Link>
                  <Link
                    href={`${base}/compare?from=${v.number}&to=draft`}
                    className="rounded-md px-2 py-1 text-brand-700 hover:bg-brand-50"
                  >
                    Compare with draft
                  </Link>
                  <a
                    href={`/agents/${agentId}/export?version=${v.number}`}
                    download
                    className="rounded-md px-2 py-1 text-brand-700 hover:bg-brand-50"
                  >
                    Export
                  </a>
                  {!v.live && mayPromote && (
                    <Button onClick={() => setConfirm({ kind: "promote", number: v.number })}>Promote to live</Button>
                  )}
                  {mayRestore && (
                    <Button onClick={() => setConfirm({ kind: "restore", number: v.number })}>Restore to draft</Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirm && (
        <Modal
          title={
            confirm.kind === "promote"
              ? `Promote version ${confirm.number} to live?`
              : `Restore version ${confirm.number}?`
          }
          onClose={() => setConfirm(null)}
          testId="version-confirm"
          footer={
            <>
              <Button onClick={() => setConfirm(null)}>Cancel</Button>
              <Button variant="primary" disabled={pending} onClick={() => run(confirm)}>
                {confirm.kind === "promote" ? "Promote to live" : "Restore to draft"}
              </Button>
            </>
          }
        >
          <p className="text-sm">
            {confirm.kind === "promote"
              ? `Real calls will run version ${confirm.number}${live === null ? "" : ` instead of version ${live}`}. ${live !== null && confirm.number < live ? "This is a rollback. " : ""}The draft does not change.`
              : `The draft becomes exactly version ${confirm.number}. The current draft is first saved as a version "Before restoring version ${confirm.number}" (unless it is already the latest version), so you can get it back.`}
          </p>
        </Modal>
      )}
    </>
  );
}
