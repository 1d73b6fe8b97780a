import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prettyCanonicalJson, type AgentDocument } from "../../lib/agent-document";
import type { HandoffData } from "../../lib/flow";
import type { Db } from "../client";
import { seedDemoAgent } from "../seed";
import { tempDb } from "../testing/temp-db";
import { createAgentFromDocument, readDraftDocument, replaceDraft } from "./agent-document";
import { getAgent } from "./agents";
import { getFlow, listFlows, saveFlow } from "./flows";
import { listFunctions } from "./functions";
import { listDestinations, updateDestination } from "./handoffs";
import { listTopics } from "./topics";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;

beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = seedDemoAgent(db);
});
afterEach(() => ctx.cleanup());

const draft = (id = agentId): AgentDocument => readDraftDocument(db, id)!;
const text = (doc: AgentDocument) => prettyCanonicalJson(doc);

describe("agent document ⇄ draft", () => {
  it("export → import as a new agent → export is byte-identical, with this install's own ids", () => {
    const first = text(draft());
    const copy = createAgentFromDocument(db, JSON.parse(first));
    expect(copy.id).not.toBe(agentId);
    expect(copy.name).toBe("Acme Support");
    expect(text(draft(copy.id))).toBe(first);
    // The copy's handoff nodes point at the copy's destinations, not the original's.
    const ids = new Set(listDestinations(db, copy.id).map((d) => d.id));
    const flow = getFlow(db, copy.id, listFlows(db, copy.id)[0]!.id)!;
    for (const node of flow.nodes.filter((n) => n.type === "handoff")) {
      const id = (node.data as HandoffData).destinationId;
      if (id !== null) expect(ids.has(id)).toBe(true);
    }
  });

  it("replacing the draft keeps ids of what is matched by name, and bumps only changed flows", () => {
    const before = draft();
    const flowBefore = listFlows(db, agentId)[0]!;
    const billingBefore = listDestinations(db, agentId).find((d) => d.name === "Billing Support")!;
    const doc: AgentDocument = JSON.parse(JSON.stringify(before));
    doc.destinations[1]!.route = "sip:billing-2@pbx.acme.example";
    doc.destinations.push({ ...doc.destinations[0]!, name: "Escalations", is_default: false });
    doc.functions = [];
    replaceDraft(db, agentId, doc);

    const after = draft();
    expect(text(after)).toBe(text(doc));
    const billing = listDestinations(db, agentId).find((d) => d.name === "Billing Support")!;
    expect(billing.id).toBe(billingBefore.id);
    expect(billing.route).toBe("sip:billing-2@pbx.acme.example");
    expect(listFunctions(db, agentId)).toEqual([]);
    // The flow's content did not change: same id, same revision (an open editor is not disturbed).
    expect(listFlows(db, agentId)[0]).toMatchObject({ id: flowBefore.id, revision: flowBefore.revision });

    doc.flows[0]!.nodes[0]!.position = { x: 1, y: 2 };
    replaceDraft(db, agentId, doc);
    expect(listFlows(db, agentId)[0]).toMatchObject({ id: flowBefore.id, revision: flowBefore.revision + 1 });
  });

  it("keeps the agent's name and applies its settings", () => {
    const doc = draft();
    doc.agent = { ...doc.agent, name: "Other", pbx_host: "pbx.other.example", function_timeout_ms: 500 };
    replaceDraft(db, agentId, doc);
    expect(getAgent(db, agentId)).toMatchObject({
      name: "Acme Support",
      pbxHost: "pbx.other.example",
      functionTimeoutMs: 500,
    });
  });

  it("writes nothing when part of it fails", () => {
    const doc = draft();
    const saved = text(doc);
    doc.destinations[0]!.route = "sip:changed@pbx.acme.example";
    // Two flows with one name break the unique index half way through the write.
    doc.flows.push({ ...doc.flows[0]!, name: doc.flows[0]!.name.toUpperCase() });
    expect(() => replaceDraft(db, agentId, doc)).toThrow();
    expect(text(draft())).toBe(saved);
  });

  it("follows renames and edits made through the other repositories", () => {
    const billing = listDestinations(db, agentId).find((d) => d.name === "Billing Support")!;
    const { id: _i, agentId: _a, isDefault: _d, createdAt: _c, ...rest } = billing;
    updateDestination(db, agentId, billing.id, { ...rest, name: "Billing" });
    const flow = listFlows(db, agentId)[0]!;
    const stored = getFlow(db, agentId, flow.id)!;
    saveFlow(db, agentId, flow.id, { nodes: stored.nodes.slice(0, 1), edges: [] }, stored.revision);
    const doc = draft();
    expect(doc.destinations.map((d) => d.name)).toContain("Billing");
    expect(doc.flows[0]!.nodes).toHaveLength(1);
  });
});

describe("knowledge topics in the agent document", () => {
  it("carry their action, name their destination, and come back pointing at the new agent's destinations", () => {
    const doc = draft();
    expect(doc.topics?.map((t) => t.name)).toEqual(["Opening hours", "Speak to a human"]);
    expect(doc.topics?.[1]!.action).toEqual({
      kind: "builtin-handoff",
      destination: "Front desk",
      reason: "needs_human",
      utterance: "Of course, let me get someone for you.",
    });
    const copy = createAgentFromDocument(db, JSON.parse(text(doc)));
    const front = listDestinations(db, copy.id).find((d) => d.name === "Front desk")!;
    const action = listTopics(db, copy.id)[1]!.action;
    expect(action.kind === "builtin-handoff" && action.destinationId).toBe(front.id);
  });

  it("restoring a document without topics removes them; an agent without topics has no topics key", () => {
    const doc = draft();
    const { topics: _t, ...without } = doc;
    replaceDraft(db, agentId, without as AgentDocument);
    expect(listTopics(db, agentId)).toEqual([]);
    expect(text(draft())).not.toContain('"topics"');
    replaceDraft(db, agentId, doc);
    expect(text(draft())).toBe(text(doc));
  });
});
