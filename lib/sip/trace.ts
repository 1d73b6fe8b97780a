import { TraceBuilder } from "./builder";
import { inboundCall } from "./dialog";
import { resolveHandoffHeaders, resolveRuntimeText } from "./headers";
import { createIdSource } from "./ids";
import type { SipHeaderField, SipMessage } from "./message";
import { classifyRoute, routeToSipUri } from "./route";
import { BUILTIN_VARIABLES } from "../variables/variables";
import { byeLadder } from "./ladders/bye";
import type { LadderContext } from "./ladders/common";
import { inviteLadder } from "./ladders/invite";
import { referLadder } from "./ladders/refer";
import { softLadder } from "./ladders/soft";
import type { HandoffTrace, HandoffTraceInput } from "./types";

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
}

/** As buildHandoffTrace, plus what a caller recording the handoff needs from the same build. */
export function buildHandoff(input: HandoffTraceInput): BuiltHandoff {
  const d = input.destination;
  const soft = input.soft === true;
  let destinationUri: string | null = null;
  if (d.method !== "bye") {
    if (d.route === null || classifyRoute(d.route) === null) {
      throw new Error(
        `Destination "${d.name}" needs a valid route for ${d.method.toUpperCase()} (got ${JSON.stringify(d.route)})`,
      );
    }
    destinationUri = routeToSipUri(d.route, input.hosts);
  }

  const tb = new TraceBuilder(createIdSource(input.seed ?? d.name));
  const warn = tb.warn.bind(tb);

  // Built-ins always exist (docs/design.md §1); an explicit caller wins over the variables.
  const variables: Record<string, string> = { ...BUILTIN_SAMPLES, ...input.variables };
  if (input.caller?.callerId !== undefined) variables.caller_id = input.caller.callerId;
  if (input.caller?.calledNumber !== undefined) variables.called_number = input.caller.calledNumber;
  const callerUser = resolveRuntimeText(variables.caller_id ?? "", {}, "Caller number", warn);
  const calledUser = resolveRuntimeText(variables.called_number ?? "", {}, "Called number", warn);
  const agentName = input.agentName ?? "Switchboard agent";

  const dialog = inboundCall(tb, { callerUser, calledUser, agentName });
  const ctx: LadderContext = {
    tb,
    input,
    dialog,
    handoffHeaders: resolveHandoffHeaders(d.sipHeaders, input.reason, d.name, variables, warn),
    destinationUri,
    callerUser,
    agentName,
    utterance: input.utterance === undefined ? "" : resolveRuntimeText(input.utterance, variables, "Utterance", warn),
    busy: input.variant === "busy",
  };

  if (d.method === "bye") {
    if (soft) warn("option_ignored", "soft transfer needs a route; a BYE destination hands the call back instead");
    if (ctx.busy) warn("option_ignored", "The busy variant has no effect on a BYE: the SBC always accepts it");
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
  return { trace: tb.result(), models: tb.models, headers: ctx.handoffHeaders };
}
