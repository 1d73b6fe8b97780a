import { describe, expect, it } from "vitest";
import { catalogue, kindOf, NODE_KINDS } from "../catalogue";
import { lintFlow } from "../lint";
import { EMPTY_CONTEXT, prepareContext } from "../problems";
import { around, context, frontDesk } from "../testing/builders";
import type { FlowNode } from "../types";

const flowCtx = prepareContext(context());

describe.each(NODE_KINDS)("kind %s", (kind) => {
  const def = catalogue[kind];

  it("is keyed by its own kind and has copy for the palette", () => {
    expect(def.kind).toBe(kind);
    expect(def.label).not.toBe("");
    expect(def.description).not.toBe("");
  });

  it("defaults pass its data schema unchanged", () => {
    const data = def.defaults();
    const parsed = def.dataSchema.safeParse(data);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(data);
    expect(def.defaults()).not.toBe(data);
  });

  it("defaults give a summary and no kind-specific errors", () => {
    const data = def.defaults();
    expect(typeof def.summary(data as never, flowCtx)).toBe("string");
    const problems = def.validate(data as never, { ...flowCtx, nodeId: "n" });
    // Function and Go to flow defaults name no function / flow yet; everything else starts clean.
    expect(problems.map((p) => p.rule)).toEqual(
      kind === "function" ? ["unknown-function"] : kind === "goto_flow" ? ["unknown-flow"] : [],
    );
  });
});

describe("kind specifics", () => {
  it("end has no out handles; handoff has only its optional Failed branch", () => {
    expect(kindOf("end").outHandles({ goodbye: "" })).toEqual([]);
    const failed = kindOf("handoff").outHandles(kindOf("handoff").defaults());
    expect(failed.map((h) => [h.id, h.label])).toEqual([["failed", "Failed"]]);
    expect(failed[0]!.suggestion).toContain("I couldn't connect you right now.");
  });

  it("listen: one handle per branch plus no_match; retries are 0–5 with default 1", () => {
    const listen = kindOf("listen");
    const data = { prompt: "", retries: 2, branches: [{ id: "b1", label: "", examples: ["x"], keywords: [] }] };
    expect(listen.outHandles(data)).toEqual([
      { id: "b1", label: "Branch 1" },
      { id: "no_match", label: "No match" },
    ]);
    expect(listen.dataSchema.safeParse({ ...data, retries: 6 }).success).toBe(false);
    expect(listen.dataSchema.safeParse({ ...data, retries: 1.5 }).success).toBe(false);
    const { retries: _r, ...withoutRetries } = data;
    expect(listen.dataSchema.parse(withoutRetries).retries).toBe(1);
  });

  it("condition: one handle per rule plus else; rejects unknown operators", () => {
    const cond = kindOf("condition");
    const data = { rules: [{ id: "r1", variable: "tier", operator: "equals" as const, value: "gold" }] };
    expect(cond.outHandles(data)).toEqual([
      { id: "r1", label: "$tier = gold" },
      { id: "else", label: "Else" },
    ]);
    expect(cond.summary(data, flowCtx)).toBe("If $tier = gold");
    expect(cond.dataSchema.safeParse({ rules: [{ ...data.rules[0], operator: "matches" }] }).success).toBe(false);
  });

  it("function: next and error handles", () => {
    expect(
      kindOf("function")
        .outHandles(kindOf("function").defaults())
        .map((h) => h.id),
    ).toEqual(["next", "error"]);
  });

  it("handoff: summary names the resolved destination and reason fallback", () => {
    const h = kindOf("handoff");
    expect(h.summary(h.defaults(), flowCtx)).toBe(`→ default (${frontDesk.name}) · ${frontDesk.name}`);
    expect(h.summary({ ...h.defaults(), destinationId: "hd_billing", reason: "billing" }, flowCtx)).toBe(
      "→ Billing Support · billing",
    );
    expect(h.dataSchema.safeParse({ ...h.defaults(), destinationId: "" }).success).toBe(false);
  });

  it("a fresh node of every kind can sit in a flow without errors (except an unchosen function or flow)", () => {
    for (const kind of NODE_KINDS) {
      if (kind === "start") continue;
      const node = { id: "n", type: kind, position: { x: 0, y: 0 }, data: catalogue[kind].defaults() } as FlowNode;
      const handles = catalogue[kind].outHandles(node.data as never).map((h) => h.id);
      const errors = lintFlow(around(node, handles), context()).filter((p) => p.severity === "error");
      expect(errors.map((p) => p.rule)).toEqual(
        kind === "function" ? ["unknown-function"] : kind === "goto_flow" ? ["unknown-flow"] : [],
      );
    }
  });

  it("goto_flow: one handle for when the flow it went to exits; names a flow of the agent, ignoring case", () => {
    const def = kindOf("goto_flow");
    expect(def.outHandles({ flow: "Billing" }).map((h) => [h.id, h.label])).toEqual([["next", "After the flow exits"]]);
    expect(def.summary({ flow: " Billing " }, flowCtx)).toBe("→ flow “Billing”");
    expect(def.defaultTitle({ flow: "Billing" }, { destinations: new Map() } as never)).toBe("Go to flow: Billing");
    const ctx = { ...prepareContext({ ...EMPTY_CONTEXT, flows: ["Main", "Billing"] }), nodeId: "g" };
    expect(def.validate({ flow: "billing" }, ctx)).toEqual([]);
    expect(def.validate({ flow: "Sales" }, ctx).map((p) => [p.rule, p.message])).toEqual([
      ["unknown-flow", 'Unknown flow "Sales": it was renamed or deleted'],
    ]);
    // Without the agent's flow list (a lone flow file), only an empty choice is an error.
    expect(def.validate({ flow: "Sales" }, { ...flowCtx, nodeId: "g" })).toEqual([]);
  });
});
