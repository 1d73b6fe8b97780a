import { fnv1a } from "../hash/fnv1a";

export function seededConversationId(seed: string | number): string {
  const s = String(seed);
  return `conv_${fnv1a(s).toString(16).padStart(8, "0")}${fnv1a(`${s}#2`).toString(16).padStart(8, "0")}`;
}

/** Simulated speaking time: about 150 words a minute, never under 600 ms. */
export function speechMs(text: string): number {
  const words = text.trim() === "" ? 0 : text.trim().split(/\s+/).length;
  return Math.max(600, words * 400);
}
