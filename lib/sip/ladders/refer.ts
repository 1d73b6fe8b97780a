import { buildResponse, dialogRequest } from "../dialog";
import { uriWithHeaders } from "../hvalue";
import type { SipHeaderField } from "../message";
import { reasonPhrase, type DestinationResponse } from "../../handoffs/outcomes";
import { hangUp, record, sayUtterance, withRetries, type LadderContext } from "./common";

const SIPFRAG = "message/sipfrag;version=2.0";

/** When the SBC gives up on an unanswered destination it reports 480 (RFC 3261 §21.4.18). */
const SBC_NO_ANSWER = 480;

/**
 * REFER from the agent to the SBC and the implicit subscription's NOTIFYs (RFC 3515,
 * RFC 3420 sipfrag bodies, RFC 6665 Subscription-State), played as `response` says: the SBC
 * may refuse the REFER itself (`refer_rejected`: 403 and no subscription), or accept it (202)
 * and report the destination's final status in the terminating NOTIFY. `uriHeaders` go into
 * the Refer-To URI after the placement's own (e.g. Replaces for an attended transfer);
 * `between` runs after the first NOTIFY when the transfer connects (the soft ladder shows the
 * destination's BYE there). Records the attempt and returns whether it connected.
 */
export function referAndNotify(
  ctx: LadderContext,
  target: string,
  uriHeaders: readonly SipHeaderField[],
  response: DestinationResponse,
  between?: () => void,
): boolean {
  const { tb, dialog } = ctx;
  const placement = ctx.input.destination.referHeaderPlacement;
  const inUri = placement === "request" ? uriHeaders : [...ctx.handoffHeaders, ...uriHeaders];
  const onRequest = placement === "refer-to-uri" ? [] : ctx.handoffHeaders;
  const agentSide = dialog.uac.lane === "agent" ? dialog.uac : dialog.uas;
  const refer = dialogRequest(dialog, "agent", "REFER", tb.ids.branch(), [
    { name: "Refer-To", value: "<" + uriWithHeaders(target, inUri) + ">" },
    { name: "Referred-By", value: agentSide.nameAddr },
    ...onRequest,
  ]);
  tb.sip("agent", "sbc", refer, "REFER", 20);
  const sentAt = tb.now;
  if (response.kind === "refer_rejected") {
    const status = response.status;
    tb.sip("sbc", "agent", buildResponse(refer, status, reasonPhrase(status)), `${status} ${reasonPhrase(status)}`, 2);
    return record(ctx, sentAt, status);
  }
  tb.sip(
    "sbc",
    "agent",
    buildResponse(refer, 202, "Accepted", { contact: "<" + dialog.uac.target + ">" }),
    "202 Accepted",
    2,
  );

  const notify = (state: string, frag: string, think: number) => {
    const req = dialogRequest(
      dialog,
      "sbc",
      "NOTIFY",
      tb.ids.branch(),
      [
        { name: "Event", value: "refer" },
        { name: "Subscription-State", value: state },
      ],
      { type: SIPFRAG, content: frag + "\r\n" },
    );
    tb.sip("sbc", "agent", req, `NOTIFY (${frag.slice(8)})`, think);
    tb.sip("agent", "sbc", buildResponse(req, 200, "OK", { contact: "<" + agentSide.target + ">" }), "200 OK", 1);
  };
  notify("active;expires=60", "SIP/2.0 100 Trying", 8);
  const status = response.kind === "answer" ? 200 : response.kind === "ring_timeout" ? SBC_NO_ANSWER : response.status;
  const connected = status === 200;
  if (connected && between) between();
  const think = response.kind === "ring_timeout" ? ctx.ringTimeoutS * 1000 : connected ? (between ? 30 : 3200) : 1200;
  notify("terminated;reason=noresource", `SIP/2.0 ${status} ${reasonPhrase(status)}`, think);
  return record(ctx, sentAt, status);
}

/**
 * Blind transfer: the SBC calls the destination itself, then the agent leaves the call. A
 * refused REFER or a failure in the final NOTIFY is tried again up to the destination's
 * attempts (a new REFER in the same dialog); then the agent resumes.
 */
export function referLadder(ctx: LadderContext): void {
  sayUtterance(ctx);
  if (withRetries(ctx, (response) => referAndNotify(ctx, ctx.destinationUri!, [], response))) {
    hangUp(ctx.tb, ctx.dialog, "agent");
  }
}
