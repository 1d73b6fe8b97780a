import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Server actions call revalidatePath, which needs a Next request; here it only needs to be callable.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Actions run as a signed-in designer (a real session on the test database).
vi.mock("next/headers", async () => (await import("@/auth/testing/sessions")).nextHeadersMock);

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-topic-actions-"));
process.env.SWITCHBOARD_DB = path.join(dir, "actions.db");

const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { listTopics } = await import("@/db/repositories/topics");
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

const topics = () => listTopics(getDb(), agentId);
const audit = () => listAudit(getDb(), { filters: { targetType: "topic" }, before: null, limit: 200 }).entries;

describe("knowledge topic server actions", () => {
  it("creates a handoff topic, audited; a bad reason or a taken name is a field error and writes nothing", async () => {
    const input = {
      name: "Manager",
      sampleQuestions: ["get me the manager"],
      content: "",
      action: { kind: "builtin-handoff", destinationId: null, reason: "complaint", utterance: "One moment." },
      enabled: true,
    };
    const bad = await actions.createTopicAction(agentId, {
      ...input,
      action: { ...input.action, reason: "Not A Code" },
    });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { "action.reason": expect.stringContaining("needs_human") } });
    const taken = await actions.createTopicAction(agentId, { ...input, name: "opening HOURS" });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("already exists") } });
    expect(topics()).toHaveLength(2);
    expect(audit()).toHaveLength(0);

    const created = await actions.createTopicAction(agentId, input);
    expect(created).toMatchObject({ ok: true, topic: { name: "Manager" } });
    expect(audit()[0]).toMatchObject({
      action: "topic.created",
      targetName: "Manager",
      summary: "created: 1 sample question, hand off to the agent default (complaint)",
      actor: { email: "dana@example.com" },
    });
  });

  it("toggles, updates and deletes with audit entries; an unknown id says the topic is gone", async () => {
    const hours = topics().find((t) => t.name === "Opening hours")!;
    expect(await actions.setTopicEnabledAction(agentId, hours.id, false)).toMatchObject({
      ok: true,
      topic: { enabled: false },
    });
    expect(audit()[0]).toMatchObject({ action: "topic.updated", summary: "disabled" });
    expect(await actions.setTopicEnabledAction(agentId, hours.id, "no")).toMatchObject({ ok: false });
    const dup = await actions.duplicateTopicAction(agentId, hours.id);
    expect(dup).toMatchObject({ ok: true, topic: { name: "Opening hours (copy)" } });
    expect(await actions.deleteTopicAction(agentId, dup.ok ? dup.topic!.id : "")).toEqual({ ok: true });
    expect(audit()[0]).toMatchObject({ action: "topic.deleted", targetName: "Opening hours (copy)" });
    expect(await actions.deleteTopicAction(agentId, "kt_gone")).toMatchObject({
      ok: false,
      formError: expect.stringContaining("deleted in the meantime"),
    });
  });

  it("imports nothing when any row is wrong, then imports a good file in one go (audited per topic)", async () => {
    const before = JSON.stringify(topics());
    const entries = audit().length;
    const bad = await actions.importTopicsAction(
      agentId,
      "name,sample_questions,content,action,destination\nParking,where to park,Behind us.,none,\nSales,buy,,builtin-handoff,Nobody",
    );
    expect(bad).toEqual({
      ok: false,
      errors: [{ row: 3, column: "destination", message: 'No destination named "Nobody"' }],
    });
    expect(JSON.stringify(topics())).toBe(before);
    expect(audit()).toHaveLength(entries);

    const good = await actions.importTopicsAction(
      agentId,
      "name,sample_questions,content,action,destination\nParking,where to park,Behind us.,none,\nmanager,boss please,,builtin-handoff,Billing Support",
    );
    expect(good).toEqual({ ok: true, added: 1, replaced: 1 });
    expect(topics().find((t) => t.name === "manager")!.action).toMatchObject({ kind: "builtin-handoff" });
    expect(
      audit()
        .slice(0, 2)
        .map((e) => e.action),
    ).toEqual(["topic.imported", "topic.imported"]);
    expect(await actions.importTopicsAction(agentId, 42)).toMatchObject({ ok: false, formError: "Choose a CSV file" });
  });
});
