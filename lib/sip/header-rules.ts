/**
 * Rules for the custom SIP headers a destination may carry (RFC 3261 §25.1).
 * Shared by form validation, the API and the SIP engine so that what the form accepts is
 * exactly what the engine will send.
 */

/** RFC 3261 `token`: the only characters allowed in a header name. */
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

/** Headers the agent's own dialog owns. Compact forms (RFC 3261 §7.3.3) are reserved too. */
const RESERVED: ReadonlyMap<string, string> = new Map([
  ["via", "Via"],
  ["v", "Via"],
  ["from", "From"],
  ["f", "From"],
  ["to", "To"],
  ["t", "To"],
  ["call-id", "Call-ID"],
  ["i", "Call-ID"],
  ["cseq", "CSeq"],
  ["contact", "Contact"],
  ["m", "Contact"],
  ["max-forwards", "Max-Forwards"],
  ["content-length", "Content-Length"],
  ["l", "Content-Length"],
  ["route", "Route"],
  ["record-route", "Record-Route"],
]);

/**
 * Headers the handoff ladders write themselves on some message (X-Handoff-Reason on every handoff,
 * Refer-To on a REFER, Event and Subscription-State on a NOTIFY, …). A configured one would be
 * sent twice or contradict the engine's, so the form refuses it and the engine drops it.
 */
const ENGINE_WRITTEN: ReadonlyMap<string, string> = new Map([
  ["x-handoff-reason", "X-Handoff-Reason"],
  ["content-type", "Content-Type"],
  ["c", "Content-Type"],
  ["refer-to", "Refer-To"],
  ["r", "Refer-To"],
  ["referred-by", "Referred-By"],
  ["b", "Referred-By"],
  ["replaces", "Replaces"],
  ["event", "Event"],
  ["o", "Event"],
  ["subscription-state", "Subscription-State"],
  ["reason", "Reason"],
  ["allow", "Allow"],
  ["supported", "Supported"],
  ["k", "Supported"],
]);

/** The canonical spelling of a header the ladders write themselves, or null. */
export function engineWrittenHeader(name: string): string | null {
  return ENGINE_WRITTEN.get(name.toLowerCase()) ?? null;
}

/** Standard headers that are commonly forwarded on a transfer and need no `X-` prefix. */
const WELL_KNOWN_NON_X = new Set(["user-to-user", "p-asserted-identity"]);

/**
 * C0 controls except HTAB, DEL, C1 controls (U+0085 NEL among them) and the Unicode line and
 * paragraph separators U+2028/U+2029: none may appear in a header value. The last three are
 * valid SIP text, but parsers that split lines on them would read what follows as a new header.
 */
// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_GLOBAL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g;

export const MAX_HEADER_VALUE_LENGTH = 1024;

export function isToken(name: string): boolean {
  return TOKEN.test(name);
}

/** The canonical spelling of a reserved header, or null when `name` is free to use. */
export function reservedHeader(name: string): string | null {
  return RESERVED.get(name.toLowerCase()) ?? null;
}

/**
 * Error text for a header name, or null when it is acceptable. Headers the handoff writes itself
 * are refused too, unless `inUri`: a route URI's `?Name=value` headers go onto the SBC's own
 * request, not the agent's, so only the dialog's headers are off limits there.
 */
export function headerNameError(name: string, { inUri = false }: { inUri?: boolean } = {}): string | null {
  if (name.trim() === "") return "Enter a header name";
  if (!isToken(name)) {
    const bad = [...name].find((c) => !TOKEN.test(c));
    const shown =
      bad === " " ? "a space" : bad === undefined ? "" : hasControlChars(bad) ? describeControl(bad) : `"${bad}"`;
    return `Header names are SIP tokens (letters, digits and - . ! % * _ + \` ' ~); this one contains ${shown}`;
  }
  const reserved = reservedHeader(name);
  if (reserved) return `${reserved} is managed by the SIP dialog and cannot be set here`;
  const written = inUri ? null : engineWrittenHeader(name);
  if (written) return `${written} is written by the handoff itself and cannot be set here`;
  return null;
}

/** A non-blocking note about a header name (a valid name that is not a custom `X-` header). */
export function headerNameWarning(name: string): string | null {
  if (headerNameError(name) !== null) return null;
  if (/^x-/i.test(name) || WELL_KNOWN_NON_X.has(name.toLowerCase())) return null;
  return `Custom headers usually start with "X-"; proxies may drop or act on "${name}"`;
}

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value);
}

/** Error text for a configured header value, or null when acceptable. */
export function headerValueError(value: string): string | null {
  if (value.trim() === "") return "Enter a header value";
  if (hasControlChars(value)) {
    const bad = value.match(CONTROL_CHARS)?.[0] ?? "";
    return `Header values cannot contain control characters (found ${describeControl(bad)}): they could start a new header line`;
  }
  if (value.length > MAX_HEADER_VALUE_LENGTH)
    return `Header values are limited to ${MAX_HEADER_VALUE_LENGTH} characters`;
  return null;
}

/**
 * Cleans a value computed at run time (e.g. a variable holding what a caller said).
 * Control characters are removed rather than rejected because the call must go on;
 * `removed` tells the caller to report it.
 */
export function sanitizeRuntimeValue(value: string): { value: string; removed: number } {
  let removed = 0;
  const cleaned = value.replace(CONTROL_CHARS_GLOBAL, () => {
    removed += 1;
    return "";
  });
  return { value: cleaned, removed };
}

function describeControl(ch: string): string {
  if (ch === "\r") return "CR";
  if (ch === "\n") return "LF";
  if (ch === "\u0000") return "NUL";
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
