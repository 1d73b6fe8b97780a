/**
 * One serialisation for agent documents, so that the same content is always the same bytes: the
 * content hash of a version, "nothing changed since version N" and byte-identical export → import
 * → export all rest on it. Object keys are written in a stable order (a few identifying keys
 * first, the rest alphabetically); arrays keep their order, which the document builder fixes.
 * Written out directly (no sorted copy of the document first): a 10,000-node agent is a few MB.
 */

const FIRST_KEYS = new Map(["format", "name", "id", "type"].map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ia = FIRST_KEYS.get(a) ?? FIRST_KEYS.size;
  const ib = FIRST_KEYS.get(b) ?? FIRST_KEYS.size;
  if (ia !== ib) return ia - ib;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys in canonical order; most objects are small and already in order, so check before sorting. */
function orderedKeys(value: object): string[] {
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if (compareKeys(keys[i - 1]!, keys[i]!) > 0) return keys.sort(compareKeys);
  }
  return keys;
}

/** JSON.stringify's own rules for what is left out or becomes null, with keys in canonical order. */
function write(value: unknown, indent: string, step: string, out: string[]): void {
  if (value === null || typeof value !== "object") {
    out.push(JSON.stringify(value) ?? "null");
    return;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    write((value as { toJSON(): unknown }).toJSON(), indent, step, out);
    return;
  }
  const inner = indent + step;
  const open = step === "" ? "" : `\n${inner}`;
  const close = step === "" ? "" : `\n${indent}`;
  const colon = step === "" ? ":" : ": ";
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push("[]");
    out.push("[");
    value.forEach((v, i) => {
      out.push(i === 0 ? open : `,${open}`);
      if (v === undefined || typeof v === "function" || typeof v === "symbol") out.push("null");
      else write(v, inner, step, out);
    });
    out.push(`${close}]`);
    return;
  }
  let first = true;
  out.push("{");
  for (const key of orderedKeys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    out.push(first ? open : `,${open}`, JSON.stringify(key), colon);
    first = false;
    write(v, inner, step, out);
  }
  out.push(first ? "}" : `${close}}`);
}

/** Compact canonical JSON: what is hashed and stored. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, "", "", out);
  return out.join("");
}

/** Pretty canonical JSON (two-space indent, final newline): what export writes. */
export function prettyCanonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, "", "  ", out);
  return `${out.join("")}\n`;
}
