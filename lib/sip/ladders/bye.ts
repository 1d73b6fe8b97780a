import { hangUp, record, sayUtterance, type LadderContext } from "./common";

/** Q.850 cause 16 tells the SBC or IVR this is an ordinary hang-up it may take over (RFC 3326). */
export const NORMAL_CLEARING = 'Q.850;cause=16;text="Normal call clearing"';

/** Hand back: the agent ends its dialog; the SBC or IVR takes the caller back. It always succeeds. */
export function byeLadder(ctx: LadderContext): void {
  sayUtterance(ctx);
  hangUp(ctx.tb, ctx.dialog, "agent", [{ name: "Reason", value: NORMAL_CLEARING }, ...ctx.handoffHeaders], 20);
  record(ctx, ctx.tb.messages.at(-2)!.at, 200);
}
