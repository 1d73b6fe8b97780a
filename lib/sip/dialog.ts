import type { TraceBuilder } from "./builder";
import { escapeUser } from "./hvalue";
import {
  cseqOf,
  headerValue,
  headerValues,
  utf8ByteLength,
  type SipHeaderField,
  type SipRequest,
  type SipResponse,
} from "./message";
import { SDP_CONTENT_TYPE, sdp } from "./sdp";
import type { Lane } from "./types";

/** Documentation addresses (RFC 5737) of the three parties. */
export const SBC_IP = "203.0.113.10";
export const AGENT_IP = "198.51.100.20";
export const DESTINATION_IP = "192.0.2.30";
export const SIP_PORT = 5060;
export const SIPS_PORT = 5061;

export const ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY";

/** Methods whose requests and 2xx/18x responses carry Contact (RFC 3261 §8.1.1.8, RFC 3515, RFC 6665). */
const CONTACT_METHODS = new Set(["INVITE", "REFER", "NOTIFY"]);

export interface Body {
  type: string;
  content: string;
}

/** One party's view of a dialog (RFC 3261 §12). */
export interface DialogSide {
  lane: Lane;
  /** `host:port` this party writes in Via. */
  sentBy: string;
  /** Via transport: UDP, or TLS when the dialog was set up towards a sips: URI (RFC 3261 §26.2.2). */
  transport: string;
  /** The From/To value without its tag, e.g. `<sip:+14155550123@203.0.113.10>`. */
  nameAddr: string;
  tag: string;
  /** This party's Contact URI: the Request-URI of requests sent to it. */
  target: string;
  /** The last CSeq number this party used in the dialog. */
  cseq: number;
}

export interface Dialog {
  callId: string;
  /** The party that sent the dialog-creating INVITE, and the one that answered it. */
  uac: DialogSide;
  uas: DialogSide;
  /** Record-Route values in the order they appeared in the INVITE. */
  routeSet: string[];
}

export function tagOf(nameAddr: string): string {
  const at = nameAddr.indexOf(";tag=", nameAddr.lastIndexOf(">"));
  if (at < 0) return "";
  const end = nameAddr.indexOf(";", at + 5);
  return end < 0 ? nameAddr.slice(at + 5) : nameAddr.slice(at + 5, end);
}

function withoutTag(nameAddr: string): string {
  const at = nameAddr.indexOf(";tag=", nameAddr.lastIndexOf(">"));
  return at < 0 ? nameAddr : nameAddr.slice(0, at);
}

function uriOf(nameAddr: string): string {
  const lt = nameAddr.indexOf("<");
  return lt < 0 ? nameAddr : nameAddr.slice(lt + 1, nameAddr.indexOf(">", lt));
}

/** A withheld caller's From (RFC 3323 §4.1.1.3): no user or host that says who is calling. */
export const ANONYMOUS_FROM = '"Anonymous" <sip:anonymous@anonymous.invalid>';
/** Sent with an anonymous From (RFC 3323 / RFC 3325): the caller's identity is private. */
export const PRIVACY_ID = { name: "Privacy", value: "id" } as const;

/** The caller's address in a From: the number at `host`, or anonymous when it is withheld (""). */
export function callerAddress(user: string, host: string): string {
  return user === "" ? ANONYMOUS_FROM : partyAddress(user, host);
}

/** A party's address as a name-addr, e.g. `<sip:+14155550123@203.0.113.10>`. */
export function partyAddress(user: string, host: string): string {
  return "<sip:" + (user === "" ? "anonymous" : escapeUser(user)) + "@" + host + ">";
}

function withBody(headers: SipHeaderField[], body: Body | null): string {
  if (body !== null) headers.push({ name: "Content-Type", value: body.type });
  headers.push({ name: "Content-Length", value: String(body === null ? 0 : utf8ByteLength(body.content)) });
  return body === null ? "" : body.content;
}

export interface RequestParts {
  method: string;
  uri: string;
  sentBy: string;
  /** Defaults to UDP. */
  transport?: string;
  branch: string;
  route: readonly string[];
  /** Record-Route written by the sender itself, as a proxy-like SBC does on its own requests. */
  recordRoute?: readonly string[];
  from: string;
  to: string;
  callId: string;
  cseq: number;
  contact: string | null;
  extra: readonly SipHeaderField[];
  body: Body | null;
}

