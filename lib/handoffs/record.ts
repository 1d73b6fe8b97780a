import { z } from "zod";
import { HANDOFF_METHODS } from "./types";

/**
 * The handoff vocabulary (docs/design.md §1), defined once: how a call ended, who handed it off,
 * what a reason code looks like, and the handoff record itself. The runtime, the database, the
 * API, the UI and the CLI all import it from here.
 */

/**
 * How a call ended. A transfer the destination refused is not a handoff. `failed`: the flow sent
 * the call to a handoff that could not be made (a deleted destination, no default, a route from
 * code that is not one); the conversation's end reason says which.
 */
export const OUTCOMES = ["handoff", "hangup", "abandoned", "failed"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What moved the call: a handoff node, a function's conv.handoff, or conv.transfer_call. */
export const HANDOFF_SOURCES = ["builtin", "function", "transfer_call"] as const;
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
  /** Warm (attended) transfer: transfer_call(soft=True). */
  soft: z.boolean(),
});
export type HandoffRecord = z.infer<typeof handoffRecordSchema>;

/**
 * The record as the runtime makes it during a call, before anything is stored: the same fields,
 * plus whether the destination refused, with what a live call always knows narrowed.
 */
export type HandoffAttempt = Omit<HandoffRecord, "destination" | "utterance" | "node_id"> & {
  /** The configured destination's name; null for a code-based transfer to a bare route. */
  destination: string | null;
  /** Empty when the agent said nothing before handing off. */
  utterance: string;
  node_id: string;
  /** True when the destination refused (busy variant) and the agent stayed on the call. */
  failed: boolean;
};

/** The stored record of a handoff that happened (a failed attempt is never stored as a handoff). */
export function storedHandoff(attempt: HandoffAttempt): HandoffRecord {
  const { failed: _failed, ...fields } = attempt;
  // A code-based transfer has no configured destination: its route is where the call went.
  return { ...fields, destination: attempt.destination ?? attempt.route ?? "" };
}
