import { validateRequest } from "twilio/lib/webhooks/webhooks";
import { getAgent } from "../db/repositories/agents";
import { insertConversation } from "../db/repositories/conversations";
import {
  getTwilioCall,
  getTwilioCallBySid,
  getTwilioNumber,
  insertTwilioCall,
  saveTwilioCall,
  type StoredCall,
} from "../db/repositories/telephony";
import { writeTransaction } from "../db/transaction";
import { startCall, type CallEvent } from "../lib/runtime";
import { conversationFromSession } from "../lib/simulation";
import { parseTried } from "../lib/telephony/transfer-attempts";
import { hangupTwiml, notConfiguredTwiml } from "../lib/telephony/twiml";
import { storedCredentials } from "./connection";
import { transferred } from "./voice-transfer";
import {
  CONFLICT,
  liveSetup,
  loaded,
  reply,
  runTurn,
  save,
  stripAgent,
  text,
  xml,
  type Ctx,
  type VoiceHost,
  type VoiceReply,
} from "./voice-turns";

/**
 * The voice webhooks (docs/design.md §14). Each request is checked against Twilio's signature
 * first; then one turn of the agent's live version runs with the same lib/runtime as the
 * simulator, its state saved in the database so any server process takes the next webhook.
 */

export type VoiceHook = "call" | "gather" | "transfer" | "status";

export interface VoiceRequest {
  /** The path and query Twilio requested (`/voice/gather?conversation=…`). */
  pathAndQuery: string;
  signature: string | null;
  params: Record<string, string>;
}

export type { VoiceHost, VoiceReply } from "./voice-turns";

/** `SipHeader_X-Customer-ID=42` parameters: the inbound INVITE's headers, as conv.sip_headers. */
export function inboundSipHeaders(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (k.startsWith("SipHeader_")) out[k.slice("SipHeader_".length)] = v;
  return out;
}

/** conv.integration_attributes on a live call: the channel and what Twilio tells about the call. */
export function integrationAttributes(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { channel: "twilio" };
  const fields: [string, string][] = [
    ["call_sid", "CallSid"],
    ["account_sid", "AccountSid"],
    ["direction", "Direction"],
    ["from_city", "FromCity"],
    ["from_state", "FromState"],
    ["from_country", "FromCountry"],
  ];
  for (const [name, param] of fields) if (params[param]) out[name] = params[param];
  return out;
}

export async function handleVoice(hook: VoiceHook, req: VoiceRequest, host: VoiceHost): Promise<VoiceReply> {
  let creds;
  try {
    creds = storedCredentials(host.db, host.databaseFile);
  } catch (e) {
    host.log(`Twilio webhook refused: ${(e as Error).message}`);
    return text(403, "Twilio is not connected on this server");
  }
  if (!creds) return text(403, "Twilio is not connected on this server");
  // Twilio signs the URL it was given: the public base URL plus this path and query.
  const url = `${creds.publicBaseUrl}${req.pathAndQuery}`;
  if (!req.signature || !validateRequest(creds.authToken, req.signature, url, req.params)) {
    host.log(`Twilio webhook refused: ${req.signature ? "wrong" : "missing"} X-Twilio-Signature for ${url}`);
    return text(403, "X-Twilio-Signature is missing or does not match this request");
  }
  const ctx = { publicBaseUrl: creds.publicBaseUrl, host };
  const query = new URL(req.pathAndQuery, "http://x").searchParams;
  const conversationId = query.get("conversation");
  switch (hook) {
    case "call":
      return startLiveCall(req.params, ctx);
    case "gather":
    case "transfer": {
      const call = conversationId ? getTwilioCall(host.db, conversationId) : null;
      if (!call) return xml(hangupTwiml("Sorry, this call cannot be continued."));
      return hook === "gather"
        ? gathered(call, req.params, ctx)
        : transferred(call, req.params, parseTried(query.get("tried")), ctx);
    }
    case "status": {
      const call =
        (conversationId ? getTwilioCall(host.db, conversationId) : null) ??
        (req.params.CallSid ? getTwilioCallBySid(host.db, req.params.CallSid) : null);
      if (!call) return text(200, "");
      return await finished(call, req.params, ctx);
    }
  }
}

