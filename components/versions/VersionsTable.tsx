"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { promoteAction, restoreAction, rollbackAction } from "@/app/agents/[agentId]/versions/actions";
import { Badge } from "@/components/ui/Badge";
import { useCan } from "@/components/ui/viewer";
import { Button } from "@/components/ui/Button";
import { Modal } from "@/components/ui/Modal";
import { formatUtc } from "@/lib/time/utc";
import type { VersionSummary } from "@/lib/versions/types";
import type { Environment } from "@/lib/versions/environments";

type Confirm =
  | { kind: "promote"; number: number; to: Environment }
  | { kind: "restore"; number: number }
  | { kind: "rollback"; env: Environment }
  | null;

/**
 * The list of versions with their actions; promote (one step: pre-release, then live), rollback and
 * restore ask first.
 */
export function VersionsTable({
  agentId,
  versions,
  canRollBack,
}: {
  agentId: string;
  versions: VersionSummary[];
  /** Environments with a promotion a rollback can undo. */
  canRollBack: Environment[];
}) {
  const router = useRouter();
  const mayPromote = useCan("promote");
  const mayRestore = useCan("publish");
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const live = versions.find((v) => v.live)?.number ?? null;
  const preRelease = versions.find((v) => v.preRelease)?.number ?? null;

  function run(c: NonNullable<Confirm>) {
    startTransition(async () => {
      try {
        const r = await (c.kind === "promote"
          ? promoteAction(agentId, c.number, c.to)
          : c.kind === "rollback"
            ? rollbackAction(agentId, c.env)
            : restoreAction(agentId, c.number));
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
      {mayPromote && canRollBack.length > 0 && (
        <div className="mb-3 flex flex-wrap gap-2">
          {canRollBack.map((env) => (
            <Button key={env} onClick={() => setConfirm({ kind: "rollback", env })}>
              Roll back {env}
            </Button>
          ))}
        </div>
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
                )}{" "}
                {v.preRelease && (
                  <Badge tone="amber" data-testid="pre-release-badge">
                    PRE-RELEASE
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
                  {!v.live && !v.preRelease && mayPromote && (
                    <Button onClick={() => setConfirm({ kind: "promote", number: v.number, to: "pre-release" })}>
                      Promote to pre-release
                    </Button>
                  )}
                  {v.preRelease && !v.live && mayPromote && (
                    <Button onClick={() => setConfirm({ kind: "promote", number: v.number, to: "live" })}>
                      Promote to live
                    </Button>
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
              ? `Promote version ${confirm.number} to ${confirm.to}?`
              : confirm.kind === "rollback"
                ? `Roll back ${confirm.env}?`
                : `Restore version ${confirm.number}?`
          }
          onClose={() => setConfirm(null)}
          testId="version-confirm"
          footer={
            <>
              <Button onClick={() => setConfirm(null)}>Cancel</Button>
              <Button variant="primary" disabled={pending} onClick={() => run(confirm)}>
                {confirm.kind === "promote"
                  ? `Promote to ${confirm.to}`
                  : confirm.kind === "rollback"
                    ? `Roll back ${confirm.env}`
                    : "Restore to draft"}
              </Button>
            </>
          }
        >
          <p className="text-sm">
            {confirm.kind === "promote"
              ? confirm.to === "live"
                ? `Real calls will run version ${confirm.number}${live === null ? "" : ` instead of version ${live}`}. The draft does not change.`
                : `Version ${confirm.number} goes to pre-release${preRelease === null ? "" : ` instead of version ${preRelease}`}: run it in the simulator and its scenarios before promoting it to live. Real calls do not change.`
              : confirm.kind === "rollback"
                ? `${confirm.env === "live" ? "Live" : "Pre-release"} returns to the version it had before its last promotion.`
                : `The draft becomes exactly version ${confirm.number}. The current draft is first saved as a version "Before restoring version ${confirm.number}" (unless it is already the latest version), so you can get it back.`}
          </p>
        </Modal>
      )}
    </>
  );
}