/** A request with the mandatory headers of RFC 3261 §8.1.1 in their usual order. */
export function buildRequest(p: RequestParts): SipRequest {
  const headers: SipHeaderField[] = [
    { name: "Via", value: "SIP/2.0/" + (p.transport ?? "UDP") + " " + p.sentBy + ";branch=" + p.branch },
  ];
  if (p.recordRoute) for (const r of p.recordRoute) headers.push({ name: "Record-Route", value: r });
  for (const r of p.route) headers.push({ name: "Route", value: r });
  headers.push(
    { name: "Max-Forwards", value: "70" },
    { name: "From", value: p.from },
    { name: "To", value: p.to },
    { name: "Call-ID", value: p.callId },
    { name: "CSeq", value: p.cseq + " " + p.method },
  );
  if (p.contact !== null) headers.push({ name: "Contact", value: p.contact });
  for (const h of p.extra) headers.push(h);
  const body = withBody(headers, p.body);
  return { kind: "request", method: p.method, uri: p.uri, headers, body };
}

export interface ResponseOptions {
  /** Added to To when the request's To has no tag yet (dialog-creating responses). */
  toTag?: string;
  contact?: string;
  recordRoute?: readonly string[];
  extra?: readonly SipHeaderField[];
  body?: Body;
}

/** A response copying Via, From, To, Call-ID and CSeq from the request (RFC 3261 §8.2.6.2). */
export function buildResponse(req: SipRequest, status: number, reason: string, o: ResponseOptions = {}): SipResponse {
  const headers: SipHeaderField[] = [];
  for (const v of headerValues(req, "Via")) headers.push({ name: "Via", value: v });
  if (o.recordRoute) for (const r of o.recordRoute) headers.push({ name: "Record-Route", value: r });
  let to = headerValue(req, "To")!;
  if (o.toTag !== undefined && tagOf(to) === "") to += ";tag=" + o.toTag;
  headers.push(
    { name: "From", value: headerValue(req, "From")! },
    { name: "To", value: to },
    { name: "Call-ID", value: headerValue(req, "Call-ID")! },
    { name: "CSeq", value: headerValue(req, "CSeq")! },
  );
  if (o.contact !== undefined) headers.push({ name: "Contact", value: o.contact });
  if (o.extra) for (const h of o.extra) headers.push(h);
  const body = withBody(headers, o.body ?? null);
  return { kind: "response", status, reason, headers, body };
}

/** Dialog state as both ends hold it once `invite` was answered by `answer` (RFC 3261 §12.1). */
export function establishDialog(
  invite: SipRequest,
  answer: SipResponse,
  uacLane: Lane,
  uasLane: Lane,
  uasSentBy: string,
  uasFirstCseq: number,
): Dialog {
  const via = headerValue(invite, "Via")!;
  const from = headerValue(invite, "From")!;
  const to = headerValue(answer, "To")!;
  const transport = via.slice(8, via.indexOf(" "));
  return {
    callId: headerValue(invite, "Call-ID")!,
    uac: {
      lane: uacLane,
      sentBy: via.slice(via.lastIndexOf(" ") + 1, via.indexOf(";")),
      transport,
      nameAddr: withoutTag(from),
      tag: tagOf(from),
      target: uriOf(headerValue(invite, "Contact")!),
      cseq: cseqOf(invite).seq,
    },
    uas: {
      lane: uasLane,
      sentBy: uasSentBy,
      transport,
      nameAddr: withoutTag(to),
      tag: tagOf(to),
      target: uriOf(headerValue(answer, "Contact")!),
      cseq: uasFirstCseq - 1,
    },
    routeSet: headerValues(invite, "Record-Route"),
  };
}

/** The side of `d` that `lane` plays, and the other one. */
function sides(d: Dialog, lane: Lane): [DialogSide, DialogSide] {
  return d.uac.lane === lane ? [d.uac, d.uas] : [d.uas, d.uac];
}

/**
 * An in-dialog request from `lane`: the dialog's Call-ID and tags, the sender's next CSeq,
 * the peer's Contact as Request-URI and the route set as Route (RFC 3261 §12.2.1.1). The
 * UAS uses the route set in order, the UAC reversed; a loose router drops its own entry.
 */
