import type { DestinationBehaviour, DestinationResponse, TransferOutcome } from "../handoffs/outcomes";
import type { HandoffDestination } from "../handoffs/types";
import type { RouteHosts } from "./route";

/** The three columns of a ladder diagram. */
export type Lane = "sbc" | "agent" | "destination";

export const LANE_LABELS: Record<Lane, string> = { sbc: "SBC", agent: "Agent", destination: "Destination" };

/** What a trace needs from a destination; a stored HandoffDestination fits as is. */
export type TraceDestination = Pick<
  HandoffDestination,
  "name" | "method" | "route" | "sipHeaders" | "referHeaderPlacement"
> &
  // INVITE only; absent: straight to the route's host over UDP/RTP.
  Partial<Pick<HandoffDestination, "outboundEndpoint" | "outboundEncryption">>;

/** A behaviour by name (`busy`) or the exact response to play (`{ kind: "reject", status: 480 }`). */
export type TraceBehaviour = DestinationBehaviour | DestinationResponse;

export interface HandoffTraceInput {
  destination: TraceDestination;
  /** Machine-readable reason code; the destination's name when absent (docs/design.md §1). */
  reason?: string;
  /** What the agent says before handing off (may contain `$variables`). */
  utterance?: string;
  /** Variable values for `$references` in header values, the utterance and the whisper. */
  variables: Readonly<Record<string, string>>;
  /** Where E.164 and extension routes are sent (the agent's trunk and PBX). */
  hosts: RouteHosts;
  /** Same seed, same Call-IDs, tags and branches. Defaults to the destination's name. */
  seed?: number | string;
  /**
   * How the destination behaves on each attempt, in order; the last one repeats for later attempts.
   * `answers` when absent.
   */
  behaviour?: TraceBehaviour | readonly TraceBehaviour[];
  /** How many times the transfer is tried before the agent gives up (1–3); 1 when absent. */
  attempts?: number;
  /** Seconds an unanswered INVITE rings before the agent CANCELs it; 30 when absent. */
  ringTimeoutS?: number;
  /**
   * When the handoff starts, in ms since the inbound INVITE (the runtime's clock); never before the
   * previous event. Absent: a moment of conversation after the previous event.
   */
  at?: number;
  /** Attended transfer (transfer_call soft=True): consult the destination, then REFER with Replaces. */
  soft?: boolean;
  /** What the agent tells the destination before completing a soft transfer. */
  whisper?: string;
  /** Overrides the caller_id / called_number variables for the inbound INVITE's From and To. */
  caller?: { callerId?: string; calledNumber?: string; sipHeaders?: Readonly<Record<string, string>> };
  /** The agent's name, used as the SDP session name (s=) of its media offers and answers. */
  agentName?: string;
}

export interface TraceMessage {
  from: Lane;
  to: Lane;
  /** Short ladder label: `INVITE`, `200 OK`, `NOTIFY (100 Trying)`, `Agent says "…"`. */
  label: string;
  /** The SIP message exactly as sent (CRLF line ends), or a description of a media event. */
  raw: string;
  /** Simulated milliseconds since the inbound INVITE. */
  at: number;
  kind: "sip" | "media";
}

export type TraceWarningCode =
  | "unknown_variable"
  | "control_characters_removed"
  | "message_too_large"
  | "header_dropped"
  | "header_name_unusual"
  | "option_ignored";

export interface TraceWarning {
  code: TraceWarningCode;
  message: string;
}

/** One attempt of a transfer as the ladder played it. */
export interface LadderAttempt {
  outcome: TransferOutcome;
  /** The final status that decided the outcome; null when nothing answered. */
  sipStatus: number | null;
  /** When the attempt's INVITE or REFER was sent, in ms since the inbound INVITE. */
  at: number;
}

export interface HandoffTrace {
  messages: TraceMessage[];
  warnings: TraceWarning[];
}
