import { validateRequest } from "twilio/lib/webhooks/webhooks";
import type { Db } from "../db/client";
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
import { getVersion } from "../db/repositories/versions";
import { writeTransaction } from "../db/transaction";
import { agentSetupFromDocument, documentSamples } from "../lib/agent-document";
import { outcomeOfStatus, type TransferOutcome } from "../lib/handoffs/outcomes";
import type { TraceBehaviour } from "../lib/sip";
import { step, startCall, type AgentSetup, type CallEvent, type Effect, type Session } from "../lib/runtime";
import { advance, conversationFromSession, toOutcome, toRunRequest } from "../lib/simulation";
import type { RunRequest, RunResult } from "../lib/functions/types";
import { parseTried, transferLimits, type TwilioAttempt } from "../lib/telephony/transfer-attempts";
import { hangupTwiml, isSipOriginated, notConfiguredTwiml, retryTwiml, turnTwiml } from "../lib/telephony/twiml";
import { storedCredentials } from "./connection";

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

export interface VoiceReply {
  status: number;
  body: string;
  contentType: "text/xml" | "text/plain";
}

export interface VoiceHost {
  db: Db;
  databaseFile: string;
  runPython: (request: RunRequest) => Promise<RunResult>;
  /** Where a number nobody serves, a call without a live version and refused signatures are noted. */
  log: (message: string) => void;
  /** Starts the Python workers warming, when a call begins (they are not needed yet). */
  warm?: () => void;
}

const xml = (body: string): VoiceReply => ({ status: 200, body, contentType: "text/xml" });
const text = (status: number, body: string): VoiceReply => ({ status, body, contentType: "text/plain" });

/** What a stored call keeps of its session: everything but the agent, which its version gives back. */
type StoredSession = Omit<Session, "agent">;

// Versions never change, so their runnable setup is parsed once per process.
const setups = new Map<string, { setup: AgentSetup; samples: Record<string, string>; timeoutMs: number }>();

function liveSetup(db: Db, agentId: string, version: number) {
  const key = `${agentId}@${version}`;
  let found = setups.get(key);
  if (!found) {
    const v = getVersion(db, agentId, version);
    const flow = v?.document.flows[0];
    if (!v || !flow) return null;
    found = {
      setup: agentSetupFromDocument(v.document, flow),
      samples: documentSamples(v.document),
      timeoutMs: v.document.agent.function_timeout_ms,
    };
    setups.set(key, found);
  }
  return found;
}

const stripAgent = ({ agent: _agent, ...rest }: Session): StoredSession => rest;

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

interface Ctx {
  publicBaseUrl: string;
  host: VoiceHost;
}

/** One event and the functions it runs; the events (with the functions' results) are kept for a replay. */
async function runTurn(
  session: Session,
  event: CallEvent,
  call: { timeoutMs: number; sipHeaders: Record<string, string>; callSid: string },
  host: VoiceHost,
) {
  const events: CallEvent[] = [event];
  const r = await advance(session, event, async (request) => {
    const run = toRunRequest(request, session.agent, call.timeoutMs);
    run.call.sipHeaders = call.sipHeaders;
    run.call.callSid = call.callSid;
    const outcome = toOutcome(await host.runPython(run));
    events.push({ type: "function_result", requestId: request.requestId, outcome });
    return outcome;
  });
  return { ...r, events };
}

function twimlContext(session: Session, from: string, ctx: Ctx) {
  return {
    publicBaseUrl: ctx.publicBaseUrl,
    conversationId: session.conversationId,
    sipOriginated: isSipOriginated(from),
    hosts: session.agent.hosts,
  };
}

