/**
 * Times as the UI shows them: always UTC, so the server and every browser render the same text
 * (no hydration drift) and what a row says matches what a UTC date filter selects.
 */

/** `2025-05-01 09:30:12 UTC` (or `2025-05-01 09:30 UTC` to the minute) for an ISO date-time; unreadable text comes back as given. */
export function formatUtc(iso: string, precision: "second" | "minute" = "second"): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = d.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, precision === "second" ? 19 : 16)} UTC`;
}
