import type { SipHeader } from "../handoffs/types";
import { escapeHvalue } from "./hvalue";

/**
 * Twilio's rules for SIP headers it sends in a `<Sip>` URI (docs/design.md §14): custom names
 * start with `X-` (a few standard ones are allowed as they are), none starts with `X-Twilio`
 * (Twilio's own), and the URI's header part stays under 1024 characters. Checked in the
 * destination form (when the agent has a Twilio number) and in flow lint.
 */

export const TWILIO_STANDARD_HEADERS = ["User-to-User", "Remote-Party-ID", "P-Preferred-Identity", "P-Called-Party-ID"];
export const TWILIO_HEADER_PART_LIMIT = 1024;

const STANDARD = new Set(TWILIO_STANDARD_HEADERS.map((h) => h.toLowerCase()));

/** Why Twilio would not pass a header of this name on, or null. */
export function twilioHeaderNameProblem(name: string): string | null {
  const n = name.trim();
  if (n === "") return null;
  if (/^x-twilio/i.test(n)) return `Twilio reserves names starting with X-Twilio: it will not send ${n}`;
  if (!/^x-/i.test(n) && !STANDARD.has(n.toLowerCase()))
    return `Twilio sends only X- headers (and ${TWILIO_STANDARD_HEADERS.join(", ")}): rename it X-${n}`;
  return null;
}

/** The header part of a `<Sip>` URI (`X-A=1&X-B=2`, escaped) as Twilio counts it. */
export function sipHeaderPart(headers: readonly Pick<SipHeader, "name" | "value">[]): string {
  return headers.map((h) => `${escapeHvalue(h.name)}=${escapeHvalue(h.value)}`).join("&");
}

export function headerPartProblem(headers: readonly Pick<SipHeader, "name" | "value">[]): string | null {
  const length = sipHeaderPart(headers).length;
  return length >= TWILIO_HEADER_PART_LIMIT
    ? `The SIP headers take ${length} characters in Twilio's <Sip> URI; Twilio allows fewer than ${TWILIO_HEADER_PART_LIMIT}`
    : null;
}

/** Field-keyed warnings for a destination's headers (`sipHeaders.1.name`, `sipHeaders` for the total). */
export function twilioHeaderWarnings(headers: readonly Pick<SipHeader, "name" | "value">[]): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    const problem = twilioHeaderNameProblem(h.name);
    if (problem) out[`sipHeaders.${i}.name`] = problem;
  });
  const total = headerPartProblem(headers.filter((h) => h.name.trim() !== ""));
  if (total) out.sipHeaders = total;
  return out;
}
