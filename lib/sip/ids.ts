/**
 * Seeded identifiers. Traces must be reproducible (DESIGN §3: ids and clocks come from a
 * seeded source), so nothing here reads the clock or Math.random.
 */

/** FNV-1a over the seed's text: any string or number becomes a 32-bit PRNG state. */
export function hashSeed(seed: number | string): number {
  const text = typeof seed === "number" ? `n:${seed}` : `s:${seed}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface IdSource {
  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number;
  /** `n` groups of 8 lowercase hex digits. */
  hex(groups: number): string;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  branch(): string;
  tag(): string;
  callId(host: string): string;
}

/** mulberry32: tiny, fast and good enough for identifiers that only need to look random. */
export function createIdSource(seed: number | string): IdSource {
  let state = hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const hex8 = (): string => {
    const s = next().toString(16);
    return s.length === 8 ? s : "00000000".slice(s.length) + s;
  };
  const hex = (groups: number): string => {
    let s = "";
    for (let i = 0; i < groups; i++) s += hex8();
    return s;
  };
  return {
    next,
    hex,
    int: (min, max) => min + (next() % (max - min + 1)),
    // RFC 3261 §8.1.1.7: the magic cookie marks branches that are unique per transaction.
    branch: () => "z9hG4bK" + hex(2),
    tag: () => hex(1),
    callId: (host) => hex(3) + "@" + host,
  };
}
