import { describe, expect, it } from "vitest";
import { fnv1a } from "./fnv1a";

describe("fnv1a", () => {
  it("matches the published FNV-1a 32-bit test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
  it("is an unsigned 32-bit integer", () => {
    for (const s of ["x", "conv#2", "n:42", "ünïcode"]) {
      const h = fnv1a(s);
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
    }
  });
});
