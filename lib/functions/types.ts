import type { HandoffSource } from "../handoffs/record";
import type { LastTransfer } from "../handoffs/outcomes";
import type { HandoffMethod, ReferHeaderPlacement, SipHeader } from "../handoffs/types";

/** Anything that survives JSON: what crosses the worker boundary and what Python returns. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A stored function (the `functions` table), as the repository returns it. */
export interface AgentFunction {
  id: string;
  agentId: string;
  name: string;
  description: string;
  code: string;
  createdAt: string;
  updatedAt: string;
}

/** A flow node that names a function: a function node, or a handoff node's override. */
export interface FunctionUsage {
  flowId: string;
  flowName: string;
  nodeId: string;
  nodeType: "function" | "handoff";
  /** How people know the node (docs/design.md §2): its title, or its default title. */
  nodeTitle: string;
  /** `function node "Look up the caller" in Main` style text for confirmations. */
  label: string;
}

/** A handoff destination as the function sees it in `conv.handoffs` (by name). */
export interface FunctionDestination {
  name: string;
  description: string;
  method: HandoffMethod;
  route: string | null;
  sipHeaders: SipHeader[];
  referHeaderPlacement: ReferHeaderPlacement;
  isDefault: boolean;
}

/** The inbound call a function runs in (`conv.id`, `conv.caller_number`, …). */
export interface CallInfo {
  conversationId: string;
  callSid: string;
  callerNumber: string;
  calleeNumber: string;
  /** Headers of the inbound INVITE, by name. */
  sipHeaders: Record<string, string>;
}

export interface RunRequest {
  /** Python source of the whole module. */
  code: string;
  /** The function to call: `def <functionName>(conv):` (the record's name). */
  functionName: string;
  /** `conv.state` before the call. */
  state: Record<string, JsonValue>;
  call: CallInfo;
  destinations: FunctionDestination[];
  /** `conv.last_transfer`: the call's last transfer when it failed; absent or null otherwise. */
  lastTransfer?: LastTransfer | null;
  /** Extra keyword arguments (a flow's function node passes its typed parameters here). */
  args?: Record<string, JsonValue>;
  /** The agent's functions, for `conv.functions.<name>(...)` (called inside this run, under its limit). */
  functions?: readonly { name: string; code: string }[];
  /** The agent's flow names, which `conv.goto_flow` checks against; absent: any name is taken as is. */
  flows?: readonly string[];
  /** Metric names the call has written already (`conv.write_metric(..., write_once=True)` skips them). */
  writtenMetrics?: readonly string[];
  /** `conv.integration_attributes`: typed values the host gives (channel, Twilio's call data…). */
  integrationAttributes?: Record<string, JsonValue>;
  /** `conv.now()` (UTC ISO) on a test clock; absent: the real clock. */
  now?: string;
  /** Time limit; the runner's default (2000 ms) when absent. */
  timeoutMs?: number;
}

export type LogLevel = "info" | "warning" | "error" | "print";

export interface LogEntry {
  level: LogLevel;
  message: string;
  fields: Record<string, JsonValue>;
}

export interface Metric {
  name: string;
  /** `conv.write_metric(name)` with no value records True. */
  value: number | string | boolean;
}

/** `conv.goto_flow(name)` or `conv.exit_flow()`: where the call goes after the function. */
export type FlowChange = { kind: "goto"; flow: string } | { kind: "exit"; flow: null };

/**
 * The handoff or transfer a function asked for. `source` is the handoff record's (docs/design.md §1):
 * `function` for conv.handoff / conv.call_handoff / a returned `handoff`,
 * `transfer_call` for conv.transfer_call.
 */
export interface FunctionHandoff {
  source: Exclude<HandoffSource, "builtin">;
  /** The configured destination's name; null for transfer_call. */
  destination: string | null;
  method: HandoffMethod;
  route: string | null;
  /** Resolved: destination headers with `$variables` substituted, then the call's headers over them. */
  sipHeaders: SipHeader[];
  referHeaderPlacement: ReferHeaderPlacement;
  reason: string;
  utterance: string | null;
  soft: boolean;
  whisper: string | null;
}

/** `invalid_result`: the run came back malformed (user code wrote conv's private fields). */
export type RunErrorKind = "syntax" | "exception" | "not_found" | "timeout" | "crashed" | "invalid_result";

export interface RunError {
  kind: RunErrorKind;
  /** Python exception type (`ValueError`, `SyntaxError`, …) or `TimeoutError` / `WorkerError`. */
  type: string;
  message: string;
  /** Traceback limited to the function's own frames (empty for timeouts). */
  traceback: string;
  /** 1-based line in the function's source, when known. */
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
}

export interface RunResult {
  ok: boolean;
  /** The return value as JSON (non-JSON values become their repr). */
  returnValue: JsonValue;
  returnRepr: string | null;
  /** Texts passed to conv.say, in order. */
  says: string[];
  /** What a returned string or dict `utterance` asks the agent to say. */
  utterance: string | null;
  /** A returned dict's `end_turn` (True unless it says False): False speaks and goes on in the same turn. */
  endTurn: boolean;
  hangup: boolean;
  handoff: FunctionHandoff | null;
  flow: FlowChange | null;
  metrics: Metric[];
  logs: LogEntry[];
  /** `conv.state` after the call. */
  state: Record<string, JsonValue>;
  error: RunError | null;
  durationMs: number;
}

export interface SyntaxIssue {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type RunnerState = "idle" | "loading" | "ready" | "running" | "restarting" | "failed";

export interface RunnerStatus {
  state: RunnerState;
  /** What the worker is doing while loading (shown the first time). */
  stage: string | null;
  /** How long the last start-up took, once ready. */
  startupMs: number | null;
  message: string | null;
}

/** One interface for every host: the browser Web Worker and the Node worker thread. */
export interface FunctionRunner {
  run(request: RunRequest): Promise<RunResult>;
  /** Compiles without running: the first SyntaxError, or null. */
  check(code: string): Promise<SyntaxIssue | null>;
  /** Starts the worker (if needed) and resolves when Python is ready. */
  warm(): Promise<void>;
  status(): RunnerStatus;
  onStatus(listener: (status: RunnerStatus) => void): () => void;
  dispose(): void;
}
