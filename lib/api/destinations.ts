import { z } from "zod";
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_HEADERS,
  MAX_NAME_LENGTH,
  parseDestination,
  type ValidDestination,
} from "../handoffs/schema";
import { ATTEMPTS, RING_TIMEOUT } from "../handoffs/outcomes";
import {
  DEFAULT_ENCRYPTION,
  HANDOFF_METHODS,
  OUTBOUND_ENCRYPTIONS,
  REFER_PLACEMENTS,
  type HandoffDestination,
} from "../handoffs/types";
import { ENDPOINT_EXAMPLE, MAX_ENDPOINT_LENGTH } from "../sip/endpoint";

/**
 * The API speaks snake_case; the domain (lib/handoffs) is camelCase. This file is the one place
 * that maps between them, both ways, including field-error paths (`sipHeaders.0.value` →
 * `sip_headers.0.value`). Validation itself is lib/handoffs/schema.ts, shared with the UI.
 */

const API_TO_DOMAIN = {
  name: "name",
  description: "description",
  method: "method",
  route: "route",
  sip_headers: "sipHeaders",
  refer_header_placement: "referHeaderPlacement",
  ring_timeout_seconds: "ringTimeoutSeconds",
  attempts: "attempts",
  outbound_endpoint: "outboundEndpoint",
  outbound_encryption: "outboundEncryption",
} as const;
type ApiField = keyof typeof API_TO_DOMAIN;
const DOMAIN_TO_API: Record<string, string> = Object.fromEntries(Object.entries(API_TO_DOMAIN).map(([a, d]) => [d, a]));

const sipHeader = z.object({ name: z.string(), value: z.string() });

export const apiDestinationSchema = z.object({
  id: z.string(),
  agent_id: z.string(),
  name: z.string(),
  description: z.string(),
  method: z.enum(HANDOFF_METHODS),
  route: z.string().nullable(),
  sip_headers: z.array(sipHeader),
  refer_header_placement: z.enum(REFER_PLACEMENTS),
  ring_timeout_seconds: z.number().int(),
  attempts: z.number().int(),
  outbound_endpoint: z.string().nullable(),
  outbound_encryption: z.enum(OUTBOUND_ENCRYPTIONS),
  is_default: z.boolean(),
  created_at: z.string(),
});
export type ApiDestination = z.infer<typeof apiDestinationSchema>;

/** Documents a create / replace / patch body; the rules are destinationInputSchema's. */
export const apiDestinationBodySchema = z.strictObject({
  name: z.string().max(MAX_NAME_LENGTH).describe("Unique per agent, ignoring case"),
  description: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
  method: z.enum(HANDOFF_METHODS).optional().describe("Default refer"),
  route: z
    .string()
    .nullable()
    .optional()
    .describe(
      "Required for refer and invite, absent or null for bye: sip:/sips: URI, tel:+E164, +E164 or a 1–8 digit extension. No control characters, raw or %-escaped; a SIP URI's ?headers are name=value pairs with token names (not Via, From, To, …) and %-escaped values",
    ),
  sip_headers: z
    .array(sipHeader)
    .max(MAX_HEADERS)
    .optional()
    .describe(
      "RFC 3261 token names (not Via, From, To, …); values without CR, LF, U+2028, U+2029 or other control characters",
    ),
  refer_header_placement: z.enum(REFER_PLACEMENTS).optional().describe("REFER only; default request"),
  ring_timeout_seconds: z
    .number()
    .int()
    .min(RING_TIMEOUT.min)
    .max(RING_TIMEOUT.max)
    .optional()
    .describe(
      `Seconds an unanswered transfer rings before it counts as no_answer (INVITE: the agent CANCELs); default ${RING_TIMEOUT.default}`,
    ),
  attempts: z
    .number()
    .int()
    .min(ATTEMPTS.min)
    .max(ATTEMPTS.max)
    .optional()
    .describe(`How many times a transfer is tried before the agent gives up; default ${ATTEMPTS.default}`),
  outbound_endpoint: z
    .string()
    .max(MAX_ENDPOINT_LENGTH)
    .nullable()
    .optional()
    .describe(
      `INVITE only: host[:port] of the SIP server or trunk the INVITE is sent through (${ENDPOINT_EXAMPLE}); null or absent sends it to the route's host`,
    ),
  outbound_encryption: z
    .enum(OUTBOUND_ENCRYPTIONS)
    .optional()
    .describe(`INVITE only: ${OUTBOUND_ENCRYPTIONS.join(" or ")}; default ${DEFAULT_ENCRYPTION}`),
  is_default: z.boolean().optional().describe("true makes this the agent's default destination"),
});

