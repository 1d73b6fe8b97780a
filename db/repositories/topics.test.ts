import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { seedDemoAgent } from "../seed";
import { createAgent } from "./agents";
import { loadAgentSetup } from "./agent-setup";
import { getFlow, listFlows } from "./flows";
import { getAgent } from "./agents";
import { listDestinations } from "./handoffs";
import {
  createTopic,
  deleteTopic,
  duplicateTopic,
  getTopic,
  importTopics,
  listTopics,
  setTopicEnabled,
  updateTopic,
} from "./topics";
import type { TopicInput } from "../../lib/topics/types";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;

beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = createAgent(db, "Test agent").id;
});
afterEach(() => ctx.cleanup());

const topic = (name: string, extra: Partial<TopicInput> = {}): TopicInput => ({
  name,
  sampleQuestions: [`about ${name}`],
  content: `All about ${name}.`,
  action: { kind: "none" },
  enabled: true,
  ...extra,
});

function create(name: string, extra: Partial<TopicInput> = {}) {
  const r = createTopic(db, agentId, topic(name, extra));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.topic;
}

describe("knowledge topics repository", () => {
  it("creates topics in list order and reads them back with their action", () => {
    create("Hours");
    const handoff = create("Human", {
      action: { kind: "builtin-handoff", destinationId: null, reason: "needs_human", utterance: "One moment." },
    });
    expect(listTopics(db, agentId).map((t) => t.name)).toEqual(["Hours", "Human"]);
    expect(getTopic(db, agentId, handoff.id)).toMatchObject({
      sampleQuestions: ["about Human"],
      action: { kind: "builtin-handoff", destinationId: null, reason: "needs_human", utterance: "One moment." },
      enabled: true,
    });
  });

  it("keeps names unique per agent ignoring case, on create and on update", () => {
    const hours = create("Hours");
    const other = create("Other");
    expect(createTopic(db, agentId, topic("HOURS"))).toEqual({
      ok: false,
      status: "invalid",
      fieldErrors: { name: 'A topic named "HOURS" already exists for this agent' },
    });
    expect(updateTopic(db, agentId, other.id, topic("hours"))).toMatchObject({ ok: false, status: "invalid" });
    expect(updateTopic(db, agentId, hours.id, topic("HOURS"))).toMatchObject({ ok: true, topic: { name: "HOURS" } });
    // Another agent may use the same name.
    const second = createAgent(db, "Second").id;
    expect(createTopic(db, second, topic("Hours")).ok).toBe(true);
  });

  it("duplicates under a free copy name, toggles enabled, deletes; unknown ids are not_found", () => {
    const hours = create("Hours");
    const copy = duplicateTopic(db, agentId, hours.id);
    expect(copy).toMatchObject({ ok: true, topic: { name: "Hours (copy)", content: "All about Hours." } });
    expect(duplicateTopic(db, agentId, hours.id)).toMatchObject({ ok: true, topic: { name: "Hours (copy 2)" } });
    expect(setTopicEnabled(db, agentId, hours.id, false)).toMatchObject({ ok: true, topic: { enabled: false } });
    expect(deleteTopic(db, agentId, hours.id)?.name).toBe("Hours");
    expect(deleteTopic(db, agentId, hours.id)).toBeNull();
    expect(updateTopic(db, agentId, "kt_nope", topic("x"))).toEqual({ ok: false, status: "not_found" });
    expect(setTopicEnabled(db, agentId, "kt_nope", true)).toEqual({ ok: false, status: "not_found" });
    expect(listTopics(db, agentId).map((t) => t.name)).toEqual(["Hours (copy)", "Hours (copy 2)"]);
  });

  it("imports in one transaction: a row with an existing name replaces that topic, others are added", () => {
    const hours = create("Hours");
    const result = importTopics(db, agentId, [topic("hours", { content: "Now 9 to 5." }), topic("New")]);
    expect(result.map((r) => [r.before?.name ?? null, r.after.name])).toEqual([
      ["Hours", "hours"],
      [null, "New"],
    ]);
    expect(getTopic(db, agentId, hours.id)).toMatchObject({ name: "hours", content: "Now 9 to 5." });
    expect(listTopics(db, agentId)).toHaveLength(2);
  });

  it("an agent's topics are deleted with it", () => {
    create("Hours");
    db.$client.prepare("DELETE FROM agents WHERE id = ?").run(agentId);
    expect(listTopics(db, agentId)).toEqual([]);
  });
});

describe("seed", () => {
  it("gives the demo agent Opening hours (content only) and Speak to a human (handoff to Front desk)", () => {
    const demo = seedDemoAgent(db);
    const front = listDestinations(db, demo).find((d) => d.name === "Front desk")!;
    const topics = listTopics(db, demo);
    expect(topics.map((t) => [t.name, t.action.kind])).toEqual([
      ["Opening hours", "none"],
      ["Speak to a human", "builtin-handoff"],
    ]);
    expect(topics[1]!.action).toEqual({
      kind: "builtin-handoff",
      destinationId: front.id,
      reason: "needs_human",
      utterance: "Of course, let me get someone for you.",
    });
    expect(topics[1]!.sampleQuestions).toContain("Can I talk to a real person?");
    // The runtime gets them with the agent.
    const flow = getFlow(db, demo, listFlows(db, demo)[0]!.id)!;
    expect(loadAgentSetup(db, getAgent(db, demo)!, flow).setup.topics?.map((t) => t.name)).toEqual([
      "Opening hours",
      "Speak to a human",
    ]);
  });
});
