/**
 * The SIP message model (RFC 3261 §7). Headers are kept as an ordered list, not a map,
 * because order is part of what a trace shows and repeated headers (Via, Route) are legal.
 * Content-Length is an ordinary header here: the builders compute it, so that
 * `parse(serialize(m))` can give back exactly `m`.
 */

export interface SipHeaderField {
  name: string;
  value: string;
}

export interface SipRequest {
  kind: "request";
  method: string;
  uri: string;
  headers: SipHeaderField[];
  body: string;
}

export interface SipResponse {
  kind: "response";
  status: number;
  reason: string;
  headers: SipHeaderField[];
  body: string;
}

export type SipMessage = SipRequest | SipResponse;

export const SIP_VERSION = "SIP/2.0";

/** The first value of a header (names compared case-insensitively), or undefined. */
export function headerValue(m: SipMessage, name: string): string | undefined {
  // Fast path: the engine always asks with the canonical spelling it wrote.
  for (const h of m.headers) if (h.name === name) return h.value;
  const lower = name.toLowerCase();
  for (const h of m.headers) if (h.name.toLowerCase() === lower) return h.value;
  return undefined;
}

export function headerValues(m: SipMessage, name: string): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const h of m.headers)
    if (h.name === name || (h.name.length === name.length && h.name.toLowerCase() === lower)) out.push(h.value);
  return out;
}

/**
 * Byte length of a string once encoded as UTF-8, without allocating (TextEncoder would
 * copy the whole message). Lone surrogates count as 3 bytes, like U+FFFD, which is what
 * TextEncoder would emit for them.
 */
export function utf8ByteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The CSeq header split into its number and method. */
export function cseqOf(m: SipMessage): { seq: number; method: string } {
  const v = headerValue(m, "CSeq") ?? "";
  const sp = v.indexOf(" ");
  return { seq: Number(v.slice(0, sp)), method: v.slice(sp + 1) };
}

/** A short label for ladders: `INVITE` or `200 OK`. */
export function startLineLabel(m: SipMessage): string {
  return m.kind === "request" ? m.method : `${m.status} ${m.reason}`;
}
