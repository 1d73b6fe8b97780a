import type { FlowDocument } from "../flow";
import type { HandoffAttempt, Outcome } from "../handoffs/record";
import type { HandoffDestination, HandoffMethod, SipHeader } from "../handoffs/types";
import type { HandoffTrace, HandoffTraceInput, TraceBehaviour } from "../sip";
import type { LastTransfer, LiveTransferAttempt } from "../handoffs/outcomes";
import type { RouteHosts } from "../sip/route";
import type { Topic } from "../topics/types";

/** What the runtime needs to know about the agent; plain data so any host can build it. */
export interface AgentSetup {
  name: string;
  /** The entry flow: where a call starts (docs/design.md §3). */
  flow: FlowDocument;
  /**
   * Every flow of the agent by name (the entry flow among them), for Go to flow nodes and
   * `conv.goto_flow`; absent: the entry flow is the only one.
   */
  flows?: readonly AgentFlow[];
  destinations: readonly (Pick<
    HandoffDestination,
    | "id"
    | "name"
    | "method"
    | "route"
    | "sipHeaders"
    | "referHeaderPlacement"
    | "ringTimeoutSeconds"
    | "attempts"
    | "isDefault"
  > &
    // Absent: sent to the route's own host over UDP/RTP (hosts older than these fields).
    Partial<Pick<HandoffDestination, "outboundEndpoint" | "outboundEncryption">>)[];
  functions: readonly { name: string; code: string }[];
  hosts: RouteHosts;
  /** Knowledge topics (docs/design.md §13), matched at every listen step after the node's own branches. */
  topics?: readonly RuntimeTopic[];
}

/** One flow of the agent, as Go to flow and `conv.goto_flow` name it. */
export interface AgentFlow {
  name: string;
  flow: FlowDocument;
}

/** A knowledge topic as the runtime needs it (a handoff names its destination by id, null: the default). */
export type RuntimeTopic = Pick<Topic, "name" | "sampleQuestions" | "content" | "action" | "enabled">;

export interface CallSetup {
  callerId: string;
  calledNumber: string;
  /** Initial conv.state: the agent's variables with their sample (or edited) values. */
  variables: Readonly<Record<string, string>>;
  /** Seeds every id and trace so the same call replays identically. */
  seed: string | number;
  /**
   * How each destination behaves when the call is transferred to it (docs/design.md §11), by
   * destination name (ignoring case; a code-based transfer by its route), `*` for any other; one
   * behaviour per attempt, the last repeating. Absent: every destination answers.
   */
  behaviours?: Readonly<Record<string, TraceBehaviour | readonly TraceBehaviour[]>>;
  /** Headers of the inbound INVITE, by name (`conv.sip_headers`). */
  sipHeaders?: Readonly<Record<string, string>>;
  /**
   * A test clock (UTC ISO): the moment the call was answered. `conv.now()` reads it plus the call's
   * simulated elapsed time; absent: the host's real clock.
   */
  simulatedAt?: string;
  /** `conv.integration_attributes`: typed values the host gives (its `channel`, Twilio's call data…). */
  integrationAttributes?: Readonly<Record<string, IntegrationValue>>;
}

export type IntegrationValue = string | number | boolean | null;

/** A typed function argument (docs/design.md §4): what a Function node passes for a declared parameter. */
export type ArgumentValue = string | number | boolean;

/** `conv.goto_flow(name)` / `conv.exit_flow()`, as the host reports them. */
export type FlowChange = { kind: "goto"; flow: string } | { kind: "exit"; flow: null };

/** One flow the call is in: the stack's top is the current flow. */
export interface FlowFrame {
  flow: string;
  /** Where the call goes on when this flow exits: a node of the flow below and its handle (null: enter it again). */
  returnTo: { nodeId: string; handle: string | null } | null;
}

export type TurnRole = "agent" | "caller" | "system";

export interface Turn {
  role: TurnRole;
  text: string;
  at: number;
  nodeId?: string;
  /** The flow of `nodeId`. */
  flow?: string;
}

export interface Metric {
  name: string;
  value: number | string | boolean;
  at: number;
}

export type LogLevel = "info" | "warning" | "error";

export interface LogEntry {
  level: LogLevel;
  message: string;
  fields?: Record<string, unknown>;
  at: number;
  source?: string;
}

/** What a function asked for, as reported by the Python host (conv.handoff / conv.transfer_call). */
export type FunctionAction =
  | {
      kind: "handoff";
      destination: string | null;
      reason: string | null;
      utterance: string | null;
      sip_headers: SipHeader[] | null;
      route: string | null;
    }
  | {
      kind: "transfer_call";
      route: string;
      method: HandoffMethod;
      sip_headers: SipHeader[] | null;
      reason: string | null;
      utterance: string | null;
      soft: boolean;
      whisper: string | null;
    };

