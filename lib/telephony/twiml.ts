import VoiceResponse from "twilio/lib/twiml/VoiceResponse";
import { REASON_HEADER, uriWithHeaders } from "../sip";
import { withTlsTransport, type OutboundOptions } from "../sip/outbound";
import { classifyRoute, routeToSipUri, type RouteHosts } from "../sip/route";
import type { Effect, Session } from "../runtime";
import type { HandoffRecord } from "../handoffs/record";
import { callUrl, VOICE_PATHS } from "./account";
import { formatTried, transferLimits, type TwilioAttempt } from "./transfer-attempts";

/**
 * One webhook turn's runtime effects as TwiML (docs/design.md §14), through the SDK's
 * VoiceResponse. The voice webhooks and the simulator's TwiML view both call `turnTwiml`, so what
 * the simulator shows is what Twilio gets.
 */

export interface TwimlContext {
  publicBaseUrl: string;
  conversationId: string;
  /** Twilio can REFER only a call that reached it over SIP (its From is a sip: URI). */
  sipOriginated: boolean;
  hosts: RouteHosts;
}

export interface TurnTwiml {
  xml: string;
  /** Things Twilio will do differently from the flow's design (a REFER sent as a Dial). */
  warnings: string[];
  /** The transfer this TwiML starts, if any; its action URL reports the outcome. */
  transfer: { verb: "Dial" | "Refer"; target: string } | null;
}

export function isSipOriginated(from: string): boolean {
  return /^sip:/i.test(from.trim());
}

/** `;name=value` added to a SIP URI's parameters, before any `?headers`. */
function withParam(uri: string, param: string): string {
  const q = uri.indexOf("?");
  return q === -1 ? uri + param : uri.slice(0, q) + param + uri.slice(q);
}

/**
 * Where a handoff goes in TwiML: `<Number>` for tel:/E.164 routes, else `<Sip>` with the headers in
 * the URI. An INVITE destination's outbound endpoint and encryption (docs/design.md §14) map onto
 * what `<Sip>` can say: a number route through an endpoint is dialled as `sip:<number>@<endpoint>`;
 * TLS/SRTP adds `;transport=tls` (signalling) and `;secure=true` (SRTP media, Twilio's Secure Media).
 * What Twilio cannot do comes back as warnings: `<Sip>` has no outbound proxy, so a SIP URI route is
 * dialled directly, not through the endpoint; `<Number>` goes over the phone network, where TLS/SRTP
 * does not apply.
 */
export function transferTarget(
  route: string,
  headers: readonly { name: string; value: string }[],
  hosts: RouteHosts,
  outbound: OutboundOptions = {},
): { noun: "Number" | "Sip"; value: string; warnings: string[] } {
  const c = classifyRoute(route);
  const endpoint = outbound.endpoint?.trim() || null;
  const secure = outbound.encryption === "TLS/SRTP";
  const isNumber = c !== null && (c.kind === "tel" || c.kind === "e164");
  if (c && isNumber && endpoint === null) {
    const warnings = secure
      ? [
          `Twilio dials ${c.value} over the phone network (<Number>), where TLS/SRTP does not apply; set an outbound endpoint to send it as SIP`,
        ]
      : [];
    return { noun: "Number", value: c.value, warnings };
  }
  const warnings: string[] = [];
  let uri: string;
  if (c && c.kind !== "sip" && endpoint !== null) uri = `sip:${c.value}@${endpoint}${isNumber ? ";user=phone" : ""}`;
  else {
    uri = routeToSipUri(route, hosts);
    if (endpoint !== null)
      warnings.push(
        `Twilio's <Sip> has no outbound proxy: it dials ${route} directly, not through the outbound endpoint ${endpoint}`,
      );
  }
  if (secure) uri = withParam(/^sips:/i.test(uri) ? uri : withTlsTransport(uri), ";secure=true");
  return { noun: "Sip", value: uriWithHeaders(uri, headers), warnings };
}

/** The destination a handoff record names, as the call's agent setup has it. */
function recordDestination(session: Session, name: string | null) {
  if (name === null) return null;
  const key = name.toLowerCase();
  return session.agent.destinations.find((d) => d.name.toLowerCase() === key) ?? null;
}

