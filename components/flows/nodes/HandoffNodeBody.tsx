import { truncate } from "@/lib/flow/kind";
import { resolveDestination, type FlowContext, type HandoffData } from "@/lib/flow";
import { METHOD_INFO } from "@/lib/handoffs/types";
import { Badge } from "@/components/ui/Badge";

/** Destination, method badge, reason (or the destination-name fallback) and the utterance's first words. */
export function HandoffNodeBody({ data, ctx }: { data: HandoffData; ctx: FlowContext }) {
  const resolved = resolveDestination(data, ctx);
  const dest = "destination" in resolved ? resolved.destination : null;
  const destLabel = dest
    ? data.destinationId === null ? `${dest.name} (agent default)` : dest.name
    : "missing" in resolved && resolved.missing === "deleted" ? "Deleted destination" : "No destination";
  return (
    <div className="space-y-1 text-xs">
      <div className="flex items-center gap-1.5">
        <span className="truncate font-medium text-slate-800" data-testid="node-destination">→ {destLabel}</span>
        {dest && <Badge tone={dest.method === "refer" ? "blue" : dest.method === "invite" ? "violet" : "amber"}>{METHOD_INFO[dest.method].badge}</Badge>}
      </div>
      <div className="truncate text-slate-600" data-testid="node-reason">
        reason: {data.reason ? <span className="font-mono">{data.reason}</span> : dest ? `${dest.name} (destination name)` : "—"}
      </div>
      {data.utterance.trim() && <div className="truncate italic text-slate-600" data-testid="node-utterance">“{truncate(data.utterance, 44)}”</div>}
      {data.overrideFunction && <div className="truncate text-slate-500">override: <span className="font-mono">{data.overrideFunction}</span></div>}
    </div>
  );
}
