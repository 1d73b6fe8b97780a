/**
 * An INVITE destination's outbound endpoint: the SIP server or trunk the INVITE is sent through,
 * written `host[:port]` (docs/design.md §5). The host is a DNS name, an IPv4 address or a bracketed
 * IPv6 reference, as a SIP URI's hostport (RFC 3261 §25.1); the engine writes it into a
 * Request-URI or a Route header, so nothing else is accepted.
 */

const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6_REFERENCE = /^\[(.*)\]$/;

export const MAX_ENDPOINT_LENGTH = 260;
export const ENDPOINT_EXAMPLE = "sip.trunk.example.com or 203.0.113.5:5061";

export interface Endpoint {
  host: string;
  port: number | null;
}

/** The host and port of an endpoint, or null when it is not `host[:port]`. */
export function parseEndpoint(text: string): Endpoint | null {
  return checkEndpoint(text).endpoint;
}

/** Why an endpoint is not usable, or null when it is. Empty is fine: the field is optional. */
export function endpointError(text: string): string | null {
  if (text.trim() === "") return null;
  return checkEndpoint(text).error;
}

type Checked = { endpoint: Endpoint; error: null } | { endpoint: null; error: string };

const refuse = (error: string): Checked => ({ endpoint: null, error });

function checkEndpoint(raw: string): Checked {
  const text = raw.trim();
  if (text === "") return refuse("Enter a host or host:port");
  if (text.length > MAX_ENDPOINT_LENGTH) return refuse(`Endpoints are at most ${MAX_ENDPOINT_LENGTH} characters`);
  if (/^sips?:/i.test(text))
    return refuse(`Write the host without "${text.slice(0, text.indexOf(":") + 1)}" (e.g. ${ENDPOINT_EXAMPLE})`);
  if (/[\s;?@<>/]/.test(text))
    return refuse(`An endpoint is a host and an optional port, nothing else (e.g. ${ENDPOINT_EXAMPLE})`);
  let host = text;
  let port: number | null = null;
  const portMatch = /^(.*):(\d*)$/.exec(text);
  // "[::1]:5061" and "host:5061" have a port; a bare IPv6 address has colons of its own.
  if (portMatch && (portMatch[1]!.endsWith("]") || !portMatch[1]!.includes(":"))) {
    host = portMatch[1]!;
    const digits = portMatch[2]!;
    const n = Number(digits);
    if (digits === "" || digits.length > 5 || n < 1 || n > 65535)
      return refuse("Ports are whole numbers from 1 to 65535");
    port = n;
  }
  if (host === "") return refuse("Enter a host before the port");
  if (host.includes(":") && !host.startsWith("["))
    return refuse("Write an IPv6 address in brackets, e.g. [2001:db8::5]:5061");
  const v6 = IPV6_REFERENCE.exec(host);
  if (v6) {
    if (!isIpv6(v6[1]!)) return refuse(`${host} is not an IPv6 address`);
    return { endpoint: { host, port }, error: null };
  }
  const v4 = IPV4.exec(host);
  if (v4) {
    if (v4.slice(1).some((o) => Number(o) > 255))
      return refuse(`${host} is not an IPv4 address (each part is 0 to 255)`);
    return { endpoint: { host, port }, error: null };
  }
  if (!HOSTNAME.test(host) || host.length > 253)
    return refuse(`${host} is not a host name: letters, digits and hyphens in dot-separated labels`);
  return { endpoint: { host, port }, error: null };
}

function isIpv6(a: string): boolean {
  const parts = a.split("::");
  if (parts.length > 2) return false;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(parts[0]!);
  const tail = parts.length === 2 ? groups(parts[1]!) : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all.at(-1);
  if (last !== undefined && last.includes(".")) {
    if (!IPV4.test(last) || last.split(".").some((o) => Number(o) > 255)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return parts.length === 2 ? count < 8 : count === 8;
}
