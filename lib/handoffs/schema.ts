import { z } from "zod";
import { headerNameError, headerNameWarning, headerValueError } from "../sip/header-rules";
import { endpointError } from "../sip/endpoint";
import { routeError } from "../sip/route";
import { parseWith, type FieldErrors, type ParseResult } from "../validation/field-errors";
import { referencedVariables } from "../variables/variables";
import { ATTEMPTS, RING_TIMEOUT } from "./outcomes";
import {
  DEFAULT_ENCRYPTION,
  HANDOFF_METHODS,
  OUTBOUND_ENCRYPTIONS,
  REFER_PLACEMENTS,
  type OutboundEncryption,
  type HandoffMethod,
  type ReferHeaderPlacement,
  type SipHeader,
} from "./types";

export const MAX_NAME_LENGTH = 80;
export const MAX_DESCRIPTION_LENGTH = 500;
export const MAX_HEADERS = 20;

const RING_TIMEOUT_MESSAGE = `Enter a whole number of seconds from ${RING_TIMEOUT.min} to ${RING_TIMEOUT.max}`;
const ATTEMPTS_MESSAGE = `Choose ${ATTEMPTS.min}, 2 or ${ATTEMPTS.max} attempts`;

/** A whole number typed into a form arrives as text; "" and "abc" become NaN and fail with the message. */
function wholeNumber(min: number, max: number, message: string, fallback: number) {
  return z
    .preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? Number.NaN : Number(v.trim())) : v),
      z.number({ error: message }).int(message).min(min, message).max(max, message),
    )
    .optional()
    .transform((v) => v ?? fallback);
}

const sipHeaderSchema = z.object({
  name: z.string({ error: "Enter a header name" }),
  value: z.string({ error: "Enter a header value" }),
});

/**
 * What a form, server action or API call submits for a destination. The same schema runs in the
 * browser (inline errors) and on the server (the authority), so both agree on every rule.
 */
