/** The fixed order of a document's lists: the same content is always the same document. */

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Functions and variables by name (exact: Python names are case-sensitive). */
export function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => byCodePoint(a.name, b.name));
}

/** Flows by name ignoring case (names are unique ignoring case). */
export function byNameIgnoringCase<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => byCodePoint(a.name.toLowerCase(), b.name.toLowerCase()) || byCodePoint(a.name, b.name),
  );
}
