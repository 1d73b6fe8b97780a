import { describe, expect, it } from "vitest";
import { generateLargeFlow, generateMixedFlow } from "./generate";
import { lintFlow } from "./lint";
import { flowDocumentSchema } from "./schema";
import { EMPTY_CONTEXT } from "./problems";

describe("generateLargeFlow", () => {
  it("is deterministic and valid", () => {
    const doc = generateLargeFlow(50);
    expect(generateLargeFlow(50)).toEqual(doc);
    expect(doc.nodes).toHaveLength(50);
    expect(flowDocumentSchema.safeParse(doc).success).toBe(true);
    expect(() => generateLargeFlow(1)).toThrow(RangeError);
  });

  it("a 1,000-node flow lints clean", () => {
    expect(lintFlow(generateLargeFlow(1000), EMPTY_CONTEXT)).toEqual([]);
  });

  it("a 1,000-node flow with a node removed reports the break and everything after it", () => {
    const doc = generateLargeFlow(1000);
    doc.nodes = doc.nodes.filter((n) => n.id !== "n500");
    const problems = lintFlow(doc, EMPTY_CONTEXT);
    const count = (rule: string) => problems.filter((p) => p.rule === rule).length;
    // n499 is a condition (2 edges into n500); n500 → n501 leaves one edge without a source.
    expect(count("dangling-edge")).toBe(3);
    expect(count("dead-end")).toBe(2);
    expect(count("unreachable")).toBe(1000 - 501);
    // n500 was the only node setting $v500, which n501 says.
    expect(problems.filter((p) => p.rule === "unknown-variable").map((p) => p.nodeId)).toEqual(["n501"]);
  });
});

describe("generateMixedFlow", () => {
  const ctx = {
    destinations: [{ id: "d1", name: "Desk", isDefault: true, method: "refer" as const, sipHeaders: [] }],
    functions: [{ name: "lookup", code: "def lookup(conv, step):\n    return None\n" }],
    variables: [],
  };

  it("holds function and handoff nodes, every node reachable, with the one planted lint error per 16 nodes", () => {
    const doc = generateMixedFlow(1000, "lookup");
    expect(generateMixedFlow(1000, "lookup")).toEqual(doc);
    expect(doc.nodes).toHaveLength(1000);
    expect(flowDocumentSchema.safeParse(doc).success).toBe(true);
    const kinds = (k: string) => doc.nodes.filter((n) => n.type === k).length;
    expect(kinds("function")).toBe(2 * 63);
    expect(kinds("handoff")).toBe(62);
    const problems = lintFlow(doc, ctx);
    expect(problems.filter((p) => p.rule === "unreachable")).toEqual([]);
    expect(problems.filter((p) => p.severity === "error").map((p) => p.rule)).toEqual(
      Array(63).fill("unknown-function"),
    );
  });
});
