import Link from "next/link";
import { Badge } from "@/components/ui/Badge";
import { Tabs } from "@/components/ui/Tabs";
import type { Conversation } from "@/lib/conversations/schema";
import { formatUtc } from "@/lib/time/utc";
import { ConversationTranscript, NodePath } from "./ConversationTranscript";
import { DetailsPanel } from "./DetailsPanel";
import { formatDuration, ranLabel } from "./format";
import { LogsPanel } from "./LogsPanel";
import { MetricsPanel } from "./MetricsPanel";
import { OutcomeBadge } from "./OutcomeBadge";
import { SipTracePanel } from "./SipTracePanel";

/** One stored conversation: transcript and path on the left, the metadata tabs on the right. */
export function ConversationView({
  conversation: c,
  listHref,
  flow,
}: {
  conversation: Conversation;
  listHref: string;
  /** The flow the call ran (its name now; null when that flow was deleted), or null when none was recorded. */
  flow: { id: string; name: string | null } | null;
}) {
  return (
    <section className="mx-auto max-w-6xl px-6 py-6" data-testid="conversation" data-id={c.id}>
      <Link href={listHref} className="text-sm text-brand-700 hover:underline">
        ← Conversation Review
      </Link>
      <header className="mb-5 mt-2 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Conversation</h1>
          <p className="mt-1 font-mono text-xs text-slate-500" data-testid="conversation-id">
            {c.id}
          </p>
        </div>
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          <Meta label="Started">
            <time dateTime={c.started_at}>{formatUtc(c.started_at)}</time>
          </Meta>
          <Meta label="Duration">{formatDuration(c.duration_ms)}</Meta>
          <Meta label="Outcome">
            <OutcomeBadge outcome={c.outcome} />
          </Meta>
          <Meta label="Flow">
            <span data-testid="conversation-flow">
              {flow === null ? (
                <span className="text-slate-400">—</span>
              ) : flow.name === null ? (
                <span className="text-slate-500" title={flow.id}>
                  deleted flow
                </span>
              ) : (
                <Link href={`/agents/${c.agent_id}/flows/${flow.id}`} className="text-brand-700 hover:underline">
                  {flow.name}
                </Link>
              )}
            </span>
          </Meta>
          <Meta label="Channel">
            <Badge>{c.channel}</Badge>
          </Meta>
          <Meta label="Ran">
            <span data-testid="conversation-version">{ranLabel(c.version)}</span>
          </Meta>
        </dl>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
        <div className="space-y-4">
          <section aria-labelledby="path-heading" className="rounded-lg border border-slate-200 bg-slate-50 p-3">
            <h2 id="path-heading" className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              Path
            </h2>
            <NodePath path={c.path} titles={c.node_titles} />
          </section>
          <section aria-labelledby="transcript-heading" className="rounded-lg border border-slate-200 bg-white p-3">
            <h2 id="transcript-heading" className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              Transcript
            </h2>
            <ConversationTranscript turns={c.turns} startedAt={c.started_at} titles={c.node_titles} />
          </section>
        </div>
        <section aria-label="Call metadata" className="rounded-lg border border-slate-200 bg-white p-3">
          <Tabs
            label="Call metadata"
            tabs={[
              { id: "details", label: "Details", content: <DetailsPanel conversation={c} /> },
              {
                id: "metrics",
                label: `Metrics (${c.metrics.length})`,
                content: <MetricsPanel metrics={c.metrics} startedAt={c.started_at} />,
              },
              {
                id: "sip",
                label: "SIP trace",
                content: <SipTracePanel trace={c.sip_trace} conversationId={c.id} startedAt={c.started_at} />,
              },
              {
                id: "logs",
                label: `Logs (${c.logs.length})`,
                content: <LogsPanel logs={c.logs} startedAt={c.started_at} titles={c.node_titles} />,
              },
            ]}
          />
        </section>
      </div>
    </section>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
