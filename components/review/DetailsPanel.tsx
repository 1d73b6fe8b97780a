import { CopyButton } from "@/components/ui/CopyButton";
import type { Conversation } from "@/lib/conversations/schema";
import { METHOD_INFO } from "@/lib/handoffs/types";
import { describeEndReason } from "@/lib/conversations/end-reasons";
import { TRANSFER_OUTCOME_LABELS, reasonPhrase } from "@/lib/handoffs/outcomes";
import { TransferAttempts } from "@/components/sip/TransferAttempts";
import { OUTCOME_LABEL } from "./format";

interface Field {
  key: string;
  label: string;
  /** Null: not applicable to this call (shown as a dash, nothing to copy). */
  value: string | null;
  mono?: boolean;
  /** Shown instead of the value (which is still what Copy copies), with the value on hover. */
  display?: string;
}

function handoffFields(h: NonNullable<Conversation["handoff"]>, titles: Conversation["node_titles"]): Field[] {
  return [
    { key: "reason", label: "Handoff reason", value: h.reason, mono: true },
    { key: "utterance", label: "Pre-handoff utterance", value: h.utterance },
    { key: "destination", label: "Destination", value: h.destination },
    {
      key: "method",
      label: "Method",
      value: `${METHOD_INFO[h.method].label}${h.soft ? " (soft: attended transfer)" : ""}`,
    },
    { key: "route", label: "Route", value: h.route, mono: true },
    {
      key: "sip-headers",
      label: "SIP headers",
      value: h.sip_headers.length === 0 ? null : h.sip_headers.map((x) => `${x.name}: ${x.value}`).join("\n"),
      mono: true,
    },
    { key: "source", label: "Source", value: h.source, mono: true },
    { key: "topic", label: "Topic", value: h.topic },
    { key: "function", label: "Function", value: h.function, mono: true },
    { key: "node", label: "Node", value: h.node_id, display: h.node_id === null ? undefined : titles[h.node_id] },
    {
      key: "transfer-outcome",
      label: "Transfer outcome",
      value: `${TRANSFER_OUTCOME_LABELS[h.outcome]}${h.sip_status === null ? " (no response)" : ` (${h.sip_status} ${reasonPhrase(h.sip_status)})`}`,
    },
  ];
}

/** The handoff record (docs/design.md §1) field by field, each with a copy button, then the call's variables. */
export function DetailsPanel({ conversation: c }: { conversation: Conversation }) {
  const variables = Object.entries(c.variables);
  return (
    <div className="space-y-5">
      {c.handoff ? (
        <FieldList fields={handoffFields(c.handoff, c.node_titles)} />
      ) : (
        <p className="text-sm text-slate-600" data-testid="no-handoff">
          No handoff: the call ended as {OUTCOME_LABEL[c.outcome].toLowerCase()}.
        </p>
      )}
      {c.end_reason && (
        <p className={`text-sm ${c.outcome === "failed" ? "text-red-700" : "text-slate-600"}`} data-testid="end-reason">
          {describeEndReason(c.end_reason)} <span className="font-mono text-xs">({c.end_reason})</span>
        </p>
      )}
      {c.transfer_attempts.length > 0 && (
        <section aria-labelledby="transfer-attempts">
          <h3 id="transfer-attempts" className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Transfer attempts
          </h3>
          <TransferAttempts
            attempts={c.transfer_attempts.map((a) => ({
              ...a,
              // Into the call, as the transcript times its turns.
              when: `${((Date.parse(a.at) - Date.parse(c.started_at)) / 1000).toFixed(1)} s`,
            }))}
          />
        </section>
      )}
      <section aria-labelledby="call-variables">
        <h3 id="call-variables" className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Variables at the end of the call
        </h3>
        {variables.length === 0 ? (
          <p className="text-sm text-slate-500">None.</p>
        ) : (
          <FieldList
            fields={variables.map(([name, value]) => ({ key: `var-${name}`, label: name, value, mono: true }))}
          />
        )}
      </section>
    </div>
  );
}

function FieldList({ fields }: { fields: readonly Field[] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {fields.map((f) => (
        // A <dl> group holds only <dt> and <dd>: the copy button sits inside the <dd>.
        <div key={f.key} className="grid grid-cols-[10rem_1fr] items-start gap-2 py-1.5">
          <dt className="text-slate-500">{f.label}</dt>
          <dd className="grid min-w-0 grid-cols-[1fr_auto] items-start gap-2">
            <span
              data-testid={`detail-${f.key}`}
              className={`min-w-0 whitespace-pre-wrap break-words ${f.mono ? "font-mono text-xs leading-5" : ""}`}
              title={f.display !== undefined ? (f.value ?? undefined) : undefined}
            >
              {f.display ?? f.value ?? <span className="text-slate-500">—</span>}
            </span>
            <span className="w-16 text-right">
              {f.value !== null && f.value !== "" && <CopyButton value={f.value} label={f.label} />}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
