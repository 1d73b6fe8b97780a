import { agentResumes, hangUp, inviteDestination, sayUtterance, type LadderContext } from "./common";

/** How long the bridged conversation lasts before the caller hangs up, in simulated ms. */
const BRIDGED_MS = 30_000;

/** Bridge: the agent calls the destination and relays media between both legs. */
export function inviteLadder(ctx: LadderContext): void {
  const { tb } = ctx;
  sayUtterance(ctx);
  const leg = inviteDestination(ctx, ctx.handoffHeaders, true);
  if (!leg.ok) {
    agentResumes(ctx, "The destination answered 486 Busy Here");
    return;
  }
  tb.media(
    "agent",
    "destination",
    "Media bridged",
    "The agent relays RTP between the caller's leg (SBC) and the destination's leg; it stays in the media path until either side hangs up.",
    BRIDGED_MS,
  );
  // The caller hangs up: the SBC ends leg 1 and the agent relays it to leg 2.
  hangUp(tb, ctx.dialog, "sbc", [], 0);
  hangUp(tb, leg.dialog, "agent", [], 2);
}
