import type { StoredCall } from "../db/repositories/telephony";
import { outcomeOfStatus, type TransferOutcome } from "../lib/handoffs/outcomes";
import type { TraceBehaviour } from "../lib/sip";
import { step, type CallEvent, type Effect, type Session } from "../lib/runtime";
import { transferLimits, type TwilioAttempt } from "../lib/telephony/transfer-attempts";
import { hangupTwiml, retryTwiml } from "../lib/telephony/twiml";
import { CONFLICT, loaded, reply, save, twimlContext, xml, type Ctx, type VoiceReply } from "./voice-turns";

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
export async function transferred(
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
