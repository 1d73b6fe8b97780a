import { createTopic } from "./topics";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { createAgent } from "./agents";
import { seedDemoAgent } from "../seed";
import {
  createVariable,
  deleteVariable,
  getVariable,
  listVariables,
  listVariableUsages,
  updateVariable,
} from "./variables";
import { variableInputSchema } from "../../lib/variables/schema";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;

beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = createAgent(db, "Test agent").id;
});
afterEach(() => ctx.cleanup());

const valid = (name: string, sampleValue = "", description = "") =>
  variableInputSchema.parse({ name, sampleValue, description });

describe("variables repository", () => {
  it("creates, lists by name, reads back, updates and deletes", () => {
    expect(createVariable(db, agentId, valid("tier", "gold", "Support tier"))).toEqual({
      ok: true,
      variable: { name: "tier", sampleValue: "gold", description: "Support tier" },
    });
    createVariable(db, agentId, valid("account_id", "A-1"));
    expect(listVariables(db, agentId).map((v) => v.name)).toEqual(["account_id", "tier"]);
    expect(updateVariable(db, agentId, "tier", valid("tier", "silver", "Tier"))).toMatchObject({ ok: true });
    expect(getVariable(db, agentId, "tier")).toEqual({ name: "tier", sampleValue: "silver", description: "Tier" });
    // Renaming moves the row; the old name is gone.
    expect(updateVariable(db, agentId, "tier", valid("plan", "silver", "Tier"))).toMatchObject({ ok: true });
    expect(listVariables(db, agentId).map((v) => v.name)).toEqual(["account_id", "plan"]);
    expect(deleteVariable(db, agentId, "plan")).toBe(true);
    expect(deleteVariable(db, agentId, "plan")).toBe(false);
    expect(listVariables(db, agentId).map((v) => v.name)).toEqual(["account_id"]);
  });

  it("keeps names unique per agent (exact case, like Python), but not across agents", () => {
    createVariable(db, agentId, valid("tier"));
    createVariable(db, agentId, valid("plan"));
    expect(createVariable(db, agentId, valid("tier"))).toEqual({
      ok: false,
      status: "invalid",
      fieldErrors: { name: "This agent already has a variable named tier" },
    });
    expect(createVariable(db, agentId, valid("Tier"))).toMatchObject({ ok: true });
    expect(updateVariable(db, agentId, "plan", valid("tier"))).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.stringContaining("already") },
    });
    expect(updateVariable(db, agentId, "missing", valid("x"))).toEqual({ ok: false, status: "not_found" });
    const other = createAgent(db, "Other").id;
    expect(createVariable(db, other, valid("tier"))).toMatchObject({ ok: true });
    expect(deleteVariable(db, other, "plan")).toBe(false);
    expect(getVariable(db, agentId, "plan")).not.toBeNull();
  });

  it("lists where a variable is used: destination headers, flow nodes and functions", () => {
    const demo = seedDemoAgent(db);
    expect(listVariableUsages(db, demo, "customer_id").map((u) => [u.kind, u.text])).toEqual([
      ["header", "Billing Support: header X-Customer-ID"],
      ["node", "Main line: “Handoff: Billing Support” (the pre-handoff utterance)"],
      ["function", "function route_vip"],
    ]);
    expect(listVariableUsages(db, demo, "tier").map((u) => [u.kind, u.text])).toEqual([
      ["node", "Main line: “Gold customer?” (checks it)"],
      ["function", "function route_vip"],
      // The seeded start_function sets conv.state.tier from an inbound SIP header.
      ["function", "function start_function"],
    ]);
    expect(listVariableUsages(db, demo, "unused_name")).toEqual([]);
    expect(listVariableUsages(db, agentId, "customer_id")).toEqual([]);
  });

  it("lists knowledge topics that say a variable", () => {
    const demo = seedDemoAgent(db);
    const created = createTopic(db, demo, {
      name: "Account",
      sampleQuestions: ["what is my account"],
      content: "Your customer number is $customer_id.",
      action: { kind: "none" },
      enabled: true,
    });
    expect(created.ok).toBe(true);
    expect(listVariableUsages(db, demo, "customer_id").filter((u) => u.kind === "topic")).toEqual([
      { kind: "topic", section: "knowledge", text: "Knowledge: “Account” (what the agent says)" },
    ]);
  });
});
