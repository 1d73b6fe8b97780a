import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Server actions call revalidatePath, which needs a Next request; here it only needs to be callable.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Actions run as a signed-in designer (a real session on the test database).
vi.mock("next/headers", async () => (await import("@/auth/testing/sessions")).nextHeadersMock);

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-variable-actions-"));
process.env.SWITCHBOARD_DB = path.join(dir, "actions.db");

const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { listVariables } = await import("@/db/repositories/variables");
const { listAudit } = await import("@/db/repositories/audit");
const { actAs, signedInAs } = await import("@/auth/testing/sessions");
const actions = await import("./actions");

let agentId: string;
beforeAll(async () => {
  agentId = listAgents(getDb())[0]!.id;
  actAs((await signedInAs("designer", "dana@example.com")).cookie);
});
afterAll(() => {
  getDb().$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const variableEntries = () =>
  listAudit(getDb(), { filters: { targetType: "variable" }, before: null, limit: 50 }).entries.map((e) => ({
    action: e.action,
    target: e.targetName,
    summary: e.summary,
    actor: e.actor.email,
  }));

describe("variable server actions", () => {
  it("audit each change with its author, and nothing for a refused one", async () => {
    const created = await actions.createVariableAction(agentId, {
      name: "account_id",
      sampleValue: "A-42",
      description: "",
    });
    expect(created.ok).toBe(true);
    const taken = await actions.createVariableAction(agentId, { name: "account_id", sampleValue: "", description: "" });
    expect(!taken.ok && taken.fieldErrors.name).toBe("This agent already has a variable named account_id");

    // "tier" is used (a condition and a function): renaming asks first, and writes nothing until confirmed.
    const input = { name: "plan", sampleValue: "gold", description: "Support tier" };
    const asked = await actions.updateVariableAction(agentId, "tier", input);
    expect(!asked.ok && asked.usages?.length).toBeGreaterThan(0);
    expect((await actions.updateVariableAction(agentId, "tier", input, true)).ok).toBe(true);
    expect((await actions.deleteVariableAction(agentId, "account_id")).ok).toBe(true);

    expect(listVariables(getDb(), agentId).map((v) => v.name)).toEqual(["customer_id", "plan"]);
    expect(variableEntries().reverse()).toEqual([
      {
        action: "variable.created",
        target: "$account_id",
        summary: 'created: sample "A-42"',
        actor: "dana@example.com",
      },
      {
        action: "variable.updated",
        target: "$plan",
        summary:
          'name "tier" → "plan"; sample "silver" → "gold"; description "Support tier: silver or gold" → "Support tier"',
        actor: "dana@example.com",
      },
      {
        action: "variable.deleted",
        target: "$account_id",
        summary: 'deleted (sample was "A-42")',
        actor: "dana@example.com",
      },
    ]);
  });

  it("lists uses for a designer and answers garbage with errors, never by throwing", async () => {
    const uses = await actions.variableUsagesAction(agentId, "customer_id");
    expect(uses.ok && uses.usages.length).toBeGreaterThan(0);
    for (const input of [null, undefined, 42, "x", [], { name: { $gt: "" } }]) {
      expect((await actions.createVariableAction(agentId, input)).ok).toBe(false);
    }
    expect((await actions.updateVariableAction(agentId, 7, { name: "x", sampleValue: "", description: "" })).ok).toBe(
      false,
    );
    expect((await actions.deleteVariableAction(agentId, "nope", true)).ok).toBe(false);
    expect((await actions.deleteVariableAction({ id: 1 }, "plan")).ok).toBe(false);
  });
});
