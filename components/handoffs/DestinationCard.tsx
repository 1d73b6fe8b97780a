import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { METHOD_INFO, type HandoffDestination } from "@/lib/handoffs/types";
import type { DestinationUsage } from "@/lib/flow/destination-usages";
import type { TopicUsage } from "@/lib/topics/destination-usages";
import { usageCount, usageList } from "./usage";

const METHOD_TONE = { refer: "blue", invite: "violet", bye: "amber" } as const;

export function DestinationCard({
  destination: d,
  usages,
  topicUsages = [],
  busy,
  onEdit,
  onDuplicate,
  onDelete,
  onSetDefault,
  extraActions,
  readOnly = false,
}: {
  destination: HandoffDestination;
  /** Flow nodes that hand off here (by name, or via "Agent default" while this is the default). */
  usages: readonly DestinationUsage[];
  /** Knowledge topics whose builtin handoff goes here. */
  topicUsages?: readonly TopicUsage[];
  busy: boolean;
  /** A role that may not change destinations sees the card without Edit, Duplicate, default or Delete. */
  readOnly?: boolean;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onSetDefault: () => void;
  extraActions?: React.ReactNode;
}) {
  const headerCount = d.sipHeaders.length;
  return (
    <article
      data-testid="destination-card"
      data-name={d.name}
      aria-label={d.name}
      className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="font-semibold" data-testid="destination-name">
          {d.name}
        </h3>
        <div className="flex shrink-0 gap-1">
          {d.isDefault && (
            <Badge tone="green" data-testid="default-badge">
              default
            </Badge>
          )}
          <Badge tone={METHOD_TONE[d.method]} data-testid="method-badge">
            {METHOD_INFO[d.method].badge}
          </Badge>
        </div>
      </div>
      {d.description && <p className="mt-1 text-sm text-slate-600">{d.description}</p>}
      <dl className="mt-3 space-y-1 text-sm">
        <div className="flex gap-2">
          <dt className="w-16 shrink-0 text-slate-500">Route</dt>
          <dd
            className="truncate font-mono text-xs leading-5"
            data-testid="destination-route"
            title={d.route ?? undefined}
          >
            {d.route ?? <span className="font-sans text-slate-500">none: hands the call back</span>}
          </dd>
        </div>
        {d.method !== "bye" && (
          <div className="flex gap-2">
            <dt className="w-16 shrink-0 text-slate-500">Transfer</dt>
            <dd data-testid="transfer-settings">
              rings {d.ringTimeoutSeconds} s · {d.attempts} attempt{d.attempts > 1 ? "s" : ""}
            </dd>
          </div>
        )}
        {d.method === "invite" && (d.outboundEndpoint !== null || d.outboundEncryption !== "UDP/RTP") && (
          <div className="flex gap-2">
            <dt className="w-16 shrink-0 text-slate-500">Via</dt>
            <dd className="truncate text-xs leading-5" data-testid="outbound-settings">
              {d.outboundEndpoint !== null && <span className="font-mono">{d.outboundEndpoint}</span>}
              {d.outboundEndpoint !== null && " · "}
              {d.outboundEncryption}
            </dd>
          </div>
        )}
        <div className="flex gap-2">
          <dt className="w-16 shrink-0 text-slate-500">Used by</dt>
          <dd data-testid="usage-count" title={usageList(usages, topicUsages) || undefined}>
            {usageCount(usages, topicUsages)}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="w-16 shrink-0 text-slate-500">Headers</dt>
          <dd data-testid="header-count" title={d.sipHeaders.map((h) => `${h.name}: ${h.value}`).join("\n")}>
            {headerCount === 0 ? "none" : `${headerCount} header${headerCount > 1 ? "s" : ""}`}
          </dd>
        </div>
      </dl>
      <div className="mt-auto flex flex-wrap items-center gap-1 pt-4 [&_button]:px-2 [&_button]:py-1 [&_button]:text-xs">
        {!readOnly && (
          <>
            <Button onClick={onEdit} disabled={busy}>
              Edit
            </Button>
            <Button onClick={onDuplicate} disabled={busy}>
              Duplicate
            </Button>
            {!d.isDefault && (
              <Button onClick={onSetDefault} disabled={busy}>
                Set as default
              </Button>
            )}
          </>
        )}
        {extraActions}
        {!readOnly && (
          <Button variant="ghost" className="ml-auto text-red-700" onClick={onDelete} disabled={busy}>
            Delete
          </Button>
        )}
      </div>
    </article>
  );
}
