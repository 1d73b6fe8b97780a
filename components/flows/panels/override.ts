import { transferSites } from "@/lib/functions/can-transfer";
import type { FlowContext, HandoffData } from "@/lib/flow";

/**
 * How a handoff node's override function moves the call, if it does: "transfer_call" or "handoff".
 * When it does, the node's own destination, reason and utterance are only a fallback.
 */
export function overrideKind(data: HandoffData, ctx: FlowContext): "transfer_call" | "handoff" | null {
  if (!data.overrideFunction) return null;
  const fn = ctx.functionsByName.get(data.overrideFunction);
  if (!fn) return null;
  const sites = transferSites(fn.code);
  if (sites.length === 0) return null;
  return sites.some((s) => s.kind === "transfer_call") ? "transfer_call" : "handoff";
}
