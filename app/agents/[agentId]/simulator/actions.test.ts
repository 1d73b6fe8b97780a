import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Server actions call revalidatePath, which needs a Next request; here it only needs to be callable.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Actions and routes run as a signed-in qa (a real session on the test database).
vi.mock("next/headers", async () => (await import("@/auth/testing/sessions")).nextHeadersMock);

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-simulator-actions-"));
process.env.SWITCHBOARD_DB = path.join(dir, "actions.db");

const { getDb } = await import("@/db/server");
const { actAs, signedInAs } = await import("@/auth/testing/sessions");
const { createAgent, listAgents } = await import("@/db/repositories/agents");
const { getConversation, listConversations } = await import("@/db/repositories/conversations");
const { sampleConversation } = await import("@/lib/conversations/samples");
const { saveSimulatedCallAction } = await import("./actions");

let agentId: string;
beforeAll(async () => {
  agentId = listAgents(getDb())[0]!.id;
  actAs((await signedInAs("qa")).cookie);
});
afterAll(() => {
  getDb().$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (id: string) => ({ ...sampleConversation(agentId, 0, new Date("2025-05-01T09:00:00Z")), id });
const storedIds = () => listConversations(getDb(), agentId, {}, null, 50).data.map((c) => c.id);

describe("saveSimulatedCallAction", () => {
  it("stores a finished call once; saving it again says it is already stored", async () => {
    expect(await saveSimulatedCallAction(agentId, call("conv_sim_1"))).toEqual({ ok: true, id: "conv_sim_1" });
    expect(getConversation(getDb(), "conv_sim_1")).toMatchObject({ agent_id: agentId, channel: "simulator" });
    expect(await saveSimulatedCallAction(agentId, call("conv_sim_1"))).toEqual({
      ok: false,
      error: "Conversation conv_sim_1 is already stored",
    });
    expect(storedIds()).toEqual(["conv_sim_1"]);
  });

  it("refuses a malformed record, another agent's record and an unknown agent, storing nothing", async () => {
    const before = storedIds();
    expect(await saveSimulatedCallAction(agentId, { ...call("conv_sim_2"), started_at: "yesterday" })).toEqual({
      ok: false,
      error: "The call record is invalid: started_at: Expected an ISO 8601 date-time",
    });
    expect(await saveSimulatedCallAction(agentId, "not a record")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The call record is invalid: _form: /),
    });
    const other = createAgent(getDb(), "Other").id;
    expect(await saveSimulatedCallAction(other, call("conv_sim_3"))).toEqual({
      ok: false,
      error: "The call record is invalid: agent_id: The record belongs to another agent",
    });
    expect(await saveSimulatedCallAction(agentId, { ...call("conv_sim_4"), channel: "twilio" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/channel/),
    });
    expect(await saveSimulatedCallAction("agent_missing", call("conv_sim_5"))).toEqual({
      ok: false,
      error: "This agent no longer exists",
    });
    expect(storedIds()).toEqual(before);
    expect(listConversations(getDb(), other, {}, null, 50).data).toEqual([]);
  });
});
