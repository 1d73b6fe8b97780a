import { truncate } from "@/lib/flow/kind";
import { deletedDestinationLabel, resolveDestination, type FlowContext, type HandoffData } from "@/lib/flow";
import { METHOD_INFO } from "@/lib/handoffs/types";
import { overrideKind } from "@/components/flows/panels/override";

const METHOD_TONE = {
  refer: "bg-blue-50 text-blue-700",
  invite: "bg-violet-50 text-violet-700",
  bye: "bg-amber-50 text-amber-800",
} as const;

/**
 * Destination, method badge, reason (or the destination-name fallback) and the utterance's
 * first words. Texts are shortened here rather than clipped with CSS (see flow-node.css).
 */
export function HandoffNodeBody({ data, ctx }: { data: HandoffData; ctx: FlowContext }) {
  const resolved = resolveDestination(data, ctx);
  // The function's transfer wins; the node's own destination is then only a fallback.
  const overrides = overrideKind(data, ctx) !== null;
  const dest = "destination" in resolved ? resolved.destination : null;
  const destLabel = dest
    ? data.destinationId === null
      ? `${truncate(dest.name, 22)} (agent default)`
      : truncate(dest.name, 30)
    : "missing" in resolved && resolved.missing === "deleted"
      ? truncate(deletedDestinationLabel(data), 40)
      : "No destination";
  return (
    <div>
      <div data-testid="node-destination" className="font-medium text-slate-800">
        → {destLabel}
        {dest && (
          <span className={`ml-1.5 rounded px-1 text-[10px] font-semibold ${METHOD_TONE[dest.method]}`}>
            {METHOD_INFO[dest.method].badge}
          </span>
        )}
      </div>
      <div data-testid="node-reason">
        reason:{" "}
        {data.reason ? (
          <span className="font-mono">{data.reason}</span>
        ) : dest ? (
          `${truncate(dest.name, 24)} (destination name)`
        ) : (
          "—"
        )}
      </div>
      {data.utterance.trim() && (
        <div data-testid="node-utterance" className="italic">
          “{truncate(data.utterance, 34)}”
        </div>
      )}
      {data.overrideFunction && (
        <div data-testid="node-override" className="text-slate-500">
          <span
            className={`rounded px-1 text-[10px] font-semibold ${overrides ? "bg-amber-100 text-amber-900" : "bg-slate-100"}`}
          >
            {overrides ? "OVERRIDE" : "override"}
          </span>{" "}
          <span className="font-mono">{data.overrideFunction}</span>
        </div>
      )}
    </div>
  );
}
