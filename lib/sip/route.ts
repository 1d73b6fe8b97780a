/**
 * The four ways a destination's route can be written, and their SIP request URIs.
 * docs/design.md §5: `sip:`/`sips:` as given, `tel:`/E.164 through the trunk, extensions via the PBX.
 *
 * One rule set for routes from the form, the API and Python (ported in
 * lib/functions/python/sip_rules.py): a route goes verbatim into the Request-URI, To and Refer-To,
 * so it may carry no control character (raw or percent-escaped), and the headers after `?` are
 * `name=value` pairs with token names that are not the dialog's own and percent-escaped values.
 */
import { headerNameError } from "./header-rules";

export type RouteKind = "sip" | "tel" | "e164" | "extension";

export interface ClassifiedRoute {
  kind: RouteKind;
  /** The E.164 number (with `+`) for `tel` and `e164`, the digits for `extension`, the URI for `sip`. */
  value: string;
}

/**
 * A SIP URI up to its headers, with the user part and parameters captured for the character
 * check. The user part never holds a raw `?` (naive parsers split the URI on it).
 */
const SIP_URI_BASE =
  /^sips?:(?:([^\s@<>"?]+)@)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?((?:;[^\s<>"?]*)?)$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const TEL_URI = /^tel:(\+[1-9]\d{1,14})(?:;[^\s<>"]*)?$/i;
const EXTENSION = /^\d{1,8}$/;
/** C0 (tab included), DEL, C1 (with U+0085) and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const ROUTE_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** The same characters percent-escaped (C1 and U+2028/U+2029 as UTF-8), which a receiver decodes. */
const ESCAPED_CONTROL = /%(?:[01][0-9A-Fa-f]|7[Ff])|%[Cc]2%[89][0-9A-Fa-f]|%[Ee]2%80%[Aa][89]/;
/** RFC 3261 §25.1 characters each part may carry unescaped; anything else is written %HH. */
const UNRESERVED = "A-Za-z0-9\\-_.!~*'()";
const USER_CHARS = new RegExp(`^[${UNRESERVED}&=+$,;/]$`);
const PARAM_CHARS = new RegExp(`^[${UNRESERVED}\\[\\]/:&+$]$`);
const HNV_CHARS = new RegExp(`^[${UNRESERVED}\\[\\]/?:+$]$`);

export const ROUTE_EXAMPLES = "sip:2001@pbx.example.com, tel:+14155550123, +14155550123 or 2001";

type Checked = { route: ClassifiedRoute; error: null } | { route: null; error: string };

export function classifyRoute(route: string): ClassifiedRoute | null {
  return checkRoute(route).route;
}

/** Error text for a route, or null when it is one of the accepted forms. */
export function routeError(route: string): string | null {
  return checkRoute(route).error;
}

function refuse(error: string): Checked {
  return { route: null, error };
}

function checkRoute(route: string): Checked {
  const control = ROUTE_CONTROL.exec(route);
  if (control) {
    return refuse(`Routes cannot contain control characters (found ${describeRouteChar(control[0])})`);
  }
  const r = route.trim();
  if (r === "") return refuse("Enter a route");
  const escaped = ESCAPED_CONTROL.exec(r);
  if (escaped) {
    return refuse(`Routes cannot contain escaped control characters (found ${escaped[0]})`);
  }
  if (/^sips?:/i.test(r)) return checkSipUri(r);
  const tel = TEL_URI.exec(r);
  if (tel) return { route: { kind: "tel", value: tel[1]! }, error: null };
  if (/^tel:/i.test(r)) return refuse("tel: routes need an E.164 number, e.g. tel:+14155550123");
  if (E164.test(r)) return { route: { kind: "e164", value: r }, error: null };
  if (EXTENSION.test(r)) return { route: { kind: "extension", value: r }, error: null };
  if (/^\+/.test(r)) return refuse("E.164 numbers are + followed by 2 to 15 digits, the first not 0");
  if (/^\d+$/.test(r)) return refuse("Extensions are 1 to 8 digits; write longer numbers in E.164 form (+14155550123)");
  return refuse(`Enter a SIP URI, tel: URI, E.164 number or extension (${ROUTE_EXAMPLES})`);
}

function checkSipUri(r: string): Checked {
  const q = r.indexOf("?");
  const base = SIP_URI_BASE.exec(q === -1 ? r : r.slice(0, q));
  if (!base) return refuse("Not a valid SIP URI: expected sip:user@host (e.g. sip:2001@pbx.example.com)");
  const userBad = unescaped(base[1] ?? "", USER_CHARS);
  if (userBad !== null) return refuse(mustEscape(userBad));
  // ;name or ;name=value, neither empty (RFC 3261 §25.1 uri-parameter).
  for (const param of base[2]!.split(";").slice(1)) {
    const eq = param.indexOf("=");
    const parts = eq === -1 ? [param] : [param.slice(0, eq), param.slice(eq + 1)];
    if (parts.some((p) => p === "")) {
      return refuse(`A SIP URI's parameters are ;name or ;name=value, neither empty; found ";${param}"`);
    }
    const bad = unescaped(parts[0]!, PARAM_CHARS) ?? unescaped(parts[1] ?? "", PARAM_CHARS);
    if (bad !== null) return refuse(mustEscape(bad));
  }
  if (q !== -1) {
    const error = uriHeadersError(r.slice(q + 1));
    if (error) return refuse(error);
  }
  return { route: { kind: "sip", value: r }, error: null };
}

/** The first character of `part` that is neither allowed as is nor part of a %HH escape. */
function unescaped(part: string, allowed: RegExp): string | null {
  const chars = [...part];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (allowed.test(c)) continue;
    if (c === "%" && /^[0-9A-Fa-f]$/.test(chars[i + 1] ?? "") && /^[0-9A-Fa-f]$/.test(chars[i + 2] ?? "")) {
      i += 2;
      continue;
    }
    return c;
  }
  return null;
}

function mustEscape(c: string): string {
  return `In a SIP URI, "${c}" must be percent-escaped as UTF-8 bytes (%HH; "%" itself is %25)`;
}

/** The `?name=value&…` part of a SIP URI: the receiver turns each pair into a header line. */
function uriHeadersError(headers: string): string | null {
  for (const pair of headers.split("&")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      return `A route's headers are name=value pairs after "?", joined by "&" (e.g. sip:2001@pbx.example.com?X-Ticket=42); found "${pair}"`;
    }
    const rawName = pair.slice(0, eq);
    const badName = unescaped(rawName, HNV_CHARS);
    if (badName !== null) return mustEscape(badName);
    // The receiver decodes names, so %56ia is Via.
    const name = rawName.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const error = headerNameError(name, { inUri: true });
    if (error) return `Route header "${name}": ${error}`;
    const badValue = unescaped(pair.slice(eq + 1), HNV_CHARS);
    if (badValue !== null) return mustEscape(badValue);
  }
  return null;
}

function describeRouteChar(ch: string): string {
  if (ch === "\r") return "CR";
  if (ch === "\n") return "LF";
  if (ch === "\t") return "a tab";
  if (ch === "\u0000") return "NUL";
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

export interface RouteHosts {
  trunkHost: string;
  pbxHost: string;
}

/** The SIP URI a route resolves to, e.g. `+1415…` → `sip:+1415…@trunk;user=phone`. */
export function routeToSipUri(route: string, hosts: RouteHosts): string {
  const c = classifyRoute(route);
  if (!c) throw new Error(`Invalid route: ${route}`);
  switch (c.kind) {
    case "sip":
      return c.value;
    case "tel":
    case "e164":
      return `sip:${c.value}@${hosts.trunkHost};user=phone`;
    case "extension":
      return `sip:${c.value}@${hosts.pbxHost}`;
  }
}
