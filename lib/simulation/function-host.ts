import type { FunctionDestination, JsonValue, RunRequest, RunResult } from "../functions/types";
import { agentFlows, type AgentSetup, type FunctionOutcome, type FunctionRequest } from "../runtime";

/** conv.handoffs: the agent's destinations as a function sees them. */
export function functionDestinations(agent: AgentSetup): FunctionDestination[] {
  return agent.destinations.map((d) => ({
    name: d.name,
    description: "",
    method: d.method,
    route: d.route,
    sipHeaders: [...d.sipHeaders],
    referHeaderPlacement: d.referHeaderPlacement,
    isDefault: d.isDefault,
  }));
}

/** What the Python host needs to run the function the runtime asked for. */
export function toRunRequest(req: FunctionRequest, agent: AgentSetup, timeoutMs?: number): RunRequest {
  return {
    code: req.code,
    functionName: req.functionName,
    state: req.state,
    call: {
      conversationId: req.call.conversationId,
      callSid: `CA${req.call.conversationId.replace(/^conv_/, "").padEnd(32, "0")}`,
      callerNumber: req.call.callerId,
      calleeNumber: req.call.calledNumber,
      sipHeaders: { ...req.call.sipHeaders },
    },
    destinations: functionDestinations(agent),
    lastTransfer: req.lastTransfer,
    args: req.args,
    functions: agent.functions,
    flows: agentFlows(agent).map((f) => f.name),
    writtenMetrics: req.writtenMetrics,
    integrationAttributes: { ...req.call.integrationAttributes },
    ...(req.call.now ? { now: req.call.now } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}

function asText(v: JsonValue): string {
  return typeof v === "string" ? v : v === null ? "" : JSON.stringify(v);
}

/** The Python host's result in the runtime's terms. conv.state values become strings (variables are text). */
export function toOutcome(result: RunResult): FunctionOutcome {
  const logs = result.logs.map((l) => ({
    level: l.level === "print" ? ("info" as const) : l.level,
    message: l.message,
    fields: l.fields,
  }));
  const metrics = result.metrics.map((m) => ({ name: m.name, value: m.value }));
  if (!result.ok || result.error) {
    const e = result.error;
    return {
      ok: false,
      error: {
        type: e?.type ?? "Error",
        message: e?.message ?? "The function failed",
        traceback: e?.traceback,
        line: e?.line ?? null,
        timedOut: e?.kind === "timeout",
      },
      logs,
      metrics,
    };
  }
  const h = result.handoff;
  return {
    ok: true,
    said: [...result.says, ...(result.utterance ? [result.utterance] : [])],
    action: !h
      ? null
      : h.source === "transfer_call"
        ? {
            kind: "transfer_call",
            route: h.route ?? "",
            method: h.method,
            sip_headers: h.sipHeaders,
            reason: h.reason,
            utterance: h.utterance,
            soft: h.soft,
            whisper: h.whisper,
          }
        : {
            kind: "handoff",
            destination: h.destination,
            reason: h.reason,
            utterance: h.utterance,
            sip_headers: h.sipHeaders,
            route: h.route,
          },
    hangup: result.hangup,
    endTurn: result.endTurn,
    flow: result.flow,
    state: Object.fromEntries(Object.entries(result.state).map(([k, v]) => [k, asText(v)])),
    metrics,
    logs,
    returnValue: result.returnValue,
  };
}
