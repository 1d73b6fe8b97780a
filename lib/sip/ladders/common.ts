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
  callerAddress,
  PRIVACY_ID,
  type Dialog,
} from "../dialog";
import { cseqOf, headerValue, headerValues, type SipHeaderField, type SipRequest } from "../message";
import type { OutboundLeg } from "../outbound";
import { SDP_CONTENT_TYPE, sdp } from "../sdp";
import { outcomeOfStatus, reasonPhrase, responseOf, type DestinationResponse } from "../../handoffs/outcomes";
import type { HandoffTraceInput, LadderAttempt, TraceBehaviour } from "../types";

/** Everything a ladder needs once the inbound call is up. */
export interface LadderContext {
  tb: TraceBuilder;
  input: HandoffTraceInput;
  /** The inbound call: SBC is the UAC, the agent the UAS. */
  dialog: Dialog;
  /** Resolved custom headers followed by X-Handoff-Reason. */
  handoffHeaders: SipHeaderField[];
  /** The route as a SIP URI (null for BYE); for an INVITE, through its outbound endpoint. */
  destinationUri: string | null;
  /** How the agent's own INVITE travels: Route to the endpoint, TLS, SRTP (null for BYE). */
  outbound: OutboundLeg | null;
  callerUser: string;
  agentName: string;
  /** The pre-handoff utterance, already substituted and cleaned ("" when none). */
  utterance: string;
  /** How many times the transfer is tried (1–3). */
  attempts: number;
  /** Seconds an INVITE rings before the agent CANCELs it. */
  ringTimeoutS: number;
  /** Each attempt as played, appended by the ladder. */
  results: LadderAttempt[];
}

/** Time between a failed attempt and the next one, in simulated ms. */
export const RETRY_GAP_MS = 2000;

/** The destination's response on attempt `n` (0-based): the behaviour list's entry, the last one repeating. */
export function responseFor(ctx: LadderContext, n: number): DestinationResponse {
  const b = ctx.input.behaviour;
  if (b === undefined) return { kind: "answer" };
  const list: readonly TraceBehaviour[] = typeof b === "string" || "kind" in b ? [b] : b;
  return list.length === 0 ? { kind: "answer" } : responseOf(list[Math.min(n, list.length - 1)]!);
}

/** Records an attempt's result and says whether it connected. */
export function record(ctx: LadderContext, at: number, status: number | null, ringTimedOut = false): boolean {
  // A CANCELled INVITE ends 487, but what happened is that nobody answered in time.
  const outcome = ringTimedOut ? "no_answer" : outcomeOfStatus(status);
  ctx.results.push({ outcome, sipStatus: status, at });
  return outcome === "completed";
}

/**
 * Runs `attempt` up to ctx.attempts times, RETRY_GAP_MS apart, until one connects. Returns whether
 * one did; when none did, the agent resumes the call, saying why.
 */
export function withRetries(ctx: LadderContext, attempt: (response: DestinationResponse) => boolean): boolean {
  for (let n = 0; n < ctx.attempts; n++) {
    if (n > 0) ctx.tb.now += RETRY_GAP_MS;
    if (attempt(responseFor(ctx, n))) return true;
  }
  const last = ctx.results.at(-1)!;
  const what =
    last.outcome === "no_answer" && last.sipStatus === 487
      ? `Nobody answered within the ring timeout (${ctx.ringTimeoutS} s)`
      : last.sipStatus === null
        ? "Nothing answered the transfer"
        : `The transfer ended ${last.sipStatus} ${reasonPhrase(last.sipStatus)} (${last.outcome})`;
  const tries = ctx.attempts === 1 ? "" : ` after ${ctx.attempts} attempts`;
  agentResumes(ctx, what + tries);
  return false;
}

/** Time the caller and agent talk before the handoff starts; only makes the timeline plausible. */
export const CONVERSATION_MS = 1500;

