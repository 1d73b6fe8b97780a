import { speechDurationMs } from "../builder";
import { hangUp, inviteDestination, sayUtterance, withRetries, type LadderContext } from "./common";
import { referAndNotify } from "./refer";

/**
 * Attended transfer (RFC 5589 §7): the agent consults the destination, whispers, then asks
 * the SBC to call the destination with Replaces (RFC 3891) so the destination swaps the
 * agent's leg for the caller's. The destination's refusal or silence ends the consultation
 * INVITE; an SBC that refuses the REFER makes the agent hang up the consultation leg. Each
 * failure is retried up to the attempts; then the agent resumes.
 */
export function softLadder(ctx: LadderContext, whisper: string): void {
  const { tb } = ctx;
  sayUtterance(ctx);
  const connected = withRetries(ctx, (response) => {
    // Only the REFER can be refused by the SBC; every other failure is the destination's answer.
    const leg = inviteDestination(
      ctx,
      ctx.handoffHeaders,
      false,
      response.kind === "refer_rejected" ? { kind: "answer" } : response,
    );
    if (!leg.ok) return false;
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
    const done = referAndNotify(
      ctx,
      ctx.destinationUri!,
      [{ name: "Replaces", value: replaces }],
      response.kind === "refer_rejected" ? response : { kind: "answer" },
      () => {
        tb.media(
          "sbc",
          "destination",
          "SBC connects the caller (INVITE with Replaces)",
          `The SBC sends INVITE ${ctx.destinationUri} with Replaces: ${replaces} (its own dialog, not shown); the destination accepts it and ends the consultation leg.`,
          0,
          400,
        );
        hangUp(tb, consult, "destination", [], 5);
      },
    );
    // The attempt started with the consultation INVITE.
    ctx.results.at(-1)!.at = leg.at;
    // The SBC refused: the consultation is over, the agent hangs up on the destination.
    if (!done) hangUp(tb, consult, "agent", [], 5);
    return done;
  });
  if (connected) hangUp(tb, ctx.dialog, "agent");
}
