import {
  ATTEMPTS,
  RING_TIMEOUT,
  TRANSFER_OUTCOME_LABELS,
  reasonPhrase,
  type LiveTransferAttempt,
} from "../handoffs/outcomes";
import type { HandoffAttempt, HandoffSource } from "../handoffs/record";
import type { HandoffMethod, OutboundEncryption, ReferHeaderPlacement, SipHeader } from "../handoffs/types";
import { buildHandoff, REASON_HEADER, type HandoffTraceInput, type TraceBehaviour } from "../sip";
import { classifyRoute } from "../sip/route";
import { DEFAULT_FALLBACK_LINE } from "../flow";
import { STOP, type Transition } from "./executor";
import type { Run } from "./run";
import type { AgentSetup, FunctionAction } from "./types";

type Destination = AgentSetup["destinations"][number];

export interface HandoffSpec {
  nodeId: string;
  /** The configured destination's name, or null for a code-based transfer to a bare route. */
  destinationName: string | null;
  method: HandoffMethod;
  route: string | null;
  sipHeaders: readonly SipHeader[];
  referHeaderPlacement: ReferHeaderPlacement;
  reason: string;
  utterance: string;
  soft: boolean;
  whisper: string | null;
  source: HandoffSource;
  functionName: string | null;
  /** The destination's; a code-based transfer rings 30 s and is tried once. */
  ringTimeoutSeconds: number;
  attempts: number;
  /** The destination's INVITE routing (docs/design.md §5); absent for a code-based transfer. */
  outboundEndpoint?: string | null;
  outboundEncryption?: OutboundEncryption;
  /** The knowledge topic whose action this is (source topic, or function from a topic's function). */
  topicName: string | null;
}

export { DEFAULT_FALLBACK_LINE };

export function findDestination(run: Run, name: string | null): Destination | null {
  const all = run.s.agent.destinations;
  if (name === null) return all.find((d) => d.isDefault) ?? null;
  const key = name.trim().toLowerCase();
  return all.find((d) => d.name.toLowerCase() === key) ?? null;
}

/** Headers passed in code win over the destination's, by case-insensitive name. */
export function mergeHeaders(base: readonly SipHeader[], overrides: readonly SipHeader[] | null): SipHeader[] {
  if (!overrides || overrides.length === 0) return [...base];
  const names = new Set(overrides.map((h) => h.name.toLowerCase()));
  return [...base.filter((h) => !names.has(h.name.toLowerCase())), ...overrides];
}

/** Turns a function's conv.handoff / conv.transfer_call into a handoff, or explains why it can't. */
export function specFromAction(
  run: Run,
  nodeId: string,
  functionName: string,
  action: FunctionAction,
  topicName: string | null = null,
): HandoffSpec | string {
  if (action.kind === "transfer_call") {
    return {
      nodeId,
      destinationName: null,
      method: action.method,
      route: action.method === "bye" ? null : action.route,
      sipHeaders: action.sip_headers ?? [],
      referHeaderPlacement: "request",
      reason: action.reason ?? "",
      utterance: action.utterance ?? "",
      soft: action.soft,
      whisper: action.whisper,
      source: "transfer_call",
      functionName,
      ringTimeoutSeconds: RING_TIMEOUT.default,
      attempts: ATTEMPTS.default,
      topicName,
    };
  }
  const dest = findDestination(run, action.destination);
  if (!dest) {
    return action.destination === null
      ? "conv.handoff() named no destination and the agent has no default"
      : `conv.handoff(): no destination named "${action.destination}"`;
  }
  return {
    nodeId,
    destinationName: dest.name,
    method: dest.method,
    route: action.route ?? dest.route,
    sipHeaders: mergeHeaders(dest.sipHeaders, action.sip_headers),
    referHeaderPlacement: dest.referHeaderPlacement,
    reason: action.reason ?? "",
    utterance: action.utterance ?? "",
    soft: false,
    whisper: null,
    source: "function",
    functionName,
    ringTimeoutSeconds: dest.ringTimeoutSeconds,
    attempts: dest.attempts,
    outboundEndpoint: dest.outboundEndpoint,
    outboundEncryption: dest.outboundEncryption,
    topicName,
  };
}

/**
 * How the call's setup says this destination behaves (docs/design.md §11): by the destination's
 * name (ignoring case), for a code-based transfer by its route, else `*`; it answers otherwise.
 */
export function behaviourFor(run: Run, spec: HandoffSpec): TraceBehaviour | readonly TraceBehaviour[] {
  const table = run.s.call.behaviours;
  if (!table) return "answers";
  const key = (spec.destinationName ?? spec.route ?? "").trim().toLowerCase();
  for (const [name, b] of Object.entries(table)) if (name.trim().toLowerCase() === key) return b;
  return table["*"] ?? "answers";
}

export type HandoffResult = { connected: true } | { connected: false; record: HandoffAttempt };

