/**
 * A value from a comparison as one readable string: strings as they are, SIP headers as
 * `Name: value` lines, lists of words comma-separated, anything else as compact JSON.
 */
export function formatDiffValue(value: unknown): string {
  if (value === undefined) return "—";
  if (value === null) return "none";
  if (typeof value === "string") return value === "" ? '""' : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return "(none)";
    if (
      value.every(
        (v) => typeof v === "object" && v !== null && "name" in v && "value" in v && Object.keys(v).length === 2,
      )
    ) {
      return value.map((h: { name: unknown; value: unknown }) => `${String(h.name)}: ${String(h.value)}`).join("\n");
    }
    if (value.every((v) => typeof v === "string")) return value.join(", ");
  }
  if (value !== null && typeof value === "object" && "x" in value && "y" in value && Object.keys(value).length === 2) {
    const p = value as { x: unknown; y: unknown };
    return `(${String(p.x)}, ${String(p.y)})`;
  }
  return JSON.stringify(value);
}
