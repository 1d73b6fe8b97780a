/**
 * The header scripts/serve.mjs sets on every request from the connection's address (replacing
 * anything a client sent), for per-address sign-in limits. Under `next dev` it is absent and the
 * limit falls back to X-Forwarded-For's last hop.
 */
export const CLIENT_ADDRESS_HEADER = "x-switchboard-client-address";

export function clientAddress(headers: Headers): string | null {
  const set = headers.get(CLIENT_ADDRESS_HEADER)?.trim();
  if (set) return set.slice(0, 100);
  const hops = headers.get("x-forwarded-for")?.split(",") ?? [];
  const last = hops[hops.length - 1]?.trim();
  return last ? last.slice(0, 100) : null;
}
