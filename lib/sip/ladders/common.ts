import type { TraceBuilder } from "../builder";
import { speechDurationMs } from "../builder";
import {
  AGENT_IP,
  ALLOW,
  DESTINATION_IP,
  SIP_PORT,
  SIPS_PORT,
  ackForFailure,
  buildRequest,
  buildResponse,
  dialogRequest,
  establishDialog,
  partyAddress,
  type Dialog,
} from "../dialog";
import type { SipHeaderField, SipRequest } from "../message";
import { SDP_CONTENT_TYPE, sdp } from "../sdp";
import type { HandoffTraceInput } from "../types";

/** Everything a ladder needs once the inbound call is up. */
export interface LadderContext {
  tb: TraceBuilder;
  input: HandoffTraceInput;
  /** The inbound call: SBC is the UAC, the agent the UAS. */
  dialog: Dialog;
  /** Resolved custom headers followed by X-Handoff-Reason. */
  handoffHeaders: SipHeaderField[];
  /** The route as a SIP URI (null for BYE). */
  destinationUri: string | null;
  callerUser: string;
  agentName: string;
  /** The pre-handoff utterance, already substituted and cleaned ("" when none). */
  utterance: string;
  busy: boolean;
}

/** Time the caller and agent talk before the handoff starts; only makes the timeline plausible. */
const CONVERSATION_MS = 1500;

/** The pre-handoff utterance, played to the caller before any handoff signalling. */
export function sayUtterance(ctx: LadderContext): void {
  if (ctx.utterance === "") {
    ctx.tb.now += CONVERSATION_MS;
    return;
  }
  ctx.tb.media(
    "agent",
    "sbc",
    `Agent says "${ctx.utterance}"`,
    `RTP audio ${AGENT_IP} → caller (text to speech): "${ctx.utterance}"`,
    speechDurationMs(ctx.utterance),
    CONVERSATION_MS,
  );
}

export function agentResumes(ctx: LadderContext, why: string): void {
  ctx.tb.media(
    "agent",
    "sbc",
    "Agent resumes the call",
    `${why}: the agent stays on the call with the caller and carries on the conversation.`,
    0,
    20,
  );
}

/** `user@` of a URI, or "" when it has no user part. */
function userAt(uri: string): string {
  const user = userOf(uri);
  return user === "" ? "" : user + "@";
}

function userOf(uri: string): string {
  const colon = uri.indexOf(":");
  const at = uri.indexOf("@");
  return at < 0 ? "" : uri.slice(colon + 1, at);
}

export type ConsultResult = { ok: true; dialog: Dialog } | { ok: false };

/**
 * The agent's own INVITE to the destination (a new dialog, UAC = agent), used by the
 * bridge and by the consultation leg of an attended transfer.
 */
export function inviteDestination(
  ctx: LadderContext,
  extra: readonly SipHeaderField[],
  ringing: boolean,
): ConsultResult {
  const { tb } = ctx;
  const ids = tb.ids;
  const uri = ctx.destinationUri!;
  // A sips: route must be reached over TLS end to end (RFC 3261 §26.2.2).
  const secure = uri.startsWith("sips:");
  const port = secure ? SIPS_PORT : SIP_PORT;
  const agentHost = AGENT_IP + ":" + port;
  const destHost = DESTINATION_IP + ":" + port;
  const invite: SipRequest = buildRequest({
    method: "INVITE",
    uri,
    sentBy: agentHost,
    transport: secure ? "TLS" : "UDP",
    branch: ids.branch(),
    route: [],
    // A B2BUA keeps the caller's number so the destination sees who is calling.
    from: partyAddress(ctx.callerUser, AGENT_IP) + ";tag=" + ids.tag(),
    to: "<" + uri + ">",
    callId: ids.callId(AGENT_IP),
    cseq: 1,
    contact: secure ? "<sips:" + userAt(ctx.dialog.uas.target) + agentHost + ">" : "<" + ctx.dialog.uas.target + ">",
    extra: [{ name: "Allow", value: ALLOW }, ...extra],
    body: { type: SDP_CONTENT_TYPE, content: sdp(ids, AGENT_IP, ctx.agentName, 2 * ids.int(25000, 29999), false) },
  });
  tb.sip("agent", "destination", invite, "INVITE", 5);
  tb.sip("destination", "agent", buildResponse(invite, 100, "Trying"), "100 Trying", 1);
  const destTag = ids.tag();
  const user = userOf(uri);
  const destContact = "<" + (secure ? "sips:" : "sip:") + (user === "" ? "" : user + "@") + destHost + ">";
  if (ringing)
    tb.sip(
      "destination",
      "agent",
      buildResponse(invite, 180, "Ringing", { toTag: destTag, contact: destContact }),
      "180 Ringing",
      40,
    );
  if (ctx.busy) {
    const busy = buildResponse(invite, 486, "Busy Here", { toTag: destTag });
    tb.sip("destination", "agent", busy, "486 Busy Here", ringing ? 1200 : 60);
    tb.sip("agent", "destination", ackForFailure(invite, busy), "ACK", 1);
    return { ok: false };
  }
  const ok = buildResponse(invite, 200, "OK", {
    toTag: destTag,
    contact: destContact,
    extra: [{ name: "Allow", value: ALLOW }],
    body: { type: SDP_CONTENT_TYPE, content: sdp(ids, DESTINATION_IP, "-", 2 * ids.int(5000, 9999), true) },
  });
  tb.sip("destination", "agent", ok, "200 OK", ringing ? 3500 : 2500);
  const dialog = establishDialog(invite, ok, "agent", "destination", destHost, ids.int(1, 9000));
  tb.sip("agent", "destination", dialogRequest(dialog, "agent", "ACK", ids.branch()), "ACK", 1);
  return { ok: true, dialog };
}

/** A BYE from `lane` in `dialog` and the peer's 200 OK. */
export function hangUp(
  tb: TraceBuilder,
  dialog: Dialog,
  lane: Dialog["uac"]["lane"],
  extra: readonly SipHeaderField[] = [],
  thinkMs = 5,
): void {
  const peer = dialog.uac.lane === lane ? dialog.uas.lane : dialog.uac.lane;
  const bye = dialogRequest(dialog, lane, "BYE", tb.ids.branch(), extra);
  tb.sip(lane, peer, bye, "BYE", thinkMs);
  tb.sip(peer, lane, buildResponse(bye, 200, "OK"), "200 OK", 1);
}
