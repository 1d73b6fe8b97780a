import type { Dialog } from "../dialog";
import { hangUp, inviteDestination, record, sayUtterance, withRetries, type LadderContext } from "./common";

/** How long the bridged conversation lasts before the caller hangs up, in simulated ms. */
const BRIDGED_MS = 30_000;

/**
 * Bridge: the agent calls the destination and relays media between both legs. A refused or
 * unanswered INVITE is tried again up to the destination's attempts; then the agent resumes.
 */
export function inviteLadder(ctx: LadderContext): void {
  const { tb } = ctx;
  sayUtterance(ctx);
  const bridged: { leg: Dialog | null } = { leg: null };
  withRetries(ctx, (response) => {
    const leg = inviteDestination(ctx, ctx.handoffHeaders, true, response);
    if (!leg.ok) return false;
    bridged.leg = leg.dialog;
    return record(ctx, leg.at, 200);
  });
  const leg = bridged.leg;
  if (leg === null) return;
  tb.media(
    "agent",
    "destination",
    "Media bridged",
    "The agent relays RTP between the caller's leg (SBC) and the destination's leg; it stays in the media path until either side hangs up.",
    BRIDGED_MS,
  );
  // The caller hangs up: the SBC ends leg 1 and the agent relays it to leg 2.
  hangUp(tb, ctx.dialog, "sbc", [], 0);
  hangUp(tb, leg, "agent", [], 2);
}
