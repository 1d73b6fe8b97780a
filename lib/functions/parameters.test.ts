import { describe, expect, it } from "vitest";
import { argumentProblems, convertArgument, functionSignature } from "./parameters";

describe("typed parameters from the def line (docs/design.md §4)", () => {
  it("reads names, types and defaults after conv, over several lines, with strings and comments", () => {
    const code = `import json

def helper(conv, x: int): pass

def refund(conv, amount: float, notify: bool = True,  # tell them
           reason: str = "a, b (c)", note=None, *, count: int = 1, extra: list = [], **more):
    return amount
`;
    expect(functionSignature(code, "refund")).toEqual({
      parameters: [
        { name: "amount", type: "float", required: true },
        { name: "notify", type: "bool", required: false },
        { name: "reason", type: "str", required: false },
        { name: "note", type: null, required: false },
        { name: "count", type: "int", required: false },
        { name: "extra", type: null, required: false },
      ],
      anyKeywords: true,
    });
    expect(functionSignature(code, "helper")).toEqual({
      parameters: [{ name: "x", type: "int", required: true }],
      anyKeywords: false,
    });
    expect(functionSignature("def route_vip(conv):\n    pass\n", "route_vip")).toEqual({
      parameters: [],
      anyKeywords: false,
    });
    expect(functionSignature("x = 1", "route_vip")).toBeNull();
  });

  it("converts text to the declared type or says what it expected", () => {
    expect(convertArgument(" 42 ", "int")).toEqual({ ok: true, value: 42 });
    expect(convertArgument("4.5", "int")).toEqual({
      ok: false,
      message: 'expects an int (a whole number like 42), got "4.5"',
    });
    expect(convertArgument("9.99", "float")).toEqual({ ok: true, value: 9.99 });
    expect(convertArgument("1e3", "float")).toEqual({ ok: true, value: 1000 });
    expect(convertArgument("ten", "float").ok).toBe(false);
    expect(convertArgument("", "float").ok).toBe(false);
    expect(convertArgument("Yes", "bool")).toEqual({ ok: true, value: true });
    expect(convertArgument("0", "bool")).toEqual({ ok: true, value: false });
    expect(convertArgument("maybe", "bool")).toEqual({
      ok: false,
      message: 'expects a bool (true or false), got "maybe"',
    });
    expect(convertArgument(" as is ", "str")).toEqual({ ok: true, value: " as is " });
    expect(convertArgument("7", null)).toEqual({ ok: true, value: "7" });
  });

  it("reports unknown names, bad values and missing required parameters", () => {
    const sig = functionSignature("def refund(conv, amount: float, notify: bool = True): pass", "refund")!;
    expect(
      argumentProblems("refund", sig, [
        { name: "amount", value: "ten" },
        { name: "notfy", value: "true" },
      ]),
    ).toEqual([
      { index: 0, kind: "invalid", message: 'refund: amount expects a float (a number like 9.99), got "ten"' },
      {
        index: 1,
        kind: "unknown",
        message: "refund has no parameter notfy (it takes amount: float, notify: bool (optional))",
      },
    ]);
    expect(argumentProblems("refund", sig, [{ name: "notify", value: "no" }])).toEqual([
      { index: null, kind: "missing", message: "refund needs a value for amount: float: add it as an argument" },
    ]);
    // A $variable is only known during the call: lint skips its value.
    expect(argumentProblems("refund", sig, [{ name: "amount", value: "$total" }], (v) => !v.includes("$"))).toEqual([]);
  });
});
