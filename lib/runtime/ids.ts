import { countWords, SPEAKING_WORDS_PER_MINUTE } from "../flow/speaking-time";
import { fnv1a } from "../hash/fnv1a";

export function seededConversationId(seed: string | number): string {
  const s = String(seed);
  return `conv_${fnv1a(s).toString(16).padStart(8, "0")}${fnv1a(`${s}#2`).toString(16).padStart(8, "0")}`;
}

/** Simulated speaking time at the editor's rate (lib/flow/speaking-time.ts), never under 600 ms. */
export function speechMs(text: string): number {
  return Math.max(600, (countWords(text) * 60_000) / SPEAKING_WORDS_PER_MINUTE);
}
