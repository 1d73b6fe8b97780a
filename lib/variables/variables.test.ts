import { describe, expect, it } from "vitest";
import { findVariableRefs, referencedVariables, substituteVariables, variablePrefixAt } from "./variables";

describe("$variables", () => {
  it("finds references with their offsets", () => {
    expect(findVariableRefs("id=$customer_id, tier $tier.")).toEqual([
      { name: "customer_id", start: 3, end: 15 },
      { name: "tier", start: 22, end: 27 },
    ]);
    expect(referencedVariables("$a $b $a $1")).toEqual(["a", "b"]);
  });

  it("substitutes known names and reports unknown ones once", () => {
    expect(substituteVariables("$a-$b-$b", { a: "1" })).toEqual({ text: "1--", unknown: ["b"] });
    expect(substituteVariables("cost $5", {})).toEqual({ text: "cost $5", unknown: [] });
  });

  it("reads the partial name at the caret", () => {
    expect(variablePrefixAt("x $cust", 7)).toEqual({ start: 2, prefix: "cust" });
    expect(variablePrefixAt("x $", 3)).toEqual({ start: 2, prefix: "" });
    expect(variablePrefixAt("x $cust y", 9)).toBeNull();
  });
});
