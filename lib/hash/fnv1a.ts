/**
 * FNV-1a (32-bit) over a string's UTF-16 code units: a stable, dependency-free hash for seeded
 * ids and PRNG states. Not for security.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