async function startLiveCall(params: Record<string, string>, ctx: Ctx): Promise<VoiceReply> {
  const { db } = ctx.host;
  const callSid = params.CallSid ?? "";
  const to = params.To ?? "";
  const from = params.From ?? "";
  const existing = callSid ? getTwilioCallBySid(db, callSid) : null;
  if (existing) return continueAfterRetry(existing, ctx);
  const number = getTwilioNumber(db, to);
  const agent = number?.agentId ? getAgent(db, number.agentId) : null;
  if (!agent) {
    ctx.host.log(`Twilio call ${callSid} from ${from} to ${to}: no agent serves this number`);
    return xml(notConfiguredTwiml());
  }
  const live = agent.liveVersion === null ? null : liveSetup(db, agent.id, agent.liveVersion);
  if (!live || agent.liveVersion === null) {
    ctx.host.log(`Twilio call ${callSid} to ${to}: ${agent.name} has no live version`);
    return xml(hangupTwiml("This number is not in service yet."));
  }
  // A number assigned since this process started: warm Python for the turns to come.
  ctx.host.warm?.();
  const sipHeaders = inboundSipHeaders(params);
  const session0 = startCall(live.setup, {
    callerId: from,
    calledNumber: to,
    variables: live.samples,
    seed: callSid,
    sipHeaders,
    integrationAttributes: integrationAttributes(params),
  });
  session0.variables.call_sid = callSid;
  const r = await runTurn(
    session0,
    { type: "call_started" },
    { timeoutMs: live.timeoutMs, sipHeaders, callSid },
    ctx.host,
  );
  const twiml = reply(r.effects, r.session, from, ctx);
  insertTwilioCall(db, {
    conversationId: r.session.conversationId,
    agentId: agent.id,
    version: agent.liveVersion,
    callSid,
    fromNumber: from,
    toNumber: to,
    startedAt: new Date().toISOString(),
    session: { ...stripAgent(r.session), sipHeaders },
    turnStart: stripAgent(session0),
    turnEvents: r.events,
  });
  return xml(twiml.xml);
}

/** Twilio retried /voice/call: answer with where the call is (listening again), never start it twice. */
function continueAfterRetry(call: StoredCall, ctx: Ctx): VoiceReply {
  const l = loaded(call, ctx);
  if (!l || l.session.status === "ended") return xml(hangupTwiml());
  return xml(reply([], l.session, call.fromNumber, ctx).xml);
}

async function gathered(call: StoredCall, params: Record<string, string>, ctx: Ctx): Promise<VoiceReply> {
  const l = loaded(call, ctx);
  if (!l || l.session.status !== "awaiting_input") return xml(hangupTwiml());
  const speech = (params.SpeechResult ?? "").trim();
  const digits = (params.Digits ?? "").trim();
  const event: CallEvent = speech
    ? { type: "user_utterance", text: speech }
    : digits
      ? { type: "dtmf", digits }
      : { type: "timer", name: "no_input" };
  const r = await runTurn(
    l.session,
    event,
    { timeoutMs: l.live.timeoutMs, sipHeaders: l.sipHeaders, callSid: call.callSid },
    ctx.host,
  );
  const twiml = reply(r.effects, r.session, call.fromNumber, ctx);
  if (!save(ctx, call, r.session, l.sipHeaders, l.session, r.events)) return CONFLICT;
  return xml(twiml.xml);
}

/** The status callback: the call is over; it is stored as a conversation (channel `twilio`). */
async function finished(call: StoredCall, params: Record<string, string>, ctx: Ctx): Promise<VoiceReply> {
  const callStatus = params.CallStatus ?? "";
  if (!["completed", "busy", "failed", "no-answer", "canceled"].includes(callStatus)) return text(200, "");
  if (call.finishedAt) return text(200, "");
  const l = loaded(call, ctx);
  if (!l) return text(200, "");
  let session = l.session;
  // The caller hung up while the agent was on the call: the end function runs now.
  if (session.status !== "ended")
    session = (
      await runTurn(
        session,
        { type: "caller_hangup" },
        { timeoutMs: l.live.timeoutMs, sipHeaders: l.sipHeaders, callSid: call.callSid },
        ctx.host,
      )
    ).session;
  const record = conversationFromSession(session, {
    agentId: call.agentId,
    flowId: null,
    startedAt: new Date(call.startedAt),
    channel: "twilio",
    version: call.version,
  });
  const seconds = Number(params.CallDuration);
  if (Number.isFinite(seconds) && seconds >= 0) {
    record.duration_ms = Math.round(seconds * 1000);
    record.ended_at = new Date(Date.parse(call.startedAt) + record.duration_ms).toISOString();
  }
  record.variables = {
    ...record.variables,
    call_sid: call.callSid,
    caller_id: call.fromNumber,
    called_number: call.toNumber,
  };
  const { db } = ctx.host;
  const stored = writeTransaction(db, () => {
    if (
      !saveTwilioCall(db, call.conversationId, call.revision, {
        session: { ...stripAgent(session), sipHeaders: l.sipHeaders },
        turnStart: call.turnStart,
        turnEvents: [],
        finished: true,
      })
    )
      return null;
    return insertConversation(db, record);
  });
  if (stored === null) return CONFLICT;
  if (!stored.ok && stored.status !== "duplicate")
    ctx.host.log(`Twilio call ${call.callSid}: the conversation could not be stored: ${JSON.stringify(stored)}`);
  return text(200, "");
}
