import type { HandoffAttempt, HandoffSource } from "../handoffs/record";
import type { HandoffMethod, ReferHeaderPlacement, SipHeader } from "../handoffs/types";
import { buildHandoff, REASON_HEADER } from "../sip";
import { classifyRoute } from "../sip/route";
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
}

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
  };
}

/**
 * Speaks the pre-handoff utterance, builds the SIP ladder and records the handoff. With the busy
 * variant the destination refuses: the agent apologises and goes back to the last question.
 */
export function performHandoff(run: Run, spec: HandoffSpec): Transition {
  const s = run.s;
  const utterance = run.text(spec.utterance).trim();
  run.say(utterance, spec.nodeId);
  const fallbackName = spec.destinationName ?? "transfer_call";
  // The ladder resolves the headers once; the record keeps exactly what was sent.
  const { trace, headers } = buildHandoff({
    destination: {
      name: fallbackName,
      method: spec.method,
      route: spec.route,
      sipHeaders: [...spec.sipHeaders],
      referHeaderPlacement: spec.referHeaderPlacement,
    },
    reason: spec.reason || undefined,
    utterance,
    variables: s.variables,
    hosts: s.agent.hosts,
    seed: `${String(s.call.seed)}:${spec.nodeId}`,
    behaviour: s.call.variant === "busy" ? "busy" : "answers",
    soft: spec.soft,
    whisper: spec.whisper ?? undefined,
    caller: { callerId: s.call.callerId, calledNumber: s.call.calledNumber },
    agentName: s.agent.name,
  });
  const reason = headers.find((h) => h.name === REASON_HEADER)?.value ?? fallbackName;
  const failed = (s.call.variant ?? "success") === "busy" && spec.method !== "bye";
  const record: HandoffAttempt = {
    destination: spec.destinationName,
    method: spec.method,
    route: spec.route,
    reason,
    utterance,
    sip_headers: headers.filter((h) => h.name !== REASON_HEADER).map((h) => ({ name: h.name, value: h.value })),
    source: spec.source,
    function: spec.functionName,
    node_id: spec.nodeId,
    soft: spec.soft,
    failed,
  };
  s.handoff = record;
  s.sipTrace = trace;
  run.effects.push({ type: "handoff", record, trace });
  for (const w of trace.warnings) run.log("warning", w.message, "sip", { code: w.code });
  if (!failed) {
    run.system(
      `Handed off to ${spec.destinationName ?? spec.route ?? "the caller's network"} (${spec.method.toUpperCase()})`,
      spec.nodeId,
    );
    run.end("handoff", "handoff");
    return STOP;
  }
  run.system(`${spec.destinationName ?? spec.route} is busy (486): the agent stays on the call`, spec.nodeId);
  run.say("I'm sorry, nobody is available to take your call right now.", spec.nodeId);
  if (s.lastListenNodeId) return { jump: s.lastListenNodeId };
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
