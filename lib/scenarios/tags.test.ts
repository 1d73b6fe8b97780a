import { describe, expect, it } from "vitest";
import { parseTagFilter, scenariosWithTags } from "./tags";

describe("tag filter", () => {
  it("reads repeated options and comma lists, lower-cased and deduplicated", () => {
    expect(parseTagFilter(["smoke", "Billing, nightly", "smoke"])).toEqual({
      ok: true,
      tags: ["smoke", "billing", "nightly"],
    });
    expect(parseTagFilter([])).toEqual({ ok: true, tags: [] });
  });

  it("refuses what is not a tag, or a list with none", () => {
    expect(parseTagFilter(["smoke", "two words"])).toEqual({
      ok: false,
      message: '"two words" is not a tag: lower case letters, digits, - and _',
    });
    expect(parseTagFilter([" , "])).toMatchObject({ ok: false });
  });

  it("keeps the scenarios with ANY of the tags; no tags keeps all", () => {
    const items = [
      { name: "a", scenario: { tags: ["smoke"] } },
      { name: "b", scenario: { tags: ["billing", "nightly"] } },
      { name: "c", scenario: {} },
    ];
    expect(scenariosWithTags(items, ["nightly", "smoke"]).map((s) => s.name)).toEqual(["a", "b"]);
    expect(scenariosWithTags(items, ["vip"])).toEqual([]);
    expect(scenariosWithTags(items, []).map((s) => s.name)).toEqual(["a", "b", "c"]);
  });
});
