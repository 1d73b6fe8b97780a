import type { Db } from "../db/client";
import { saveTwilioCall, type StoredCall } from "../db/repositories/telephony";
import { getVersion } from "../db/repositories/versions";
import { agentSetupFromDocument, documentSamples } from "../lib/agent-document";
import type { AgentSetup, CallEvent, Effect, Session } from "../lib/runtime";
import { advance, toOutcome, toRunRequest } from "../lib/simulation";
import type { RunRequest, RunResult } from "../lib/functions/types";
import { isSipOriginated, turnTwiml } from "../lib/telephony/twiml";

/**
 * What every voice webhook shares (docs/design.md §14): a stored call's session loaded with its live
 * version's setup, one turn of it run, the result saved (optimistically, by revision), and the
 * turn's TwiML. `voice.ts` answers the call, gather and status webhooks; `voice-transfer.ts` the
 * Dial/Refer action.
 */

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

export const xml = (body: string): VoiceReply => ({ status: 200, body, contentType: "text/xml" });
export const text = (status: number, body: string): VoiceReply => ({ status, body, contentType: "text/plain" });

/** What a stored call keeps of its session: everything but the agent, which its version gives back. */
export type StoredSession = Omit<Session, "agent">;

// Versions never change, so their runnable setup is parsed once per process.
const setups = new Map<string, { setup: AgentSetup; samples: Record<string, string>; timeoutMs: number }>();

export function liveSetup(db: Db, agentId: string, version: number) {
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

export const stripAgent = ({ agent: _agent, ...rest }: Session): StoredSession => rest;

export interface Ctx {
  publicBaseUrl: string;
  host: VoiceHost;
}

/** One event and the functions it runs; the events (with the functions' results) are kept for a replay. */
export async function runTurn(
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

export function twimlContext(session: Session, from: string, ctx: Ctx) {
  return {
    publicBaseUrl: ctx.publicBaseUrl,
    conversationId: session.conversationId,
    sipOriginated: isSipOriginated(from),
    hosts: session.agent.hosts,
  };
}

export function reply(effects: readonly Effect[], session: Session, from: string, ctx: Ctx) {
  const t = turnTwiml(effects, session, twimlContext(session, from, ctx));
  for (const w of t.warnings) session.logs.push({ level: "warning", message: w, at: session.clock, source: "twilio" });
  return t;
}

export function loaded(call: StoredCall, ctx: Ctx) {
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

export function save(
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

export const CONFLICT = text(409, "Another request for this call was handled at the same time");
