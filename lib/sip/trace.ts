import { TraceBuilder } from "./builder";
import { inboundCall } from "./dialog";
import { resolveHandoffHeaders, resolveRuntimeText } from "./headers";
import { createIdSource } from "./ids";
import type { SipHeaderField, SipMessage } from "./message";
import { outboundLeg, type OutboundLeg } from "./outbound";
import { headerNameError, sanitizeRuntimeValue } from "./header-rules";
import { classifyRoute } from "./route";
import { BUILTIN_VARIABLES } from "../variables/variables";
import { byeLadder } from "./ladders/bye";
import type { LadderContext } from "./ladders/common";
import { inviteLadder } from "./ladders/invite";
import { referLadder } from "./ladders/refer";
import { softLadder } from "./ladders/soft";
import type { HandoffTrace, HandoffTraceInput, LadderAttempt, TraceBehaviour, TraceWarning } from "./types";
import type { Dialog } from "./dialog";

const BUILTIN_SAMPLES: Readonly<Record<string, string>> = Object.fromEntries(
  BUILTIN_VARIABLES.map((v) => [v.name, v.sample]),
);

/** The SIP a handoff to `input.destination` would exchange, from the inbound call to the end. */
export function buildHandoffTrace(input: HandoffTraceInput): HandoffTrace {
  return buildHandoff(input).trace;
}

export interface BuiltHandoff {
  trace: HandoffTrace;
  /** The message model behind each trace entry (null for media events). */
  models: (SipMessage | null)[];
  /**
   * The handoff headers as sent, resolved once for the whole ladder: the destination's headers
   * with `$variables` substituted, then X-Handoff-Reason (the reason, or the destination's name).
   */
  headers: readonly SipHeaderField[];
  /** This handoff's attempts, in order; the last one's outcome is the handoff's. */
  attempts: LadderAttempt[];
  /** The warnings this handoff added (an earlier handoff's are in the trace already). */
  warnings: TraceWarning[];
}

/**
 * As buildHandoffTrace, plus what a caller recording the handoff needs from the same build.
 * `earlier` are handoffs already tried in the same call (each failed and the agent stayed): they
 * are replayed first on the same dialog, so a later REFER continues the agent's CSeq and the
 * trace shows the whole call. Call-level fields (seed, hosts, caller, agent name) come from `input`.
 */
export function buildHandoff(input: HandoffTraceInput, earlier: readonly HandoffTraceInput[] = []): BuiltHandoff {
  const tb = new TraceBuilder(createIdSource(input.seed ?? input.destination.name));
  const warn = tb.warn.bind(tb);
  const variables = callVariables(input);
  const callerUser = resolveRuntimeText(variables.caller_id ?? "", {}, "Caller number", warn);
  const calledUser = resolveRuntimeText(variables.called_number ?? "", {}, "Called number", warn);
  const agentName = input.agentName ?? "Switchboard agent";
  const dialog = inboundCall(tb, { callerUser, calledUser, agentName, headers: inboundHeaders(input, warn) });
  let built: Omit<BuiltHandoff, "trace" | "models"> = { headers: [], attempts: [], warnings: [] };
  for (const transfer of [...earlier, input]) {
    built = playHandoff(tb, dialog, { ...transfer, caller: input.caller }, callerUser, agentName);
  }
  return { trace: tb.result(), models: tb.models, ...built };
}

/**
 * The caller's side's INVITE headers as the SBC sends them: names that break the SIP rules (or that
 * the dialog writes itself) are left out with a warning, values cleaned of control characters.
 */
function inboundHeaders(input: HandoffTraceInput, warn: TraceBuilder["warn"]): SipHeaderField[] {
  const out: SipHeaderField[] = [];
  for (const [name, raw] of Object.entries(input.caller?.sipHeaders ?? {})) {
    const problem = headerNameError(name);
    if (problem) {
      warn("header_dropped", `Inbound header ${JSON.stringify(name)} left out of the INVITE: ${problem}`);
      continue;
    }
    const clean = sanitizeRuntimeValue(raw);
    if (clean.removed > 0) warn("control_characters_removed", `Inbound header ${name}: removed control characters`);
    out.push({ name, value: clean.value.trim() });
  }
  return out;
}

