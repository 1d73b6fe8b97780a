/**
 * The four ways a destination's route can be written, and their SIP request URIs.
 * docs/design.md §5: `sip:`/`sips:` as given, `tel:`/E.164 through the trunk, extensions via the PBX.
 */

export type RouteKind = "sip" | "tel" | "e164" | "extension";

export interface ClassifiedRoute {
  kind: RouteKind;
  /** The E.164 number (with `+`) for `tel` and `e164`, the digits for `extension`, the URI for `sip`. */
  value: string;
}

const SIP_URI =
  /^sips?:(?:[^\s@<>"]+@)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:;[^\s<>"?]*)?(?:\?[^\s<>"]*)?$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const TEL_URI = /^tel:(\+[1-9]\d{1,14})(?:;[^\s<>"]*)?$/i;
const EXTENSION = /^\d{1,8}$/;

export const ROUTE_EXAMPLES = "sip:2001@pbx.example.com, tel:+14155550123, +14155550123 or 2001";

export function classifyRoute(route: string): ClassifiedRoute | null {
  const r = route.trim();
  if (/^sips?:/i.test(r)) return SIP_URI.test(r) ? { kind: "sip", value: r } : null;
  const tel = TEL_URI.exec(r);
  if (tel) return { kind: "tel", value: tel[1]! };
  if (/^tel:/i.test(r)) return null;
  if (E164.test(r)) return { kind: "e164", value: r };
  if (EXTENSION.test(r)) return { kind: "extension", value: r };
  return null;
}

/** Error text for a route, or null when it is one of the accepted forms. */
export function routeError(route: string): string | null {
  const r = route.trim();
  if (r === "") return "Enter a route";
  if (classifyRoute(r)) return null;
  if (/^sips?:/i.test(r)) return "Not a valid SIP URI: expected sip:user@host (e.g. sip:2001@pbx.example.com)";
  if (/^tel:/i.test(r)) return "tel: routes need an E.164 number, e.g. tel:+14155550123";
  if (/^\+/.test(r)) return "E.164 numbers are + followed by 2 to 15 digits, the first not 0";
  if (/^\d+$/.test(r)) return "Extensions are 1 to 8 digits; write longer numbers in E.164 form (+14155550123)";
  return `Enter a SIP URI, tel: URI, E.164 number or extension (${ROUTE_EXAMPLES})`;
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
