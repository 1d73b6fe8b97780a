import { z } from "zod";
import { TRANSFER_OUTCOMES, transferAttemptSchema, type LiveTransferAttempt, type TransferAttempt } from "./outcomes";
import { HANDOFF_METHODS } from "./types";

/**
 * The handoff vocabulary (docs/design.md §1), defined once: how a call ended, who handed it off,
 * what a reason code looks like, and the handoff record itself. The runtime, the database, the
 * API, the UI and the CLI all import it from here.
 */

/**
 * How a call ended. A transfer that failed is not a handoff: the call went on (its record keeps the
 * transfer's outcome, docs/design.md §11). `failed`: the flow sent
 * the call to a handoff that could not be made (a deleted destination, no default, a route from
 * code that is not one); the conversation's end reason says which.
 */
export const OUTCOMES = ["handoff", "hangup", "abandoned", "failed"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What moved the call: a handoff node, a function's conv.handoff, conv.transfer_call, or a knowledge topic. */
export const HANDOFF_SOURCES = ["builtin", "function", "transfer_call", "topic"] as const;
export type HandoffSource = (typeof HANDOFF_SOURCES)[number];

/** Machine-readable reason codes. An empty reason means "use the destination's name". */
export const REASON_CODE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** The codes the UI offers with one click; any code matching REASON_CODE_PATTERN is allowed. */
export const SUGGESTED_REASONS = [
  "needs_human",
  "policy_violation",
  "no_availability",
  "billing",
  "complaint",
] as const;

/** What a form or lint says about a reason that is not a code (the flow node and topics share it). */
export const INVALID_REASON_MESSAGE =
  "Reasons are codes like needs_human: lowercase letters, digits and _, starting with a letter (at most 64)";

export function isReasonCode(text: string): boolean {
  return REASON_CODE_PATTERN.test(text);
}

/**
 * The handoff record as stored on a conversation and returned by the API. snake_case because
 * it is the wire format.
 */
export const handoffRecordSchema = z.object({
  /** The configured destination's name; for a code-based transfer, the route the call went to. */
  destination: z.string(),
  method: z.enum(HANDOFF_METHODS),
  /** Null for BYE (hand back). */
  route: z.string().nullable(),
  /** The X-Handoff-Reason value sent: the reason code, or the destination's name when none was given. */
  reason: z.string(),
  utterance: z.string().nullable(),
  /** Resolved headers, as sent (without X-Handoff-Reason, which `reason` holds). */
  sip_headers: z.array(z.object({ name: z.string(), value: z.string() })),
  source: z.enum(HANDOFF_SOURCES),
  /** The Python function that handed off (source function / transfer_call). */
  function: z.string().nullable(),
  node_id: z.string().nullable(),
  /**
   * The knowledge topic whose action handed off (source topic; or source function when the
   * topic's function did). Records stored before topics existed have none.
   */
  topic: z.string().nullable().default(null),
  /** Warm (attended) transfer: transfer_call(soft=True). */
  soft: z.boolean(),
  /**
   * How the transfer ended (docs/design.md §11): the last attempt's outcome. Records stored before
   * outcomes existed were completed transfers.
   */
  outcome: z.enum(TRANSFER_OUTCOMES).default("completed"),
  /** The last attempt's final SIP status (for REFER, the final NOTIFY's sipfrag); null when nothing answered. */
  sip_status: z.number().int().min(100).max(699).nullable().default(null),
  /** Every attempt of this handoff, in order (a destination may allow up to 3). */
  attempts: z.array(transferAttemptSchema).default([]),
});
export type HandoffRecord = z.infer<typeof handoffRecordSchema>;

/**
 * The record as the runtime makes it during a call, before anything is stored: the same fields,
 * with what a live call always knows narrowed and attempt times on the call's simulated clock.
 */
export type HandoffAttempt = Omit<HandoffRecord, "destination" | "utterance" | "node_id" | "attempts"> & {
  /** The configured destination's name; null for a code-based transfer to a bare route. */
  destination: string | null;
  /** Empty when the agent said nothing before handing off. */
  utterance: string;
  node_id: string;
  /** Times are milliseconds since the call started. */
  attempts: LiveTransferAttempt[];
};

/** Whether the transfer connected; any other outcome left the agent on the call. */
export function transferCompleted(h: Pick<HandoffRecord, "outcome">): boolean {
  return h.outcome === "completed";
}

/** An attempt as stored: its time becomes a timestamp (`iso(ms since the call started)`). */
export function storedAttempt(a: LiveTransferAttempt, iso: (ms: number) => string): TransferAttempt {
  return { destination: a.destination, method: a.method, outcome: a.outcome, sip_status: a.sip_status, at: iso(a.at) };
}

/** The stored record of a handoff, completed or not; `iso` turns the call's clock into timestamps. */
export function storedHandoff(attempt: HandoffAttempt, iso: (ms: number) => string): HandoffRecord {
  // A code-based transfer has no configured destination: its route is where the call went.
  return {
    ...attempt,
    destination: attempt.destination ?? attempt.route ?? "",
    attempts: attempt.attempts.map((a) => storedAttempt(a, iso)),
  };
}
