/**
 * The Host allow-list. A browser tricked by DNS rebinding sends this server requests that are
 * same-origin in its eyes (Origin and Host both name the attacker's domain), so matching Origin
 * against Host cannot catch them; only refusing Host names we do not answer to can.
 */

/** One allowed name; `port` null means any port (a host behind a reverse proxy on 443, say). */
export interface AllowedHost {
  hostname: string;
  port: string | null;
}

/** Splits `host[:port]` (IPv6 in brackets) into lowercase hostname and port; null if malformed. */
export function parseHostHeader(value: string): AllowedHost | null {
  const text = value.trim().toLowerCase();
  let hostname: string;
  let rest: string;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) return null;
    hostname = text.slice(0, close + 1);
    rest = text.slice(close + 1);
  } else {
    const colon = text.indexOf(":");
    hostname = colon < 0 ? text : text.slice(0, colon);
    rest = colon < 0 ? "" : text.slice(colon);
  }
  if (hostname === "" || hostname === "[]" || !/^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)$/.test(hostname)) return null;
  if (rest === "") return { hostname: hostname.replace(/\.$/, ""), port: null };
  const port = rest.slice(1);
  if (!rest.startsWith(":") || !/^\d{1,5}$/.test(port) || Number(port) > 65535) return null;
  return { hostname: hostname.replace(/\.$/, ""), port: String(Number(port)) };
}

/** `SWITCHBOARD_ALLOWED_HOSTS`: comma-separated `host[:port]`; a pasted `http://…/` is forgiven. */
export function parseAllowedHosts(value: string): { hosts: AllowedHost[]; invalid: string[] } {
  const hosts: AllowedHost[] = [];
  const invalid: string[] = [];
  for (const raw of value.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const parsed = parseHostHeader(entry.replace(/^https?:\/\//i, "").replace(/\/$/, ""));
    if (parsed) hosts.push(parsed);
    else invalid.push(entry);
  }
  return { hosts, invalid };
}

const WILDCARD_BINDS = new Set(["", "0.0.0.0", "::", "[::]"]);

/**
 * Without `SWITCHBOARD_ALLOWED_HOSTS`: the loopback names and the host the server listens on, on
 * its port. A server bound to every interface (the default) also answers to each interface's
 * address and the machine's name, so a colleague on the LAN can use it without configuration.
 */
export function defaultAllowedHosts(options: {
  port: string;
  listenHost?: string;
  interfaceAddresses?: readonly string[];
  machineName?: string;
}): AllowedHost[] {
  const names = ["localhost", "127.0.0.1", "[::1]"];
  const listen = (options.listenHost ?? "").trim().toLowerCase();
  if (!WILDCARD_BINDS.has(listen)) names.push(listen);
  else {
    for (const address of options.interfaceAddresses ?? [])
      names.push(address.includes(":") ? `[${address}]` : address);
    if (options.machineName) names.push(options.machineName.toLowerCase());
  }
  const port = String(Number(options.port));
  const hosts: AllowedHost[] = [];
  for (const name of names) {
    const parsed = parseHostHeader(name.includes(":") && !name.startsWith("[") ? `[${name}]` : name);
    if (parsed && !hosts.some((h) => h.hostname === parsed.hostname)) hosts.push({ hostname: parsed.hostname, port });
  }
  return hosts;
}

/** Whether a request's Host header names this server. No Host header (HTTP/1.0) is refused. */
export function isAllowedHost(hostHeader: string | null, allowed: readonly AllowedHost[]): boolean {
  if (!hostHeader) return false;
  const host = parseHostHeader(hostHeader);
  if (!host) return false;
  return allowed.some((a) => a.hostname === host.hostname && (a.port === null || a.port === host.port));
}

export function formatAllowedHosts(allowed: readonly AllowedHost[]): string {
  return allowed.map((a) => (a.port ? `${a.hostname}:${a.port}` : a.hostname)).join(", ");
}