/**
 * Speaks the pre-handoff utterance, builds the SIP ladder (each attempt as the destination behaves,
 * after the call's earlier handoffs on the same dialog) and records the handoff with its attempts
 * and outcome. A completed transfer ends the call; otherwise the agent is still on the call and the
 * caller (the handoff executor, or a function node) decides what happens next.
 */
export function performHandoff(run: Run, spec: HandoffSpec): HandoffResult {
  const s = run.s;
  const startAt = s.clock;
  const utterance = run.text(spec.utterance).trim();
  run.say(utterance, spec.nodeId);
  const fallbackName = spec.destinationName ?? "transfer_call";
  const input: HandoffTraceInput = {
    destination: {
      name: fallbackName,
      method: spec.method,
      route: spec.route,
      sipHeaders: [...spec.sipHeaders],
      referHeaderPlacement: spec.referHeaderPlacement,
      outboundEndpoint: spec.outboundEndpoint,
      outboundEncryption: spec.outboundEncryption,
    },
    reason: spec.reason || undefined,
    utterance,
    // A copy: the flow may change variables later, and a replay must send what was sent.
    variables: { ...s.variables },
    hosts: s.agent.hosts,
    seed: String(s.call.seed),
    behaviour: behaviourFor(run, spec),
    attempts: spec.attempts,
    ringTimeoutS: spec.ringTimeoutSeconds,
    soft: spec.soft,
    whisper: spec.whisper ?? undefined,
    caller: { callerId: s.call.callerId, calledNumber: s.call.calledNumber, sipHeaders: s.call.sipHeaders },
    agentName: s.agent.name,
    at: startAt,
  };
  // The ladder resolves the headers once; the record keeps exactly what was sent.
  const built = buildHandoff(input, s.handoffInputs);
  s.handoffInputs = [...s.handoffInputs, input];
  const { trace, headers } = built;
  const reason = headers.find((h) => h.name === REASON_HEADER)?.value ?? fallbackName;
  const recordedAs = spec.destinationName ?? spec.route ?? "";
  const attempts: LiveTransferAttempt[] = built.attempts.map((a) => ({
    destination: recordedAs,
    method: spec.method,
    outcome: a.outcome,
    sip_status: a.sipStatus,
    at: a.at,
  }));
  const last = attempts.at(-1)!;
  const record: HandoffAttempt = {
    destination: spec.destinationName,
    method: spec.method,
    route: spec.route,
    reason,
    utterance,
    sip_headers: headers.filter((h) => h.name !== REASON_HEADER).map((h) => ({ name: h.name, value: h.value })),
    source: spec.source,
    function: spec.functionName,
    topic: spec.topicName,
    node_id: spec.nodeId,
    soft: spec.soft,
    outcome: last.outcome,
    sip_status: last.sip_status,
    attempts,
  };
  s.handoff = record;
  s.sipTrace = trace;
  s.transferAttempts = [...s.transferAttempts, ...attempts];
  run.effects.push({ type: "handoff", record, trace });
  for (const w of built.warnings) run.log("warning", w.message, "sip", { code: w.code });
  const where = spec.destinationName ?? spec.route ?? "the caller's network";
  if (last.outcome === "completed") {
    run.system(`Handed off to ${where} (${spec.method.toUpperCase()})`, spec.nodeId);
    run.end("handoff", "handoff");
    return { connected: true };
  }
  // The failed attempts took time on the call (ringing, retries): the clock follows the trace.
  s.clock = Math.max(s.clock, trace.messages.at(-1)!.at);
  const status = last.sip_status === null ? "no response" : `${last.sip_status} ${reasonPhrase(last.sip_status)}`;
  const tries = attempts.length === 1 ? "" : ` after ${attempts.length} attempts`;
  run.system(
    `Transfer to ${where} failed: ${TRANSFER_OUTCOME_LABELS[last.outcome].toLowerCase()} (${status})${tries}; the agent stays on the call`,
    spec.nodeId,
  );
  return { connected: false, record };
}

/**
 * What happens after a failed transfer when the flow has no `failed` branch for it: the agent says
 * the fallback line and asks the last question again (or hangs up when there was none).
 */
export function fallBack(run: Run, nodeId: string, line: string): Transition {
  run.say(line.trim() === "" ? DEFAULT_FALLBACK_LINE : line, nodeId);
  if (run.s.lastListenNodeId) return { jump: run.s.lastListenNodeId };
  run.end("hangup", "transfer_failed");
  return STOP;
}

/** A spec the SIP engine cannot build (a bad route from code) is reported, never thrown. */
export function specProblem(spec: HandoffSpec): string | null {
  if (spec.method === "bye") return null;
  if (spec.route === null || classifyRoute(spec.route) === null) {
    return `Cannot ${spec.method.toUpperCase()} to ${JSON.stringify(spec.route)}: not a SIP URI, tel: URI, E.164 number or extension`;
  }
  return null;
}