export function dialogRequest(
  d: Dialog,
  lane: Lane,
  method: string,
  branch: string,
  extra: readonly SipHeaderField[] = [],
  body: Body | null = null,
  contact?: string,
): SipRequest {
  const [me, peer] = sides(d, lane);
  const route = me === d.uas ? d.routeSet : d.routeSet.filter((r) => r.indexOf(me.sentBy) === -1).reverse();
  const seq = method === "ACK" ? me.cseq : ++me.cseq;
  return buildRequest({
    method,
    uri: peer.target,
    sentBy: me.sentBy,
    transport: me.transport,
    branch,
    route,
    from: me.nameAddr + ";tag=" + me.tag,
    to: peer.nameAddr + ";tag=" + peer.tag,
    callId: d.callId,
    cseq: seq,
    contact: CONTACT_METHODS.has(method) ? (contact ?? "<" + me.target + ">") : null,
    extra,
    body,
  });
}

/** ACK for a non-2xx final response: same branch, Request-URI and Route as the INVITE (RFC 3261 §17.1.1.3). */
export function ackForFailure(invite: SipRequest, response: SipResponse): SipRequest {
  const headers: SipHeaderField[] = [{ name: "Via", value: headerValue(invite, "Via")! }];
  for (const r of headerValues(invite, "Route")) headers.push({ name: "Route", value: r });
  headers.push(
    { name: "Max-Forwards", value: "70" },
    { name: "From", value: headerValue(invite, "From")! },
    { name: "To", value: headerValue(response, "To")! },
    { name: "Call-ID", value: headerValue(invite, "Call-ID")! },
    { name: "CSeq", value: cseqOf(invite).seq + " ACK" },
    { name: "Content-Length", value: "0" },
  );
  return { kind: "request", method: "ACK", uri: invite.uri, headers, body: "" };
}

export interface InboundCallParties {
  /** "": the caller withheld their number (anonymous From, Privacy: id). */
  callerUser: string;
  calledUser: string;
  agentName: string;
  /** Headers the caller's side sent on the INVITE (`conv.sip_headers`), after the SBC's own. */
  headers?: readonly SipHeaderField[];
}

/**
 * The inbound call every trace starts with: the SBC's INVITE (SDP offer, Record-Route),
 * 100 Trying, the agent's 200 OK (SDP answer, To tag) and the SBC's ACK.
 */
export function inboundCall(tb: TraceBuilder, p: InboundCallParties): Dialog {
  const ids = tb.ids;
  const sbcHost = SBC_IP + ":" + SIP_PORT;
  const agentHost = AGENT_IP + ":" + SIP_PORT;
  const withheld = p.callerUser === "";
  const from = callerAddress(p.callerUser, SBC_IP);
  const to = partyAddress(p.calledUser, AGENT_IP);
  const recordRoute = "<sip:" + sbcHost + ";lr>";
  const invite = buildRequest({
    method: "INVITE",
    uri: uriOf(to).replace("@" + AGENT_IP, "@" + agentHost),
    sentBy: sbcHost,
    branch: ids.branch(),
    route: [],
    from: from + ";tag=" + ids.tag(),
    to,
    callId: ids.callId(SBC_IP),
    cseq: ids.int(1, 9000),
    contact: withheld ? "<sip:" + sbcHost + ">" : "<" + uriOf(from).replace("@" + SBC_IP, "@" + sbcHost) + ">",
    recordRoute: [recordRoute],
    extra: [{ name: "Allow", value: ALLOW }, ...(withheld ? [PRIVACY_ID] : []), ...(p.headers ?? [])],
    body: { type: SDP_CONTENT_TYPE, content: sdp(ids, SBC_IP, "SBC", 2 * ids.int(10000, 14999), false) },
  });
  tb.sip("sbc", "agent", invite, "INVITE", 0);
  tb.sip("agent", "sbc", buildResponse(invite, 100, "Trying"), "100 Trying", 1);
  const agentContact = "<" + uriOf(to).replace("@" + AGENT_IP, "@" + agentHost) + ">";
  const ok = buildResponse(invite, 200, "OK", {
    toTag: ids.tag(),
    contact: agentContact,
    recordRoute: [recordRoute],
    extra: [{ name: "Allow", value: ALLOW }],
    body: { type: SDP_CONTENT_TYPE, content: sdp(ids, AGENT_IP, p.agentName, 2 * ids.int(20000, 24999), true) },
  });
  tb.sip("agent", "sbc", ok, "200 OK", 180);
  const dialog = establishDialog(invite, ok, "sbc", "agent", agentHost, 1);
  tb.sip("sbc", "agent", dialogRequest(dialog, "sbc", "ACK", ids.branch()), "ACK", 1);
  return dialog;
}
