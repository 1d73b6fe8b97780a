/**
 * One serialisation for agent documents, so that the same content is always the same bytes: the
 * content hash of a version, "nothing changed since version N" and byte-identical export → import
 * → export all rest on it. Object keys are written in a stable order (a few identifying keys
 * first, the rest alphabetically); arrays keep their order, which the document builder fixes.
 */

const FIRST_KEYS = ["format", "name", "id", "type"];

function compareKeys(a: string, b: string): number {
  const ia = FIRST_KEYS.indexOf(a);
  const ib = FIRST_KEYS.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? FIRST_KEYS.length : ia) - (ib === -1 ? FIRST_KEYS.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = ordered(v);
  }
  return out;
}

/** Compact canonical JSON: what is hashed and stored. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(ordered(value));
}

/** Pretty canonical JSON (two-space indent, final newline): what export writes. */
export function prettyCanonicalJson(value: unknown): string {
  return `${JSON.stringify(ordered(value), null, 2)}\n`;
}
