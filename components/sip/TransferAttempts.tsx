import { Badge } from "@/components/ui/Badge";
import { TRANSFER_OUTCOME_LABELS, reasonPhrase, type TransferOutcome } from "@/lib/handoffs/outcomes";
import { METHOD_INFO, type HandoffMethod } from "@/lib/handoffs/types";

export interface AttemptRow {
  destination: string;
  method: HandoffMethod;
  outcome: TransferOutcome;
  sip_status: number | null;
  /** When, as the caller shows it: an offset into the call or a UTC time. */
  when: string;
}

/** A transfer's attempts (docs/design.md §11), one line each: when, where, how, outcome and SIP status. */
export function TransferAttempts({ attempts }: { attempts: readonly AttemptRow[] }) {
  if (attempts.length === 0) return <p className="text-sm text-slate-600">No transfer was attempted.</p>;
  return (
    <ol className="space-y-1 text-sm" data-testid="transfer-attempts">
      {attempts.map((a, i) => (
        <li
          key={i}
          className="flex flex-wrap items-center gap-2"
          data-testid="transfer-attempt"
          data-outcome={a.outcome}
        >
          <span className="w-20 shrink-0 font-mono text-xs text-slate-500">{a.when}</span>
          <span>{a.destination || "—"}</span>
          <Badge tone="violet">{METHOD_INFO[a.method].badge}</Badge>
          <Badge tone={a.outcome === "completed" ? "green" : "red"}>{TRANSFER_OUTCOME_LABELS[a.outcome]}</Badge>
          <span className="font-mono text-xs text-slate-600">
            {a.sip_status === null ? "no response" : `${a.sip_status} ${reasonPhrase(a.sip_status)}`}
          </span>
        </li>
      ))}
    </ol>
  );
}
