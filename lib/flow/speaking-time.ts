/**
 * How long the agent takes to say something. One rate for the editor's estimate, the lint rule and
 * the runtime's simulated clock: 150 words a minute, a common text-to-speech pace (400 ms a word).
 */
export const SPEAKING_WORDS_PER_MINUTE = 150;

/** Above this a pre-handoff utterance delays the transfer noticeably (lint warns). */
export const LONG_UTTERANCE_SECONDS = 20;

/** Words as speech counts them: runs of non-space; a `$variable` counts as one. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

export function speakingSeconds(text: string): number {
  return (countWords(text) * 60) / SPEAKING_WORDS_PER_MINUTE;
}

/** "about 3 s", "about 1 min 5 s"; "" for nothing to say. Rounded up, so "about 1 s" is never 0. */
export function formatSpeakingTime(seconds: number): string {
  if (seconds <= 0) return "";
  const whole = Math.ceil(seconds);
  if (whole < 60) return `about ${whole} s`;
  const rest = whole % 60;
  return `about ${Math.floor(whole / 60)} min${rest ? ` ${rest} s` : ""}`;
}
