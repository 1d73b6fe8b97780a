import { z } from "zod";
import { HANDOFF_METHODS, type HandoffMethod } from "./types";

/**
 * How a transfer ended (docs/design.md §11), and how a simulated destination behaves. One table
 * maps SIP status codes to outcomes; the SIP engine, the runtime, the database, the API, the UI
 * and the CLI all read it from here.
 */

/** A transfer's outcome. For REFER it is the final NOTIFY's sipfrag status: a 202 is not success. */
export const TRANSFER_OUTCOMES = ["completed", "busy", "no_answer", "declined", "unreachable", "failed"] as const;
export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

export const TRANSFER_OUTCOME_LABELS: Record<TransferOutcome, string> = {
  completed: "Completed",
  busy: "Busy",
  no_answer: "No answer",
  declined: "Declined",
  unreachable: "Unreachable",
  failed: "Failed",
};

/** Final statuses that mean something more specific than `failed`; every other failure is `failed`. */
const STATUS_OUTCOMES: Readonly<Record<number, TransferOutcome>> = {
  486: "busy",
  600: "busy",
  408: "no_answer",
  480: "no_answer",
  603: "declined",
  403: "declined",
  404: "unreachable",
  503: "unreachable",
};

/**
 * The outcome of a final SIP status: 2xx completed, the table above, else failed. `null` means no
 * response at all, which is `unreachable`.
 */
export function outcomeOfStatus(status: number | null): TransferOutcome {
  if (status === null) return "unreachable";
  if (status >= 200 && status < 300) return "completed";
  return STATUS_OUTCOMES[status] ?? "failed";
}

/** The reason phrase the simulated parties write for each status they send. */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  200: "OK",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  480: "Temporarily Unavailable",
  486: "Busy Here",
  487: "Request Terminated",
  503: "Service Unavailable",
  600: "Busy Everywhere",
  603: "Decline",
};

export function reasonPhrase(status: number): string {
  return REASON_PHRASES[status] ?? (status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error");
}

/**
 * How a simulated destination behaves on one attempt. For REFER the SBC places the call: `busy`,
 * `no_answer`, `declines` and `unreachable` are reported in the final NOTIFY after a 202, and
 * `rejected` refuses the REFER itself (403). For INVITE (and the consultation leg of a soft
 * transfer) they are the destination's own final response; `no_answer` rings until the
 * destination's ring timeout and is CANCELled.
 */
export const DESTINATION_BEHAVIOURS = ["answers", "busy", "no_answer", "declines", "unreachable", "rejected"] as const;
export type DestinationBehaviour = (typeof DESTINATION_BEHAVIOURS)[number];

export const BEHAVIOUR_LABELS: Record<DestinationBehaviour, string> = {
  answers: "Answers",
  busy: "Busy (486)",
  no_answer: "No answer (ring timeout)",
  declines: "Declines (603)",
  unreachable: "Unreachable (404)",
  rejected: "Rejects the transfer (403)",
};

/**
 * What the other side does on one attempt, as the SIP engine plays it:
 * - `answer`: 200 OK (INVITE) or NOTIFY 200 OK (REFER);
 * - `reject`: this final status instead (INVITE response, or the final NOTIFY's sipfrag for REFER);
 * - `ring_timeout`: the destination rings until the ring timeout; the agent CANCELs (INVITE), or
 *   the SBC gives up and reports 480 (REFER);
 * - `refer_rejected`: the SBC answers the REFER itself with this status (INVITE: as `reject`).
 */
export type DestinationResponse =
  | { kind: "answer" }
  | { kind: "reject"; status: number }
  | { kind: "ring_timeout" }
  | { kind: "refer_rejected"; status: number };

const BEHAVIOUR_RESPONSES: Record<DestinationBehaviour, DestinationResponse> = {
  answers: { kind: "answer" },
  busy: { kind: "reject", status: 486 },
  no_answer: { kind: "ring_timeout" },
  declines: { kind: "reject", status: 603 },
  unreachable: { kind: "reject", status: 404 },
  rejected: { kind: "refer_rejected", status: 403 },
};

export function responseOf(b: DestinationBehaviour | DestinationResponse): DestinationResponse {
  return typeof b === "string" ? BEHAVIOUR_RESPONSES[b] : b;
}

/**
 * Reads a behaviour as people write it: `busy`, `no answer`, `no-answer`, `No_Answer`, `decline`,
 * `accepted-then-busy` (REFER's busy), `reject`. Null when it is none of them.
 */
export function parseBehaviour(text: string): DestinationBehaviour | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const aliases: Record<string, DestinationBehaviour> = {
    answer: "answers",
    answered: "answers",
    success: "answers",
    accepted_then_busy: "busy",
    decline: "declines",
    declined: "declines",
    reject: "rejected",
    rejects: "rejected",
  };
  if ((DESTINATION_BEHAVIOURS as readonly string[]).includes(key)) return key as DestinationBehaviour;
  return aliases[key] ?? null;
}

