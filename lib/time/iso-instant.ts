/**
 * A moment written as ISO 8601 with its offset (`2026-03-01T09:30:00Z`, `2026-03-01T10:30+01:00`):
 * a scenario's test clock and `simulate --at`. Read strictly — a date without a time or a time
 * without an offset names no single moment — and normalised to UTC for the run.
 */

export const ISO_INSTANT_MESSAGE = "An ISO 8601 date and time, e.g. 2026-03-01T09:30:00Z";

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** The moment as UTC ISO (`2026-03-01T08:30:00.000Z`), or null when `text` is not one. */
export function normaliseIsoInstant(text: string): string | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "", zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, "0").slice(0, 3)));
  // Date.UTC rolls 2026-02-30 over to March: a day that does not exist in its month is refused.
  if (new Date(local).getUTCDate() !== day) return null;
  let offsetMinutes = 0;
  if (zone!.toUpperCase() !== "Z") {
    const digits = zone!.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || "0");
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone![0] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const instant = new Date(local - offsetMinutes * 60_000);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** `start` (UTC ISO) plus `elapsedMs`, as UTC ISO. */
export function isoPlus(start: string, elapsedMs: number): string {
  return new Date(Date.parse(start) + Math.round(elapsedMs)).toISOString();
}
