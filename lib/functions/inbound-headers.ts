import { headerValueError, isToken } from "../sip/header-rules";

/**
 * Inbound SIP headers a host gives a call (`conv.sip_headers`): the simulator's call details and
 * `cli simulate --sip-header NAME=VALUE`. Any header name a SIP message could carry (a token) with
 * a value on one line; names compare ignoring case, so a repeated one is refused.
 */
export const MAX_INBOUND_HEADERS = 30;

export function inboundHeaderError(name: string, value: string): string | null {
  if (name.trim() === "") return "Enter a header name";
  if (!isToken(name.trim())) return `"${name}" is not a SIP header name: letters, digits and - . ! % * _ + \` ' ~`;
  return headerValueError(value);
}

export type InboundHeaders =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; index: number; field: "name" | "value"; message: string };

/** Rows (a form's, or parsed `NAME=VALUE`s) → headers by name; the first bad row says what is wrong. */
export function inboundHeaders(rows: readonly { name: string; value: string }[]): InboundHeaders {
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  if (rows.length > MAX_INBOUND_HEADERS)
    return { ok: false, index: MAX_INBOUND_HEADERS, field: "name", message: `At most ${MAX_INBOUND_HEADERS} headers` };
  for (const [index, row] of rows.entries()) {
    const name = row.name.trim();
    const error = inboundHeaderError(name, row.value);
    if (error) return { ok: false, index, field: name === "" || !isToken(name) ? "name" : "value", message: error };
    if (seen.has(name.toLowerCase()))
      return { ok: false, index, field: "name", message: `${name} is given twice (header names ignore case)` };
    seen.add(name.toLowerCase());
    headers[name] = row.value;
  }
  return { ok: true, headers };
}

/** `X-Customer-Tier=gold` → a row; null when there is no `=`. */
export function parseHeaderAssignment(text: string): { name: string; value: string } | null {
  const eq = text.indexOf("=");
  return eq <= 0 ? null : { name: text.slice(0, eq), value: text.slice(eq + 1) };
}