/** The host's report of one Python call, fed back with a `function_result` event. */
export type FunctionOutcome =
  | {
      ok: true;
      /** Everything the agent should say, in order: conv.say calls, then a returned string/utterance. */
      said: string[];
      action: FunctionAction | null;
      hangup: boolean;
      /** conv.state after the call. */
      state: Record<string, string>;
      metrics: { name: string; value: number | string | boolean }[];
      logs: { level: LogLevel; message: string; fields?: Record<string, unknown> }[];
      returnValue?: unknown;
      /** A returned dict's `end_turn` (absent: True). */
      endTurn?: boolean;
      /** `conv.goto_flow` / `conv.exit_flow`, applied after the function. */
      flow?: FlowChange | null;
    }
  | {
      ok: false;
      error: { type: string; message: string; traceback?: string; line?: number | null; timedOut?: boolean };
      metrics: { name: string; value: number | string | boolean }[];
      logs: { level: LogLevel; message: string; fields?: Record<string, unknown> }[];
    };

export type CallEvent =
  | { type: "call_started" }
  | { type: "user_utterance"; text: string }
  | { type: "dtmf"; digits: string }
  | { type: "function_result"; requestId: string; outcome: FunctionOutcome }
  | { type: "timer"; name: "no_input" }
  | { type: "caller_hangup" };

export interface FunctionRequest {
  requestId: string;
  nodeId: string;
  functionName: string;
  code: string;
  /** Keyword arguments from a function node (variables substituted, converted to the declared types). */
  args: Record<string, ArgumentValue>;
  state: Record<string, string>;
  call: {
    conversationId: string;
    callerId: string;
    calledNumber: string;
    sipHeaders: Record<string, string>;
    integrationAttributes: Record<string, IntegrationValue>;
    /** `conv.now()` on a test clock (UTC ISO: the clock plus the call's elapsed time); absent: real time. */
    now?: string;
  };
  /** Metric names the call has written so far (for `write_once`). */
  writtenMetrics: string[];
  /** `conv.last_transfer`: the call's last handoff when it did not complete, else null. */
  lastTransfer: LastTransfer | null;
  /**
   * `topic`: a knowledge topic's function action, asked for at the listen node `nodeId`;
   * `start` / `end`: the agent's lifecycle functions (`nodeId` is empty).
   */
  purpose: "node" | "override" | "topic" | "start" | "end";
  /** The topic whose action this is (purpose topic). */
  topic?: string;
}

export type Effect =
  | { type: "node_entered"; nodeId: string; flow: string }
  | { type: "flow_changed"; from: string | null; to: string; how: "goto" | "exit" | "start" }
  | { type: "say"; text: string; nodeId: string }
  | { type: "listen"; nodeId: string }
  | { type: "run_function"; request: FunctionRequest }
  | { type: "function_finished"; nodeId: string; functionName: string; outcome: FunctionOutcome }
  | { type: "handoff"; record: HandoffAttempt; trace: HandoffTrace }
  | { type: "hang_up"; reason: string };

export type SessionStatus = "ready" | "awaiting_input" | "awaiting_function" | "ended";

export interface Session {
  conversationId: string;
  agent: AgentSetup;
  call: CallSetup;
  status: SessionStatus;
  outcome: Outcome | null;
  /** Simulated milliseconds since the call was answered. */
  clock: number;
  currentNodeId: string | null;
  /** Node ids in the order they were entered. */
  path: string[];
  /** The flow of each `path` entry (same length). */
  pathFlows: string[];
  /** The flows the call is in, the current one last (docs/design.md §3). */
  flowStack: FlowFrame[];
  /** The agent's `end_function` was asked for (it runs once, whatever the outcome). */
  endFunctionRequested: boolean;
  /** Built-ins plus conv.state. */
  variables: Record<string, string>;
  turns: Turn[];
  metrics: Metric[];
  logs: LogEntry[];
  /** The call's last handoff (completed or not). */
  handoff: HandoffAttempt | null;
  /** The SIP trace of the whole call: the inbound call and every handoff tried. */
  sipTrace: HandoffTrace | null;
  /** Every handoff tried so far as the SIP engine was asked for it, replayed before the next one. */
  handoffInputs: HandoffTraceInput[];
  /** Every transfer attempt of the call, in order. */
  transferAttempts: LiveTransferAttempt[];
  /** Failed attempts per listen node, for re-prompts. */
  attempts: Record<string, number>;
  /** The listen node to return to after a failed transfer. */
  lastListenNodeId: string | null;
  pending: FunctionRequest | null;
  /** Counter behind request ids. */
  seq: number;
  endReason: string | null;
}

export interface StepResult {
  session: Session;
  effects: Effect[];
}