/** Ring timeout (seconds) and attempts a destination may set, with their defaults. */
export const RING_TIMEOUT = { min: 5, max: 120, default: 30 } as const;
export const ATTEMPTS = { min: 1, max: 3, default: 1 } as const;

/**
 * One attempt as recorded on the conversation and in the handoff record (snake_case: it is the
 * API's wire format). `sip_status` is the final status that decided the outcome (the INVITE's
 * response, the REFER's own rejection or the final NOTIFY's sipfrag); `null` for no response.
 */
export const transferAttemptSchema = z.object({
  /** The configured destination's name; for a code-based transfer, the route. */
  destination: z.string(),
  method: z.enum(HANDOFF_METHODS),
  outcome: z.enum(TRANSFER_OUTCOMES),
  sip_status: z.number().int().min(100).max(699).nullable(),
  /** ISO date-time the attempt started (its INVITE or REFER was sent). */
  at: z.iso.datetime({ offset: true, error: "Expected an ISO 8601 date-time" }),
});
export type TransferAttempt = z.infer<typeof transferAttemptSchema>;

/** An attempt as the runtime holds it during a call: times are simulated milliseconds. */
export interface LiveTransferAttempt {
  destination: string;
  method: HandoffMethod;
  outcome: TransferOutcome;
  sip_status: number | null;
  at: number;
}

/**
 * What a function reads as `conv.last_transfer` after a transfer failed (snake_case: it is Python's
 * view). `destination` is the configured destination's name, or the route of a code-based transfer.
 */
export interface LastTransfer {
  destination: string;
  method: HandoffMethod;
  outcome: TransferOutcome;
  sip_status: number | null;
  attempts: { outcome: TransferOutcome; sip_status: number | null }[];
}

/**
 * What a tester may choose for a destination of this method, with labels that say what happens on
 * the wire. A REFER hands the call to the SBC, so a failure arrives in its NOTIFY after a 202, or
 * as a refusal of the REFER itself; INVITE failures are the destination's own answer. A BYE always
 * succeeds, so it has no choices.
 */
export function behaviourChoices(method: HandoffMethod): { value: DestinationBehaviour; label: string }[] {
  if (method === "bye") return [];
  if (method === "refer")
    return [
      { value: "answers", label: "Answers" },
      { value: "busy", label: "Accepted, then busy (NOTIFY 486)" },
      { value: "no_answer", label: "Accepted, then no answer (NOTIFY 480)" },
      { value: "declines", label: "Accepted, then declines (NOTIFY 603)" },
      { value: "unreachable", label: "Accepted, then unreachable (NOTIFY 404)" },
      { value: "rejected", label: "Rejected (403 to the REFER)" },
    ];
  return [
    { value: "answers", label: "Answers" },
    { value: "busy", label: "Busy (486)" },
    { value: "no_answer", label: "No answer (ring timeout, CANCEL)" },
    { value: "declines", label: "Declines (603)" },
    { value: "unreachable", label: "Unreachable (404)" },
  ];
}

/** The words `--behaviour` and scenarios accept, for messages. */
export const BEHAVIOUR_WORDS =
  "answers, busy, no answer, declines, unreachable, accepted-then-busy or rejected (REFER)";

/**
 * `Billing Support=busy` or `Front desk=busy,answers` (one behaviour per attempt, the last
 * repeating): the destination (as written; callers match it ignoring case) and its behaviours,
 * or why the text is not one.
 */
export function parseBehaviourAssignment(
  text: string,
): { ok: true; destination: string; behaviours: DestinationBehaviour[] } | { ok: false; message: string } {
  const eq = text.lastIndexOf("=");
  if (eq <= 0) return { ok: false, message: `expected DESTINATION=BEHAVIOUR (got "${text}")` };
  const destination = text.slice(0, eq).trim();
  if (destination === "") return { ok: false, message: `expected DESTINATION=BEHAVIOUR (got "${text}")` };
  const words = text
    .slice(eq + 1)
    .split(",")
    .map((w) => w.trim());
  const behaviours: DestinationBehaviour[] = [];
  for (const w of words) {
    const b = parseBehaviour(w);
    if (!b) return { ok: false, message: `"${w}" is not a behaviour: use ${BEHAVIOUR_WORDS}` };
    behaviours.push(b);
  }
  return { ok: true, destination, behaviours };
}