/** Built-ins always exist (docs/design.md §1); an explicit caller wins over the variables. */
function callVariables(input: HandoffTraceInput): Record<string, string> {
  const variables: Record<string, string> = { ...BUILTIN_SAMPLES, ...input.variables };
  if (input.caller?.callerId !== undefined) variables.caller_id = input.caller.callerId;
  if (input.caller?.calledNumber !== undefined) variables.called_number = input.caller.calledNumber;
  return variables;
}

/** One handoff on the established inbound dialog. */
function playHandoff(
  tb: TraceBuilder,
  dialog: Dialog,
  input: HandoffTraceInput,
  callerUser: string,
  agentName: string,
): Omit<BuiltHandoff, "trace" | "models"> {
  const d = input.destination;
  const soft = input.soft === true;
  let destinationUri: string | null = null;
  let leg: OutboundLeg | null = null;
  if (d.method !== "bye") {
    if (d.route === null || classifyRoute(d.route) === null) {
      throw new Error(
        `Destination "${d.name}" needs a valid route for ${d.method.toUpperCase()} (got ${JSON.stringify(d.route)})`,
      );
    }
    // Only the agent's own INVITE has an endpoint and encryption; a REFER's target is the route itself.
    leg = outboundLeg(
      d.route,
      input.hosts,
      d.method === "invite" ? { endpoint: d.outboundEndpoint, encryption: d.outboundEncryption } : {},
    );
    destinationUri = leg.uri;
  }
  const warningsBefore = tb.warnings.length;
  const warn = tb.warn.bind(tb);
  const variables = callVariables(input);
  const attempts = input.attempts ?? 1;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 3)
    throw new Error(`Attempts must be 1, 2 or 3 (got ${attempts})`);
  const ctx: LadderContext = {
    tb,
    input,
    dialog,
    handoffHeaders: resolveHandoffHeaders(d.sipHeaders, input.reason, d.name, variables, warn),
    destinationUri,
    outbound: leg,
    callerUser,
    agentName,
    utterance: input.utterance === undefined ? "" : resolveRuntimeText(input.utterance, variables, "Utterance", warn),
    attempts: d.method === "bye" ? 1 : attempts,
    ringTimeoutS: input.ringTimeoutS ?? 30,
    results: [],
  };

  if (d.method === "bye") {
    if (soft) warn("option_ignored", "soft transfer needs a route; a BYE destination hands the call back instead");
    if (fails(input))
      warn("option_ignored", "The destination's behaviour has no effect on a BYE: the SBC always accepts it");
    byeLadder(ctx);
  } else if (soft) {
    const whisper =
      input.whisper === undefined || input.whisper.trim() === ""
        ? `Transferring a caller to ${d.name}.`
        : resolveRuntimeText(input.whisper, variables, "Whisper", warn);
    softLadder(ctx, whisper);
  } else {
    if (input.whisper !== undefined) warn("option_ignored", "A whisper is only spoken in a soft (attended) transfer");
    if (d.method === "refer") referLadder(ctx);
    else inviteLadder(ctx);
  }
  return { headers: ctx.handoffHeaders, attempts: ctx.results, warnings: tb.warnings.slice(warningsBefore) };
}

/** Whether any attempt is set to fail. */
function fails(input: HandoffTraceInput): boolean {
  const b = input.behaviour;
  if (b === undefined) return false;
  const list: readonly TraceBehaviour[] = typeof b === "string" || "kind" in b ? [b] : b;
  return list.some((x) => (typeof x === "string" ? x !== "answers" : x.kind !== "answer"));
}
