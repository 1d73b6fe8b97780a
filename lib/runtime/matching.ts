import { compileBranchRegex, NO_MATCH_HANDLE, type ListenBranch } from "../flow";

/** Words that carry no intent; ignoring them keeps "I want my bill" close to "bill". */
const STOPWORDS = new Set(
  "a an the i im i'm me my we our you your to of for on in at is are was be am do does can could would please um uh about with it this that and or so just".split(
    " ",
  ),
);

/** Below this overlap an example is not considered a match. */
export const EXAMPLE_THRESHOLD = 0.5;

export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^\p{L}\p{N}']+/u)
    .map((t) => t.replace(/^'+|'+$/g, ""))
    .filter((t) => t !== "");
}

function contentOf(all: string[]): string[] {
  const content = all.filter((t) => !STOPWORDS.has(t));
  return content.length > 0 ? content : all;
}

function contentTokens(text: string): string[] {
  return contentOf(tokens(text));
}

function containsPhrase(haystack: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Share of the example's content words that the utterance has (Dice coefficient). */
export function overlap(utterance: readonly string[], example: readonly string[]): number {
  return overlapWith(new Set(utterance), example);
}

// The utterance's set is built once per match, not once per example.
function overlapWith(u: ReadonlySet<string>, example: readonly string[]): number {
  if (u.size === 0 || example.length === 0) return 0;
  const e = new Set(example);
  let common = 0;
  for (const t of e) if (u.has(t)) common++;
  return (2 * common) / (u.size + e.size);
}

// Branch phrases are fixed per flow; tokenise each once rather than on every utterance.
const phraseCache = new Map<string, string[]>();
function phraseTokens(phrase: string, content: boolean): string[] {
  const key = (content ? "c:" : "t:") + phrase;
  let hit = phraseCache.get(key);
  if (!hit) {
    if (phraseCache.size > 50_000) phraseCache.clear();
    hit = content ? contentTokens(phrase) : tokens(phrase);
    phraseCache.set(key, hit);
  }
  return hit;
}

export interface MatchResult {
  handle: string;
  branchId: string | null;
  how: "regex" | "keyword" | "example" | "none";
  score: number;
}

/**
 * docs/design.md §3: regex and keywords first (in branch order), then the best example by normalised
 * token overlap above a threshold, else no match. Ties go to the earlier branch.
 */
export function matchBranch(text: string, branches: readonly ListenBranch[]): MatchResult {
  const words = tokens(text);
  for (const b of branches) {
    const regex = b.regex?.trim();
    if (regex) {
      try {
        if (compileBranchRegex(regex).test(text)) return { handle: b.id, branchId: b.id, how: "regex", score: 1 };
      } catch {
        // An invalid regex is a lint error; at run time it simply never matches.
      }
    }
    for (const k of b.keywords) {
      if (containsPhrase(words, phraseTokens(k, false)))
        return { handle: b.id, branchId: b.id, how: "keyword", score: 1 };
    }
  }
  const content = new Set(contentOf(words));
  let best: MatchResult = { handle: NO_MATCH_HANDLE, branchId: null, how: "none", score: 0 };
  for (const b of branches) {
    for (const ex of b.examples) {
      const score = overlapWith(content, phraseTokens(ex, true));
      if (score > best.score) best = { handle: b.id, branchId: b.id, how: "example", score };
    }
  }
  return best.score >= EXAMPLE_THRESHOLD
    ? best
    : { handle: NO_MATCH_HANDLE, branchId: null, how: "none", score: best.score };
}
