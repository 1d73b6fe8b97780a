import type { LastTransfer } from "../handoffs/outcomes";
import type { HandoffAttempt } from "../handoffs/record";
import { isoPlus } from "../time/iso-instant";
import { BUILTIN_VARIABLES } from "../variables/variables";
import { WAIT, type Transition } from "./executor";
import type { Run } from "./run";
import type { ArgumentValue, FunctionOutcome, FunctionRequest } from "./types";

const BUILTINS = new Set<string>(BUILTIN_VARIABLES.map((v) => v.name));

/** The agent's lifecycle functions, designated by name as PolyAI does (docs/design.md §4). */
export const START_FUNCTION = "start_function";
export const END_FUNCTION = "end_function";

/** conv.state: every variable except the built-ins, which describe the call and are read-only. */
export function stateOf(variables: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(variables)) if (!BUILTINS.has(k)) out[k] = v;
  return out;
}

/** conv.last_transfer: the last handoff if it failed (a completed one ended the call). */
export function lastTransferOf(record: HandoffAttempt | null): LastTransfer | null {
  if (!record || record.outcome === "completed") return null;
  return {
    destination: record.destination ?? record.route ?? "",
    method: record.method,
    outcome: record.outcome,
    sip_status: record.sip_status,
    attempts: record.attempts.map((a) => ({ outcome: a.outcome, sip_status: a.sip_status })),
  };
}

/** Asks the host to run a function; the session waits for its `function_result`. */
export function requestFunction(
  run: Run,
  nodeId: string,
  functionName: string,
  args: Record<string, ArgumentValue>,
  purpose: FunctionRequest["purpose"],
): Transition {
  const fn = run.s.agent.functions.find((f) => f.name === functionName);
  const request: FunctionRequest = {
    // Lifecycle runs have fixed ids: a replayed turn (telephony/voice.ts) can tell them from node runs.
    requestId: purpose === "start" || purpose === "end" ? `${run.s.conversationId}:${purpose}` : run.nextRequestId(),
    nodeId,
    functionName,
    code: fn?.code ?? "",
    args,
    state: stateOf(run.s.variables),
    call: {
      conversationId: run.s.conversationId,
      callerId: run.s.call.callerId,
      calledNumber: run.s.call.calledNumber,
      sipHeaders: { ...run.s.call.sipHeaders },
      integrationAttributes: { ...run.s.call.integrationAttributes },
      ...(run.s.call.simulatedAt ? { now: isoPlus(run.s.call.simulatedAt, run.s.clock) } : {}),
    },
    writtenMetrics: [...new Set(run.s.metrics.map((m) => m.name))],
    lastTransfer: lastTransferOf(run.s.handoff),
    purpose,
  };
  run.s.pending = request;
  run.s.status = "awaiting_function";
  run.effects.push({ type: "run_function", request });
  return WAIT;
}

/** Records what a function did (logs, metrics, state, speech); the caller decides where to go next. */
export function applyOutcome(run: Run, nodeId: string, functionName: string, outcome: FunctionOutcome): void {
  run.s.pending = null;
  run.s.status = "ready";
  run.effects.push({ type: "function_finished", nodeId, functionName, outcome });
  for (const l of outcome.logs) run.log(l.level, l.message, functionName, l.fields);
  for (const m of outcome.metrics) run.s.metrics.push({ name: m.name, value: m.value, at: run.s.clock });
  run.s.clock += 50;
  if (!outcome.ok) {
    const e = outcome.error;
    run.log(
      "error",
      e.timedOut ? `${functionName} was stopped: ${e.message}` : `${functionName} raised ${e.type}: ${e.message}`,
      functionName,
      {
        ...(e.line ? { line: e.line } : {}),
        ...(e.traceback ? { traceback: e.traceback } : {}),
      },
    );
    return;
  }
  const builtins = Object.fromEntries(Object.entries(run.s.variables).filter(([k]) => BUILTINS.has(k)));
  run.s.variables = { ...outcome.state, ...builtins };
  if (run.s.outcome !== null && outcome.said.length > 0) {
    // The end function runs after the caller is gone: nothing it says reaches anyone.
    run.log(
      "warning",
      `${functionName} spoke after the call ended (not said): ${outcome.said.join(" ")}`,
      functionName,
    );
    return;
  }
  for (const text of outcome.said) run.say(text, nodeId);
}