/** The pre-handoff utterance, played to the caller before any handoff signalling. */
export function sayUtterance(ctx: LadderContext): void {
  const at = ctx.input.at;
  // The runtime says when the handoff starts; a preview leaves a moment of conversation.
  const gap = at !== undefined && at > ctx.tb.now ? at - ctx.tb.now : CONVERSATION_MS;
  if (ctx.utterance === "") {
    ctx.tb.now += gap;
    return;
  }
  ctx.tb.media(
    "agent",
    "sbc",
    `Agent says "${ctx.utterance}"`,
    `RTP audio ${AGENT_IP} → caller (text to speech): "${ctx.utterance}"`,
    speechDurationMs(ctx.utterance),
    gap,
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

/** `at`: when the INVITE was sent. */
export type ConsultResult = { ok: true; dialog: Dialog; at: number } | { ok: false; at: number };

/**
 * The agent's own INVITE to the destination (a new dialog, UAC = agent), used by the bridge and
 * by the consultation leg of an attended transfer, answered as `response` says. A refusal is
 * ACKed on the INVITE's branch; an INVITE still ringing at the ring timeout is CANCELled
 * (RFC 3261 §9.1: the CANCEL copies the INVITE's Request-URI, Via branch, From, To, Call-ID and
 * CSeq number), answered 200, and the INVITE then ends 487, which the agent ACKs. Records the
 * attempt in ctx.results.
 */
export function inviteDestination(
  ctx: LadderContext,
  extra: readonly SipHeaderField[],
  ringing: boolean,
  response: DestinationResponse,
): ConsultResult {
  const { tb } = ctx;
  const ids = tb.ids;
  const uri = ctx.destinationUri!;
  const leg = ctx.outbound;
  // A sips: Request-URI or Route must be reached over TLS end to end (RFC 3261 §26.2.2), and a
  // request sent to one has a sips: Contact (§8.1.1.8); TLS/SRTP sends even a sip: URI over TLS.
  const sips = uri.startsWith("sips:") || (leg?.route ?? "").startsWith("<sips:");
  const tls = sips || leg?.tls === true;
  const srtp = leg?.srtp === true;
  const port = tls ? SIPS_PORT : SIP_PORT;
  const agentHost = AGENT_IP + ":" + port;
  const destHost = DESTINATION_IP + ":" + port;
  const contactOf = (user: string, host: string) =>
    sips ? "<sips:" + user + host + ">" : "<sip:" + user + host + ";transport=tls>";
  const invite: SipRequest = buildRequest({
    method: "INVITE",
    uri,
    sentBy: agentHost,
    transport: tls ? "TLS" : "UDP",
    branch: ids.branch(),
    route: leg?.route ? [leg.route] : [],
    // A B2BUA keeps the caller's number so the destination sees who is calling.
    from: callerAddress(ctx.callerUser, AGENT_IP) + ";tag=" + ids.tag(),
    to: "<" + uri + ">",
    callId: ids.callId(AGENT_IP),
    cseq: 1,
    contact: tls ? contactOf(userAt(ctx.dialog.uas.target), agentHost) : "<" + ctx.dialog.uas.target + ">",
    extra: [{ name: "Allow", value: ALLOW }, ...(ctx.callerUser === "" ? [PRIVACY_ID] : []), ...extra],
    body: {
      type: SDP_CONTENT_TYPE,
      content: sdp(ids, AGENT_IP, ctx.agentName, 2 * ids.int(25000, 29999), false, srtp),
    },
  });
  tb.sip("agent", "destination", invite, "INVITE", 5);
  const sentAt = tb.now;
  tb.sip("destination", "agent", buildResponse(invite, 100, "Trying"), "100 Trying", 1);
  const destTag = ids.tag();
  const user = userOf(uri);
  const destContact = tls
    ? contactOf(user === "" ? "" : user + "@", destHost)
    : "<sip:" + (user === "" ? "" : user + "@") + destHost + ">";
  const rings = ringing || response.kind === "ring_timeout";
  if (rings)
    tb.sip(
      "destination",
      "agent",
      buildResponse(invite, 180, "Ringing", { toTag: destTag, contact: destContact }),
      "180 Ringing",
      40,
    );
  if (response.kind === "ring_timeout") {
    const cancel: SipRequest = {
      kind: "request",
      method: "CANCEL",
      uri: invite.uri,
      headers: [
        { name: "Via", value: headerValue(invite, "Via")! },
        // RFC 3261 §9.1: a CANCEL carries the INVITE's Route header fields.
        ...headerValues(invite, "Route").map((value) => ({ name: "Route", value })),
        { name: "Max-Forwards", value: "70" },
        { name: "From", value: headerValue(invite, "From")! },
        { name: "To", value: headerValue(invite, "To")! },
        { name: "Call-ID", value: headerValue(invite, "Call-ID")! },
        { name: "CSeq", value: cseqOf(invite).seq + " CANCEL" },
        { name: "Content-Length", value: "0" },
      ],
      body: "",
    };
    tb.sip("agent", "destination", cancel, "CANCEL", ctx.ringTimeoutS * 1000);
    tb.sip("destination", "agent", buildResponse(cancel, 200, "OK", { toTag: destTag }), "200 OK", 1);
    const terminated = buildResponse(invite, 487, reasonPhrase(487), { toTag: destTag });
    tb.sip("destination", "agent", terminated, "487 Request Terminated", 1);
    tb.sip("agent", "destination", ackForFailure(invite, terminated), "ACK", 1);
    record(ctx, sentAt, 487, true);
    return { ok: false, at: sentAt };
  }
  if (response.kind !== "answer") {
    const status = response.status;
    const refusal = buildResponse(invite, status, reasonPhrase(status), { toTag: destTag });
    tb.sip("destination", "agent", refusal, `${status} ${reasonPhrase(status)}`, rings ? 1200 : 60);
    tb.sip("agent", "destination", ackForFailure(invite, refusal), "ACK", 1);
    record(ctx, sentAt, status);
    return { ok: false, at: sentAt };
  }
  const ok = buildResponse(invite, 200, "OK", {
    toTag: destTag,
    contact: destContact,
    extra: [{ name: "Allow", value: ALLOW }],
    body: { type: SDP_CONTENT_TYPE, content: sdp(ids, DESTINATION_IP, "-", 2 * ids.int(5000, 9999), true, srtp) },
  });
  tb.sip("destination", "agent", ok, "200 OK", rings ? 3500 : 2500);
  const dialog = establishDialog(invite, ok, "agent", "destination", destHost, ids.int(1, 9000));
  tb.sip("agent", "destination", dialogRequest(dialog, "agent", "ACK", ids.branch()), "ACK", 1);
  return { ok: true, dialog, at: sentAt };
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
