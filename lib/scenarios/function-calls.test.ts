import { describe, expect, it } from "vitest";
import { matchFunctionCalls, typedEqual, type RecordedFunctionCall } from "./function-calls";

describe("typedEqual", () => {
  it.each([
    ["integer", "42", 42, true],
    ["integer", "+42", "42", true],
    ["integer", "42", 42.5, false],
    ["integer", "42", "42.0", false],
    ["integer", "42", true, false],
    ["integer", "42", 43, false],
    ["number", "12.5", 12.5, true],
    ["number", "12.5", "12.50", true],
    ["number", "1e3", 1000, true],
    ["number", "3", 3, true],
    ["number", "12.5", "twelve", false],
    ["number", "1", true, false],
    ["boolean", "true", true, true],
    ["boolean", "False", false, true],
    ["boolean", "true", "TRUE", true],
    ["boolean", "true", false, false],
    ["boolean", "true", 1, false],
    ["string", "abc", "abc", true],
    ["string", "abc", "ABC", false],
    ["string", "abc", " abc", false],
    ["string", "42", 42, true],
    ["string", "true", true, true],
  ] as const)("%s %j against %j is %s", (type, expected, actual, equal) =>
    expect(typedEqual(type, expected, actual)).toBe(equal),
  );
});

describe("matchFunctionCalls", () => {
  const calls: RecordedFunctionCall[] = [
    { name: "lookup", args: { id: "a1", tries: 1 }, purpose: "node" },
    { name: "start_function", args: {}, purpose: "start" },
    { name: "lookup", args: { id: "b2", tries: 2 }, purpose: "node" },
  ];

  it("passes when any call of the function matches every listed argument, in any order", () => {
    const r = matchFunctionCalls(
      [
        {
          name: "lookup",
          args: [
            { name: "id", value: "b2", type: "string" },
            { name: "tries", value: "2", type: "integer" },
          ],
        },
        { name: "start_function" },
        { name: "lookup" },
      ],
      calls,
    );
    expect(r.map((x) => x.pass)).toEqual([true, true, true]);
    expect(r[0]!.actual).toBe('lookup(id="a1", tries=1); lookup(id="b2", tries=2)');
  });

  it("fails when no single call has them all, or the argument was not passed", () => {
    const r = matchFunctionCalls(
      [
        {
          name: "lookup",
          args: [
            { name: "id", value: "a1", type: "string" },
            { name: "tries", value: "2", type: "integer" },
          ],
        },
        { name: "lookup", args: [{ name: "other", value: "x", type: "string" }] },
        { name: "refund" },
      ],
      calls,
    );
    expect(r.map((x) => [x.key, x.pass])).toEqual([
      ["functions.0.lookup", false],
      ["functions.1.lookup", false],
      ["functions.2.refund", false],
    ]);
    expect(r[0]!.expected).toBe('lookup(id="a1", tries=2)');
    expect(r[2]!.actual).toBe("(not called; called: lookup, start_function)");
    expect(matchFunctionCalls([{ name: "refund" }], [])[0]!.actual).toBe("(not called)");
  });
});
