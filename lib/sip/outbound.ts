import type { OutboundEncryption } from "../handoffs/types";
import { classifyRoute, type RouteHosts } from "./route";

/**
 * Where and how the agent's own INVITE to a destination travels (docs/design.md §5): through the
 * destination's outbound endpoint when it has one, over TLS with SRTP media when its encryption is
 * TLS/SRTP.
 *
 * - A number route (E.164, tel:, extension) becomes `sip:<number>@<endpoint>`: the endpoint is the
 *   Request-URI's host, so the INVITE goes to it. A SIP URI route keeps its Request-URI and is
 *   loose-routed through the endpoint with a `Route: <sip:endpoint;lr>` header (RFC 3261 §16.12).
 * - TLS/SRTP: a URI the agent writes itself is `sips:` (RFC 3261 §26.2: TLS to that URI's domain):
 *   the Request-URI of a number route and the Route to the endpoint of a sips: route. A sip: URI
 *   route the operator wrote keeps its scheme (the agent cannot promise TLS past its own hop, RFC
 *   5630 §3.2); the hop it controls is marked `;transport=tls` instead, on the Route when there is
 *   an endpoint, else on the Request-URI. Via then says TLS on port 5061 and the SDP offer is
 *   `RTP/SAVP` with an `a=crypto` line (RFC 4568).
 */
export interface OutboundLeg {
  /** Request-URI (and To) of the agent's INVITE. */
  uri: string;
  /** The Route header towards the endpoint, or null when the INVITE goes straight to `uri`. */
  route: string | null;
  /** Signalling over TLS (port 5061): TLS/SRTP, or a sips: route (which must be TLS end to end). */
  tls: boolean;
  /** Media over SRTP: the offer is RTP/SAVP with a=crypto. */
  srtp: boolean;
}

export interface OutboundOptions {
  endpoint?: string | null;
  encryption?: OutboundEncryption;
}

const isSips = (uri: string) => /^sips:/i.test(uri);

/** `uri` with its transport parameter set to tls (before any `?headers`). */
export function withTlsTransport(uri: string): string {
  const q = uri.indexOf("?");
  const base = q === -1 ? uri : uri.slice(0, q);
  const headers = q === -1 ? "" : uri.slice(q);
  return base.replace(/;transport=[^;?]*/gi, "") + ";transport=tls" + headers;
}

export function outboundLeg(route: string, hosts: RouteHosts, o: OutboundOptions = {}): OutboundLeg {
  const c = classifyRoute(route);
  if (!c) throw new Error(`Invalid route: ${route}`);
  const endpoint = o.endpoint?.trim() || null;
  const encrypted = o.encryption === "TLS/SRTP";
  if (c.kind === "sip") {
    const sips = isSips(c.value);
    if (endpoint === null) {
      return {
        uri: encrypted && !sips ? withTlsTransport(c.value) : c.value,
        route: null,
        tls: encrypted || sips,
        srtp: encrypted,
      };
    }
    const hop = sips ? `sips:${endpoint};lr` : encrypted ? `sip:${endpoint};transport=tls;lr` : `sip:${endpoint};lr`;
    return { uri: c.value, route: `<${hop}>`, tls: encrypted || sips, srtp: encrypted };
  }
  const host = endpoint ?? (c.kind === "extension" ? hosts.pbxHost : hosts.trunkHost);
  const scheme = encrypted ? "sips" : "sip";
  // user=phone marks the user part as a telephone number (RFC 3261 §19.1.6); an extension is not one.
  const uri = `${scheme}:${c.value}@${host}${c.kind === "extension" ? "" : ";user=phone"}`;
  return { uri, route: null, tls: encrypted, srtp: encrypted };
}
