import { BUILTIN_VARIABLES } from "../variables/variables";
import type { HandoffDestination } from "../handoffs/types";
import type { CallInfo, FunctionDestination, JsonValue, RunRequest } from "./types";

export interface SampleRow {
  key: string;
  value: string;
}

const builtinSample = (name: string) => BUILTIN_VARIABLES.find((v) => v.name === name)?.sample ?? "";

/** The call a Run uses by default: the built-in variables' sample values. */
export function sampleCall(overrides: Partial<CallInfo> = {}): CallInfo {
  return {
    conversationId: builtinSample("conversation_id"),
    callSid: builtinSample("call_sid"),
    callerNumber: builtinSample("caller_id"),
    calleeNumber: builtinSample("called_number"),
    sipHeaders: {},
    ...overrides,
  };
}

export function toFunctionDestination(d: HandoffDestination): FunctionDestination {
  return {
    name: d.name,
    description: d.description,
    method: d.method,
    route: d.route,
    sipHeaders: d.sipHeaders,
    referHeaderPlacement: d.referHeaderPlacement,
    isDefault: d.isDefault,
  };
}

/**
 * Editable key/value rows → conv.state. Values are text, as variables are; rows without a key are
 * skipped and a later duplicate key wins.
 */
export function stateFromRows(rows: readonly SampleRow[]): Record<string, JsonValue> {
  const state: Record<string, JsonValue> = {};
  for (const r of rows) {
    const key = r.key.trim();
    if (key) state[key] = r.value;
  }
  return state;
}

export function buildRunRequest(input: {
  code: string;
  functionName: string;
  stateRows: readonly SampleRow[];
  callerNumber: string;
  calleeNumber: string;
  destinations: readonly FunctionDestination[];
  timeoutMs: number;
}): RunRequest {
  return {
    code: input.code,
    functionName: input.functionName,
    state: stateFromRows(input.stateRows),
    call: sampleCall({ callerNumber: input.callerNumber, calleeNumber: input.calleeNumber }),
    destinations: [...input.destinations],
    timeoutMs: input.timeoutMs,
  };
}