function reply(effects: readonly Effect[], session: Session, from: string, ctx: Ctx) {
  const t = turnTwiml(effects, session, twimlContext(session, from, ctx));
  for (const w of t.warnings) session.logs.push({ level: "warning", message: w, at: session.clock, source: "twilio" });
  return t;
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

function loaded(call: StoredCall, ctx: Ctx) {
  const live = liveSetup(ctx.host.db, call.agentId, call.version);
  if (!live) return null;
  const stored = call.session as StoredSession & { sipHeaders?: Record<string, string> };
  const { sipHeaders = {}, ...rest } = stored;
  return {
    live,
    sipHeaders,
    session: { ...rest, agent: live.setup } as Session,
    turnStart: { ...(call.turnStart as StoredSession), agent: live.setup } as Session,
  };
}

/** Twilio retried /voice/call: answer with where the call is (listening again), never start it twice. */
function continueAfterRetry(call: StoredCall, ctx: Ctx): VoiceReply {
  const l = loaded(call, ctx);
  if (!l || l.session.status === "ended") return xml(hangupTwiml());
  return xml(reply([], l.session, call.fromNumber, ctx).xml);
}

function save(
  ctx: Ctx,
  call: StoredCall,
  session: Session,
  sipHeaders: Record<string, string>,
  turnStart: Session,
  events: CallEvent[],
) {
  return saveTwilioCall(ctx.host.db, call.conversationId, call.revision, {
    session: { ...stripAgent(session), sipHeaders },
    turnStart: stripAgent(turnStart),
    turnEvents: events,
  });
}

const CONFLICT = text(409, "Another request for this call was handled at the same time");

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

/** Twilio's Dial/Refer result as a transfer outcome (docs/design.md §11), the SIP status first when there is one. */
export function transferOutcomeOf(params: Record<string, string>): {
  outcome: TransferOutcome;
  sipStatus: number | null;
  status: string;
} {
  const code = Number(params.DialSipResponseCode ?? params.ReferSipResponseCode ?? NaN);
  const status = (params.DialCallStatus ?? params.ReferCallStatus ?? "").toLowerCase();
  if (Number.isInteger(code) && code >= 100) return { outcome: outcomeOfStatus(code), sipStatus: code, status };
  const byStatus: Record<string, TransferOutcome> = {
    completed: "completed",
    answered: "completed",
    success: "completed",
    busy: "busy",
    "no-answer": "no_answer",
    failed: "failed",
    failure: "failed",
    canceled: "failed",
  };
  return { outcome: byStatus[status] ?? "failed", sipStatus: null, status };
}

/** How the replayed destination behaves: Twilio's SIP status when it gave one, else the outcome's behaviour. */
function behaviourOf(outcome: TransferOutcome, sipStatus: number | null): TraceBehaviour {
  if (sipStatus !== null && sipStatus >= 300) return { kind: "reject", status: sipStatus };
  const byOutcome: Partial<Record<TransferOutcome, TraceBehaviour>> = {
    busy: "busy",
    no_answer: "no_answer",
    declined: "declines",
    unreachable: "unreachable",
  };
  return byOutcome[outcome] ?? { kind: "reject", status: 500 };
}

/**
 * The Dial/Refer action: the attempt's outcome is recorded. A failed attempt with attempts left asks
 * Twilio to try again (the same transfer; the attempts so far ride in the action URL). When the
 * transfer is over, the turn that made it is replayed with the destination behaving as Twilio
 * reported, attempt by attempt, so the handoff record lists every attempt and a failure takes the
 * flow's failure path exactly as the simulator's busy variant does, with the functions' recorded
 * results (nothing runs twice).
 */
async function transferred(
  call: StoredCall,
  params: Record<string, string>,
  tried: readonly TwilioAttempt[],
  ctx: Ctx,
): Promise<VoiceReply> {
  const l = loaded(call, ctx);
  if (!l) return xml(hangupTwiml());
  const { outcome, sipStatus, status } = transferOutcomeOf(params);
  const attempts = [...tried, { outcome, sipStatus }];
  const record = l.session.handoff;
  const limits = record ? transferLimits(l.session.agent.destinations, record) : { attempts: 1 };
  const note = `Transfer ${outcome}${status ? ` (Twilio ${status}${sipStatus ? `, SIP ${sipStatus}` : ""})` : ""}`;
  const logged = (s: Session, message: string, level: "info" | "warning"): Session => {
    const next = { ...s, logs: [...s.logs], metrics: [...s.metrics] };
    next.logs.push({
      level,
      message,
      at: next.clock,
      source: "twilio",
      fields: { transfer_outcome: outcome, sip_status: sipStatus, attempt: attempts.length },
    });
    return next;
  };

  if (outcome !== "completed" && record && attempts.length < limits.attempts) {
    const s = logged(l.session, `${note}: attempt ${attempts.length} of ${limits.attempts}; trying again`, "warning");
    const twiml = retryTwiml(record, s, twimlContext(s, call.fromNumber, ctx), attempts);
    if (!save(ctx, call, s, l.sipHeaders, l.turnStart, call.turnEvents as CallEvent[])) return CONFLICT;
    return xml(twiml.xml);
  }
  if (outcome === "completed" && tried.length === 0) {
    const s = logged(l.session, note, "info");
    s.metrics.push({ name: "transfer_outcome", value: outcome, at: s.clock });
    if (!save(ctx, call, s, l.sipHeaders, l.turnStart, call.turnEvents as CallEvent[])) return CONFLICT;
    return xml(hangupTwiml());
  }
  // Replay the turn with the destination behaving as Twilio reported, attempt by attempt.
  const behaving: TraceBehaviour[] = attempts.map((a) =>
    a.outcome === "completed" ? "answers" : behaviourOf(a.outcome, a.sipStatus),
  );
  let s: Session = { ...l.turnStart, call: { ...l.turnStart.call, behaviours: { "*": behaving } } };
  const effects: Effect[] = [];
  for (const event of call.turnEvents as CallEvent[]) {
    // The end function ran because the transfer had completed; in the replay the call goes on.
    if (event.type === "function_result" && event.requestId === `${s.conversationId}:end`) continue;
    const r = step(s, event);
    s = r.session;
    effects.push(...r.effects);
  }
  const { behaviours: _replayed, ...liveCall } = s.call;
  // What Twilio's side noted during the turn (earlier attempts, a REFER sent as Dial) is not replayed.
  const twilioNotes = l.session.logs.slice(l.turnStart.logs.length).filter((x) => x.source === "twilio");
  s = logged(
    { ...s, call: liveCall, logs: [...s.logs, ...twilioNotes] },
    note,
    outcome === "completed" ? "info" : "warning",
  );
  s.metrics.push({ name: "transfer_outcome", value: outcome, at: s.clock });
  if (outcome === "completed") {
    if (!save(ctx, call, s, l.sipHeaders, s, [])) return CONFLICT;
    return xml(hangupTwiml());
  }
  // Only what the failure path adds is new for the caller: what was said before the transfer was heard.
  const heard = effects.findIndex((e) => e.type === "handoff");
  const twiml = reply(effects.slice(heard + 1), s, call.fromNumber, ctx);
  if (!save(ctx, call, s, l.sipHeaders, s, [])) return CONFLICT;
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