export const destinationInputSchema = z
  .object({
    name: z
      .string({ error: "Enter a name" })
      .transform((s) => s.trim())
      .pipe(z.string().min(1, "Enter a name").max(MAX_NAME_LENGTH, `Names are at most ${MAX_NAME_LENGTH} characters`)),
    description: z
      .string()
      .max(MAX_DESCRIPTION_LENGTH, `Descriptions are at most ${MAX_DESCRIPTION_LENGTH} characters`)
      .optional()
      .default(""),
    method: z.enum(HANDOFF_METHODS, { error: "Choose SIP REFER, SIP INVITE or SIP BYE" }).default("refer"),
    route: z.string().nullable().optional(),
    referHeaderPlacement: z
      .enum(REFER_PLACEMENTS, { error: "Choose request, refer-to-uri or both" })
      .default("request"),
    sipHeaders: z.array(sipHeaderSchema).max(MAX_HEADERS, `At most ${MAX_HEADERS} headers`).default([]),
    ringTimeoutSeconds: wholeNumber(RING_TIMEOUT.min, RING_TIMEOUT.max, RING_TIMEOUT_MESSAGE, RING_TIMEOUT.default),
    attempts: wholeNumber(ATTEMPTS.min, ATTEMPTS.max, ATTEMPTS_MESSAGE, ATTEMPTS.default),
    outboundEndpoint: z.string({ error: "Enter a host or host:port" }).nullable().optional(),
    outboundEncryption: z
      .enum(OUTBOUND_ENCRYPTIONS, { error: `Choose ${OUTBOUND_ENCRYPTIONS.join(" or ")}` })
      .default(DEFAULT_ENCRYPTION),
  })
  .superRefine((input, ctx) => {
    const endpoint = (input.outboundEndpoint ?? "").trim();
    if (input.method === "invite") {
      const err = endpointError(input.outboundEndpoint ?? "");
      if (err) ctx.addIssue({ code: "custom", path: ["outboundEndpoint"], message: err });
    } else {
      // The other methods never place a call of their own, so there is nothing to route or encrypt.
      if (endpoint !== "")
        ctx.addIssue({
          code: "custom",
          path: ["outboundEndpoint"],
          message: "Only a SIP INVITE is sent through an outbound endpoint; clear it",
        });
      if (input.outboundEncryption !== DEFAULT_ENCRYPTION)
        ctx.addIssue({
          code: "custom",
          path: ["outboundEncryption"],
          message: `Only a SIP INVITE can use ${input.outboundEncryption}; choose ${DEFAULT_ENCRYPTION}`,
        });
    }
    const route = (input.route ?? "").trim();
    if (input.method === "bye") {
      if (route !== "") {
        ctx.addIssue({
          code: "custom",
          path: ["route"],
          message: "SIP BYE hands the call back and takes no route; clear it",
        });
      }
    } else {
      // Untrimmed: a control character is refused even at the ends, where trim() would hide it.
      const err = routeError(input.route ?? "");
      if (err) ctx.addIssue({ code: "custom", path: ["route"], message: err });
    }
    const seen = new Map<string, number>();
    input.sipHeaders.forEach((h, i) => {
      const nameErr = headerNameError(h.name.trim());
      if (nameErr) ctx.addIssue({ code: "custom", path: ["sipHeaders", i, "name"], message: nameErr });
      const valueErr = headerValueError(h.value);
      if (valueErr) ctx.addIssue({ code: "custom", path: ["sipHeaders", i, "value"], message: valueErr });
      const key = h.name.trim().toLowerCase();
      if (!nameErr && seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["sipHeaders", i, "name"],
          message: `${h.name.trim()} is already set in row ${seen.get(key)! + 1}`,
        });
      }
      if (!seen.has(key)) seen.set(key, i);
    });
  })
  .transform((input) => ({
    name: input.name,
    description: input.description.trim(),
    method: input.method as HandoffMethod,
    route: input.method === "bye" ? null : (input.route ?? "").trim(),
    // Placement only means something for REFER; other methods keep the default so edits stay clean.
    referHeaderPlacement: (input.method === "refer" ? input.referHeaderPlacement : "request") as ReferHeaderPlacement,
    sipHeaders: input.sipHeaders.map((h): SipHeader => ({ name: h.name.trim(), value: h.value })),
    ringTimeoutSeconds: input.ringTimeoutSeconds,
    attempts: input.attempts,
    outboundEndpoint:
      input.method === "invite" && (input.outboundEndpoint ?? "").trim() !== "" ? input.outboundEndpoint!.trim() : null,
    outboundEncryption: (input.method === "invite"
      ? input.outboundEncryption
      : DEFAULT_ENCRYPTION) as OutboundEncryption,
  }));

export type DestinationInput = z.input<typeof destinationInputSchema>;
export type ValidDestination = z.output<typeof destinationInputSchema>;

export { fieldErrorsOf, type FieldErrors, type ParseResult } from "../validation/field-errors";

export function parseDestination(input: unknown): ParseResult<ValidDestination> {
  return parseWith(destinationInputSchema, input);
}

/** Non-blocking notes: non-`X-` header names and `$variables` the agent does not define. */
export function destinationWarnings(
  input: { sipHeaders: readonly SipHeader[] },
  knownVariables: readonly string[],
): FieldErrors {
  const out: FieldErrors = {};
  const known = new Set(knownVariables);
  input.sipHeaders.forEach((h, i) => {
    const w = headerNameWarning(h.name.trim());
    if (w) out[`sipHeaders.${i}.name`] = w;
    const unknown = referencedVariables(h.value).filter((v) => !known.has(v));
    if (unknown.length > 0) {
      out[`sipHeaders.${i}.value`] =
        `Unknown variable${unknown.length > 1 ? "s" : ""} ${unknown.map((v) => `$${v}`).join(", ")}: ${unknown.length > 1 ? "they" : "it"} will be empty unless set during the call`;
    }
  });
  return out;
}

/** Name for a copy: "X (copy)", then "X (copy 2)", … avoiding every taken name (case-insensitive). */
export function copyName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const base = name.replace(/ \(copy(?: \d+)?\)$/, "");
  for (let n = 1; ; n++) {
    const suffix = ` (copy${n === 1 ? "" : ` ${n}`})`;
    const candidate = base.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
