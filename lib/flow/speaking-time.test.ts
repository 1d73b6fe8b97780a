import { describe, expect, it } from "vitest";
import { countWords, formatSpeakingTime, SPEAKING_WORDS_PER_MINUTE, speakingSeconds } from "./speaking-time";
import { speechMs } from "../runtime";

describe("speaking time", () => {
  it("counts words as runs of non-space, a $variable as one", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   \n ")).toBe(0);
    expect(countWords("Connecting you to $team now.")).toBe(5);
    expect(countWords("  two\twords\n")).toBe(2);
  });

  it("is 150 words a minute: 400 ms a word", () => {
    expect(SPEAKING_WORDS_PER_MINUTE).toBe(150);
    expect(speakingSeconds("one two three four five")).toBe(2);
    expect(speakingSeconds("word ".repeat(150))).toBe(60);
  });

  it("is the rate the runtime's simulated clock speaks at", () => {
    expect(speechMs("word ".repeat(50))).toBe(speakingSeconds("word ".repeat(50)) * 1000);
    expect(speechMs("hi")).toBe(600); // the runtime's floor for a short turn
  });

  it("reads as whole seconds, rounded up, and minutes past one", () => {
    expect(formatSpeakingTime(0)).toBe("");
    expect(formatSpeakingTime(0.4)).toBe("about 1 s");
    expect(formatSpeakingTime(19.6)).toBe("about 20 s");
    expect(formatSpeakingTime(60)).toBe("about 1 min");
    expect(formatSpeakingTime(65.2)).toBe("about 1 min 6 s");
  });
});