export function toApiDestination(d: HandoffDestination): ApiDestination {
  return {
    id: d.id,
    agent_id: d.agentId,
    name: d.name,
    description: d.description,
    method: d.method,
    route: d.route,
    sip_headers: d.sipHeaders,
    refer_header_placement: d.referHeaderPlacement,
    ring_timeout_seconds: d.ringTimeoutSeconds,
    attempts: d.attempts,
    outbound_endpoint: d.outboundEndpoint,
    outbound_encryption: d.outboundEncryption,
    is_default: d.isDefault,
    created_at: d.createdAt,
  };
}

/** `sipHeaders.0.value` → `sip_headers.0.value`. */
export function apiFieldPath(domainPath: string): string {
  const [head, ...rest] = domainPath.split(".");
  return [DOMAIN_TO_API[head!] ?? head, ...rest].join(".");
}

export type ApiDestinationParse =
  | { ok: true; value: ValidDestination; isDefault: boolean | undefined }
  | { ok: false; fields: Record<string, string> };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Parses a request body. With `base` (PATCH), fields not in the body keep the stored values;
 * without it (POST, PUT) the body is the whole destination.
 */
export function parseApiDestinationBody(body: unknown, base?: HandoffDestination): ApiDestinationParse {
  if (!isPlainObject(body)) return { ok: false, fields: { _body: "Expected a JSON object" } };
  const fields = new Map<string, string>();
  const domain: Record<string, unknown> = base
    ? {
        name: base.name,
        description: base.description,
        method: base.method,
        route: base.route,
        sipHeaders: base.sipHeaders,
        referHeaderPlacement: base.referHeaderPlacement,
        ringTimeoutSeconds: base.ringTimeoutSeconds,
        attempts: base.attempts,
        outboundEndpoint: base.outboundEndpoint,
        outboundEncryption: base.outboundEncryption,
      }
    : {};
  let isDefault: boolean | undefined;
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (key === "is_default") {
      if (typeof value === "boolean") isDefault = value;
      else fields.set(key, "Expected true or false");
    } else if ((key === "ring_timeout_seconds" || key === "attempts") && typeof value !== "number") {
      // The form's schema reads typed text; the API takes JSON numbers only.
      fields.set(key, "Expected a whole number");
    } else if (Object.prototype.hasOwnProperty.call(API_TO_DOMAIN, key)) {
      domain[API_TO_DOMAIN[key as ApiField]] = value;
    } else {
      const hint = DOMAIN_TO_API[key];
      fields.set(key, hint ? `Unknown field; the API spells it ${hint}` : "Unknown field");
    }
  }
  // Changing the method of a stored destination to BYE drops its route, as the form does.
  if (base && body.method === "bye" && !("route" in body)) domain.route = null;
  // Leaving INVITE drops what only an INVITE uses, unless the body sets it (then it is checked).
  if (base && typeof body.method === "string" && body.method !== "invite") {
    if (!("outbound_endpoint" in body)) domain.outboundEndpoint = null;
    if (!("outbound_encryption" in body)) domain.outboundEncryption = DEFAULT_ENCRYPTION;
  }
  const parsed = parseDestination(domain);
  if (!parsed.ok) {
    for (const [path, message] of Object.entries(parsed.fieldErrors)) {
      const key = apiFieldPath(path);
      if (!fields.has(key)) fields.set(key, message);
    }
  }
  if (!parsed.ok || fields.size > 0) return { ok: false, fields: Object.fromEntries(fields) };
  return { ok: true, value: parsed.value, isDefault };
}
