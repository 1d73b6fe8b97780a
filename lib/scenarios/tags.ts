import { SCENARIO_TAG } from "./schema";

/**
 * Running by tag (`scenarios run --tag smoke`, the API's `tags`, the Scenarios page's filter): a
 * scenario runs when it has ANY of the tags asked for.
 */

/** Tags given as repeated options or comma lists (`smoke,billing`), trimmed, lower-cased and deduplicated. */
export function parseTagFilter(
  items: readonly string[],
): { ok: true; tags: string[] } | { ok: false; message: string } {
  const tags = items
    .flatMap((item) => item.split(","))
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== "");
  const bad = tags.find((t) => !SCENARIO_TAG.test(t));
  if (bad !== undefined) return { ok: false, message: `"${bad}" is not a tag: lower case letters, digits, - and _` };
  if (items.length > 0 && tags.length === 0) return { ok: false, message: "name a tag, e.g. --tag smoke" };
  return { ok: true, tags: [...new Set(tags)] };
}

/** Those of `items` whose scenario has any of `tags` (all of them when `tags` is empty). */
export function scenariosWithTags<T extends { scenario: { tags?: readonly string[] } }>(
  items: readonly T[],
  tags: readonly string[],
): T[] {
  if (tags.length === 0) return [...items];
  const wanted = new Set(tags);
  return items.filter((s) => (s.scenario.tags ?? []).some((t) => wanted.has(t)));
}
