import { speechDurationMs } from "../builder";
import { agentResumes, hangUp, inviteDestination, sayUtterance, type LadderContext } from "./common";
import { referAndNotify } from "./refer";

/**
 * Attended transfer (RFC 5589 §7): the agent consults the destination, whispers, then asks
 * the SBC to call the destination with Replaces (RFC 3891) so the destination swaps the
 * agent's leg for the caller's.
 */
export function softLadder(ctx: LadderContext, whisper: string): void {
  const { tb } = ctx;
  sayUtterance(ctx);
  const leg = inviteDestination(ctx, ctx.handoffHeaders, false);
  if (!leg.ok) {
    agentResumes(ctx, "The destination answered 486 Busy Here to the consultation call");
    return;
  }
  const consult = leg.dialog;
  tb.media(
    "agent",
    "destination",
    `Agent whispers "${whisper}"`,
    `RTP audio on the consultation leg (text to speech): "${whisper}"`,
    speechDurationMs(whisper),
  );
  // Tags are named from the destination's point of view: it receives the Replaces.
  const replaces = consult.callId + ";to-tag=" + consult.uas.tag + ";from-tag=" + consult.uac.tag;
  referAndNotify(ctx, ctx.destinationUri!, [{ name: "Replaces", value: replaces }], () => {
    tb.media(
      "sbc",
      "destination",
      "SBC connects the caller (INVITE with Replaces)",
      `The SBC sends INVITE ${ctx.destinationUri} with Replaces: ${replaces} (its own dialog, not shown); the destination accepts it and ends the consultation leg.`,
      0,
      400,
    );
    hangUp(tb, consult, "destination", [], 5);
  });
  hangUp(tb, ctx.dialog, "agent");
}
