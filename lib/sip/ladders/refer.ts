import { buildResponse, dialogRequest } from "../dialog";
import { uriWithHeaders } from "../hvalue";
import type { SipHeaderField } from "../message";
import { agentResumes, hangUp, sayUtterance, type LadderContext } from "./common";

const SIPFRAG = "message/sipfrag;version=2.0";

/**
 * REFER from the agent to the SBC and the implicit subscription's NOTIFYs (RFC 3515,
 * RFC 3420 sipfrag bodies, RFC 6665 Subscription-State). `uriHeaders` go into the Refer-To
 * URI after the placement's own (e.g. Replaces for an attended transfer). Returns whether
 * the SBC reported success; `between` runs after the first NOTIFY (the soft ladder shows
 * the destination's BYE there).
 */
export function referAndNotify(
  ctx: LadderContext,
  target: string,
  uriHeaders: readonly SipHeaderField[],
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
  if (between) between();
  const outcome = ctx.busy ? "SIP/2.0 486 Busy Here" : "SIP/2.0 200 OK";
  notify("terminated;reason=noresource", outcome, between ? 30 : 3200);
  return outcome === "SIP/2.0 200 OK";
}

/** Blind transfer: the SBC calls the destination itself, then the agent leaves the call. */
export function referLadder(ctx: LadderContext): void {
  sayUtterance(ctx);
  if (referAndNotify(ctx, ctx.destinationUri!, [])) {
    hangUp(ctx.tb, ctx.dialog, "agent");
  } else {
    agentResumes(ctx, "The SBC reported 486 Busy Here for the transfer");
  }
}
