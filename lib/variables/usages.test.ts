import { describe, expect, it } from "vitest";
import { codeUsesVariable, variableUsages } from "./usages";
import { variableInputSchema } from "./schema";
import { parseWith } from "../validation/field-errors";

describe("codeUsesVariable", () => {
  it("finds conv.state reads and writes by key or attribute", () => {
    expect(codeUsesVariable('tier = conv.state.get("tier", "silver")', "tier")).toBe(true);
    expect(codeUsesVariable("conv.state['tier'] = 'gold'", "tier")).toBe(true);
    expect(codeUsesVariable("state = conv.state\nif state.tier == 'gold': pass", "tier")).toBe(true);
    expect(codeUsesVariable('return {"tier": "gold"}', "tier")).toBe(true);
  });

  it("does not count text that merely contains the name", () => {
    expect(codeUsesVariable('conv.say("your tier is gold")', "tier")).toBe(false);
    expect(codeUsesVariable('conv.state.get("tier_2")', "tier")).toBe(false);
    expect(codeUsesVariable("tiers = 3", "tier")).toBe(false);
    // Names are literal, not patterns.
    expect(codeUsesVariable('conv.state.get("a_b")', "a.b")).toBe(false);
  });
});

describe("variableUsages", () => {
  const sources = {
    destinations: [
      {
        id: "hd_1",
        name: "Billing",
        isDefault: true,
        sipHeaders: [
          { name: "X-Account", value: "$account" },
          { name: "X-Other", value: "$accounting" },
        ],
      },
    ],
    flows: [
      {
        id: "flow_1",
        name: "Main",
        nodes: [
          { id: "s", type: "say", data: { utterance: "Your account is $account, $account." } },
          { id: "set", type: "set", data: { title: "Remember", assignments: [{ variable: "account", value: "x" }] } },
          { id: "junk", type: "say", data: { utterance: 5 } },
          { id: "other", type: "say", data: { utterance: "nothing here" } },
          "not a node",
        ],
      },
    ],
    functions: [
      { id: "fn_1", name: "lookup", code: 'conv.state["account"] = "A"' },
      { id: "fn_2", name: "other", code: "pass" },
    ],
  };

  it("lists each header, node (once, with what uses it) and function", () => {
    expect(variableUsages("account", sources)).toEqual([
      { kind: "header", section: "handoffs", text: "Billing: header X-Account" },
      {
        kind: "node",
        section: "flows",
        id: "flow_1",
        text: "Main: “Say: Your account is $account, $account.” (the utterance)",
      },
      { kind: "node", section: "flows", id: "flow_1", text: "Main: “Remember” (sets it)" },
      { kind: "function", section: "functions", id: "fn_1", text: "function lookup" },
    ]);
    expect(variableUsages("accounting", sources).map((u) => u.text)).toEqual(["Billing: header X-Other"]);
    expect(variableUsages("nobody", sources)).toEqual([]);
  });

  it("lists knowledge topics that say it, in their content or their pre-handoff utterance", () => {
    const topics = [
      { name: "Balance", content: "Your account $account is fine.", action: { kind: "none" } },
      {
        name: "Escalate",
        content: "",
        action: { kind: "builtin-handoff", destinationId: null, reason: "billing", utterance: "Moving $account on." },
      },
      { name: "Hours", content: "We open at 8 ($accounting).", action: { kind: "function", functionName: "x" } },
    ];
    const uses = variableUsages("account", { ...sources, topics }).filter((u) => u.kind === "topic");
    expect(uses).toEqual([
      { kind: "topic", section: "knowledge", text: "Knowledge: “Balance” (what the agent says)" },
      { kind: "topic", section: "knowledge", text: "Knowledge: “Escalate” (the pre-handoff utterance)" },
    ]);
  });
});

describe("variableInputSchema", () => {
  it("trims the name, drops a leading $, and refuses built-ins and bad names", () => {
    expect(variableInputSchema.parse({ name: " $tier ", sampleValue: "gold", description: "" }).name).toBe("tier");
    const bad = (name: string) => parseWith(variableInputSchema, { name, sampleValue: "", description: "" });
    expect(bad("caller_id")).toMatchObject({ ok: false, fieldErrors: { name: expect.stringMatching(/built-in/) } });
    expect(bad("2fast")).toMatchObject({ ok: false, fieldErrors: { name: expect.stringMatching(/letters, digits/) } });
    expect(bad("")).toMatchObject({ ok: false, fieldErrors: { name: "Give the variable a name" } });
    expect(bad("a".repeat(65))).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.stringMatching(/at most 64/) },
    });
    expect(
      parseWith(variableInputSchema, { name: "ok", sampleValue: "x".repeat(1001), description: "" }),
    ).toMatchObject({ ok: false, fieldErrors: { sampleValue: "At most 1000 characters" } });
  });
});
