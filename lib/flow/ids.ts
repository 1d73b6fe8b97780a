import type { NodeKind } from "./catalogue";

/**
 * Ids for nodes, edges, listen branches and condition rules. The token source is injected so
 * tests (and the seeded simulator) get reproducible ids; the default is random.
 */
export type TokenSource = () => string;

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

export function randomToken(length = 10): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** "1", "2", … — for tests and deterministic generators. */
export function sequentialTokens(start = 1): TokenSource {
  let n = start;
  return () => String(n++);
}

export interface IdGenerator {
  /** `listen_k3x…`; retries while the id is taken, so pasted or imported ids never collide. */
  node(kind: NodeKind, taken?: ReadonlySet<string>): string;
  edge(taken?: ReadonlySet<string>): string;
  /** Listen branch ids; prefixed so they can never equal the fixed `no_match` handle. */
  branch(): string;
  /** Condition rule ids; prefixed so they can never equal the fixed `else` handle. */
  rule(): string;
}

export function createIdGenerator(token: TokenSource = () => randomToken()): IdGenerator {
  const fresh = (prefix: string, taken?: ReadonlySet<string>): string => {
    for (;;) {
      const id = `${prefix}_${token()}`;
      if (!taken?.has(id)) return id;
    }
  };
  return {
    node: (kind, taken) => fresh(kind, taken),
    edge: (taken) => fresh("e", taken),
    branch: () => fresh("br"),
    rule: () => fresh("r"),
  };
}