export function turnTwiml(effects: readonly Effect[], session: Session, ctx: TwimlContext): TurnTwiml {
  const response = new VoiceResponse();
  const warnings: string[] = [];
  let pendingSays: string[] = [];
  let transfer: TurnTwiml["transfer"] = null;
  let hungUp = false;
  const flushSays = () => {
    for (const text of pendingSays) response.say(text);
    pendingSays = [];
  };
  for (const e of effects) {
    if (e.type === "say") pendingSays.push(e.text);
    else if (e.type === "handoff") {
      // A refused attempt replayed after Twilio reported it: the transfer was already sent.
      if (e.record.outcome !== "completed" || transfer) continue;
      flushSays();
      const r = e.record;
      if (r.method === "bye" || r.route === null) {
        response.hangup();
        hungUp = true;
        continue;
      }
      const added = addTransfer(response, { ...r, route: r.route }, session, ctx, []);
      warnings.push(...added.warnings);
      transfer = added.transfer;
    } else if (e.type === "hang_up") {
      if (transfer || hungUp) continue;
      flushSays();
      response.hangup();
      hungUp = true;
    }
  }
  if (!transfer && !hungUp && session.status === "awaiting_input") {
    const gather = response.gather({
      input: ["speech", "dtmf"],
      speechTimeout: "auto",
      action: callUrl(ctx.publicBaseUrl, VOICE_PATHS.gather, ctx.conversationId),
      method: "POST",
      actionOnEmptyResult: true,
    });
    for (const text of pendingSays) gather.say(text);
    pendingSays = [];
  }
  flushSays();
  return { xml: response.toString(), warnings, transfer };
}

type TransferRecord = Pick<HandoffRecord, "source" | "method" | "route" | "reason" | "sip_headers"> & {
  destination: string | null;
};

/**
 * The <Dial> or <Refer> of a handoff. A Dial rings for the destination's ring timeout; its action
 * URL carries the attempts already made (`tried`), so the transfer webhook knows whether to ask again.
 * Twilio's <Refer> has no ring timeout: the SIP peer that takes the REFER decides how long to ring.
 */
function addTransfer(
  response: VoiceResponse,
  r: TransferRecord & { route: string },
  session: Session,
  ctx: TwimlContext,
  tried: readonly TwilioAttempt[],
): { transfer: NonNullable<TurnTwiml["transfer"]>; warnings: string[] } {
  const warnings: string[] = [];
  const action = transferUrl(ctx.publicBaseUrl, ctx.conversationId, tried);
  const headers = [{ name: REASON_HEADER, value: r.reason }, ...r.sip_headers];
  const dest = r.method === "invite" ? recordDestination(session, r.destination) : null;
  const target = transferTarget(r.route, headers, ctx.hosts, {
    endpoint: dest?.outboundEndpoint,
    encryption: dest?.outboundEncryption,
  });
  warnings.push(...target.warnings);
  if (r.method === "refer" && ctx.sipOriginated && target.noun === "Sip") {
    response.refer({ action, method: "POST" }).sip(target.value);
    return { transfer: { verb: "Refer", target: target.value }, warnings };
  }
  if (r.method === "refer")
    warnings.push(
      ctx.sipOriginated
        ? `Twilio cannot REFER to ${r.route} (not a SIP URI); the call is transferred with <Dial>`
        : "Twilio can REFER only a call that arrived over SIP; the call is transferred with <Dial>",
    );
  const { ringTimeoutSeconds } = transferLimits(session.agent.destinations, r);
  const dial = response.dial({ action, method: "POST", timeout: ringTimeoutSeconds });
  if (target.noun === "Number") dial.number(target.value);
  else dial.sip(target.value);
  return { transfer: { verb: "Dial", target: target.value }, warnings };
}

/** The transfer webhook URL: the conversation, and the failed attempts so far when there are any. */
export function transferUrl(publicBaseUrl: string, conversationId: string, tried: readonly TwilioAttempt[]): string {
  const url = callUrl(publicBaseUrl, VOICE_PATHS.transfer, conversationId);
  return tried.length ? `${url}&tried=${encodeURIComponent(formatTried(tried))}` : url;
}

/** The next attempt of a transfer Twilio reported as failed: the same <Dial>/<Refer>, nothing said again. */
export function retryTwiml(
  record: TransferRecord,
  session: Session,
  ctx: TwimlContext,
  tried: readonly TwilioAttempt[],
): TurnTwiml {
  const response = new VoiceResponse();
  if (record.method === "bye" || record.route === null) {
    response.hangup();
    return { xml: response.toString(), warnings: [], transfer: null };
  }
  const added = addTransfer(response, { ...record, route: record.route }, session, ctx, tried);
  return { xml: response.toString(), ...added };
}

/** The TwiML for a number no agent answers on. */
export function notConfiguredTwiml(): string {
  const response = new VoiceResponse();
  response.say("This number is not configured");
  response.hangup();
  return response.toString();
}

/** The TwiML that ends a call without more words (a finished call, a status the runtime ignores). */
export function hangupTwiml(say?: string): string {
  const response = new VoiceResponse();
  if (say) response.say(say);
  response.hangup();
  return response.toString();
}
