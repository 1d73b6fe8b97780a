import { describe, expect, it } from "vitest";
import { transcriptSearchQuery, UNSEARCHABLE_MESSAGE } from "./text-search";

const query = (text: string) => {
  const r = transcriptSearchQuery(text);
  return r.ok ? r.query : r.message;
};

describe("transcriptSearchQuery", () => {
  it("quotes every word, keeps phrases and prefixes", () => {
    expect(query("refund please")).toBe('"refund" "please"');
    expect(query('  "my bill"  late ')).toBe('"my bill" "late"');
    expect(query("refun*")).toBe('"refun"*');
    expect(query('"unclosed phrase')).toBe('"unclosed phrase"');
  });

  it("turns FTS5 syntax into plain words", () => {
    expect(query("a OR b NOT c")).toBe('"a" "OR" "b" "NOT" "c"');
    expect(query("transcript_text:x (y) NEAR(z)")).toBe('"transcript_text:x" "(y)" "NEAR(z)"');
    expect(query('say "hi""')).toBe('"say" "hi"');
    expect(query('a"b')).toBe('"a""b"');
  });

  it("drops what has no letter or digit, and refuses a query of nothing else", () => {
    expect(query("100% - sure")).toBe('"100%" "sure"');
    expect(query('%% -- ** ""')).toBe(UNSEARCHABLE_MESSAGE);
    expect(query("*")).toBe(UNSEARCHABLE_MESSAGE);
  });
});
