/**
 * Seeded identifiers. Traces must be reproducible (docs/design.md §3: ids and clocks come from a
 * seeded source), so nothing here reads the clock or Math.random.
 */
import { fnv1a } from "../hash/fnv1a";

/** FNV-1a over the seed's text: any string or number becomes a 32-bit PRNG state. */
export function hashSeed(seed: number | string): number {
  return fnv1a(typeof seed === "number" ? `n:${seed}` : `s:${seed}`);
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

const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/**
 * mulberry32: tiny, fast and good enough for identifiers that only need to look random.
 * A class rather than closures: a trace creates one per call and the methods stay shared.
 */
class Mulberry32 implements IdSource {
  private state: number;

  constructor(seed: number | string) {
    this.state = hashSeed(seed);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  hex(groups: number): string {
    let s = "";
    for (let i = 0; i < groups; i++) {
      const n = this.next();
      // Byte table instead of toString(16) + padding: ids are made for every message.
      s += BYTE_HEX[n >>> 24]! + BYTE_HEX[(n >>> 16) & 255]! + BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;
    }
    return s;
  }

  int(min: number, max: number): number {
    return min + (this.next() % (max - min + 1));
  }

  // RFC 3261 §8.1.1.7: the magic cookie marks branches that are unique per transaction.
  branch(): string {
    return "z9hG4bK" + this.hex(2);
  }

  tag(): string {
    return this.hex(1);
  }

  callId(host: string): string {
    return this.hex(3) + "@" + host;
  }
}

export function createIdSource(seed: number | string): IdSource {
  return new Mulberry32(seed);
}
