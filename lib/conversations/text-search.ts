/**
 * Review's transcript search, as an SQLite FTS5 query built from what the person typed: words
 * (each must appear; case and accents ignored), `"a phrase in quotes"` (words side by side), and
 * `refun*` (a prefix). Every word is quoted, so FTS5's own syntax (AND, OR, NOT, NEAR, column
 * filters, parentheses) is never interpreted: text is always text. Inside quotes the tokenizer
 * splits on punctuation, so `a_b` finds "a_b", "a-b" and "a b".
 */

/** Searchable: has a letter or a digit (FTS5's unicode61 tokenizer drops everything else). */
const SEARCHABLE = /[\p{L}\p{N}]/u;

export const UNSEARCHABLE_MESSAGE = "Search for words or numbers: punctuation alone is not searchable";

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function transcriptSearchQuery(text: string): { ok: true; query: string } | { ok: false; message: string } {
  const parts: string[] = [];
  // Quoted phrases first (an unclosed quote runs to the end), then whitespace-separated words.
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const phrase = m[1];
    if (phrase !== undefined) {
      if (SEARCHABLE.test(phrase)) parts.push(quote(phrase));
      continue;
    }
    const word = m[2]!;
    const prefix = word.length > 1 && word.endsWith("*");
    const body = prefix ? word.replace(/\*+$/, "") : word;
    if (!SEARCHABLE.test(body)) continue;
    parts.push(prefix ? `${quote(body)}*` : quote(body));
  }
  if (parts.length === 0) return { ok: false, message: UNSEARCHABLE_MESSAGE };
  return { ok: true, query: parts.join(" ") };
}
