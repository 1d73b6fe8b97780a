import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { seedDemoAgent } from "../seed";
import { createAgent } from "./agents";
import { createAgentFromDocument, readDraftDocument, replaceDraft } from "./agent-document";
import { publishDraft, readDocument } from "./versions";
import { canonicalJson, parseAgentDocument } from "../../lib/agent-document";
import { listDestinations, updateDestination } from "./handoffs";
import { scenarioHost } from "./scenario-host";
import {
  createScenario,
  deleteScenario,
  latestDraftPaths,
  latestRuns,
  listScenarios,
  listScenariosWithLastRun,
  recordRuns,
  replaceScenarios,
  RUNS_KEPT_PER_SCENARIO,
  updateScenario,
} from "./scenarios";
import { createNodeFunctionRunner } from "../../lib/functions/node/node-runner";
import type { FunctionRunner } from "../../lib/functions/types";
import { DEMO_SCENARIOS, runScenarios, type Scenario, type ScenarioResult } from "../../lib/scenarios";
import { destinationInputSchema } from "../../lib/handoffs/schema";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
afterEach(() => ctx.cleanup());

const scenario = (name: string): Scenario => ({ name, expect: { outcome: "hangup" } });
const result = (name: string, status: ScenarioResult["status"]): ScenarioResult => ({
  name,
  status,
  reason: null,
  flow: null,
  version: null,
  expectations: [],
  call: null,
  warnings: [],
});

describe("scenarios repository", () => {
  let agentId: string;
  beforeEach(() => {
    ctx = tempDb();
    db = ctx.db;
    agentId = createAgent(db, "Test agent").id;
  });

  it("creates, renames, refuses a duplicate name (any case) and deletes with its runs", () => {
    const a = createScenario(db, agentId, scenario("One"));
    const b = createScenario(db, agentId, scenario("Two"));
    expect(a.ok && b.ok).toBe(true);
    expect(createScenario(db, agentId, scenario("one "))).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.stringContaining("already exists") },
    });
    if (!a.ok || !b.ok) return;
    expect(updateScenario(db, agentId, b.scenario.id, scenario("ONE"))).toMatchObject({ ok: false });
    const renamed = updateScenario(db, agentId, b.scenario.id, { ...scenario("Three"), seed: "s" });
    expect(renamed).toMatchObject({ ok: true, scenario: { name: "Three", scenario: { seed: "s" } } });
    expect(updateScenario(db, agentId, "scn_gone", scenario("x"))).toEqual({ ok: false, status: "not_found" });
    recordRuns(db, agentId, [{ scenarioId: a.scenario.id, result: result("One", "pass") }]);
    expect(deleteScenario(db, agentId, a.scenario.id)?.name).toBe("One");
    expect(listScenarios(db, agentId).map((s) => s.name)).toEqual(["Three"]);
    expect(latestRuns(db, agentId).size).toBe(0);
  });

  it("keeps each scenario's newest runs and reports the last one", () => {
    const a = createScenario(db, agentId, scenario("A"));
    if (!a.ok) throw new Error("seed");
    const id = a.scenario.id;
    for (let i = 0; i < RUNS_KEPT_PER_SCENARIO + 5; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      recordRuns(db, agentId, [{ scenarioId: id, result: result("A", i % 2 ? "fail" : "pass") }], at);
    }
    const count = db.$client.prepare("SELECT count(*) AS n FROM scenario_runs").get() as { n: number };
    expect(count.n).toBe(RUNS_KEPT_PER_SCENARIO);
    const [item] = listScenariosWithLastRun(db, agentId);
    expect(item!.lastRun).toMatchObject({ status: "pass", startedAt: "2026-01-01T00:00:24.000Z" });
    // A scenario deleted before its results are stored is skipped, not an error.
    expect(recordRuns(db, agentId, [{ scenarioId: "scn_gone", result: result("x", "pass") }])).toEqual([]);
  });

  it("replaces the list by name, keeping matched ids", () => {
    const a = createScenario(db, agentId, scenario("Keep"));
    createScenario(db, agentId, scenario("Drop"));
    replaceScenarios(db, agentId, [scenario("New"), { ...scenario("keep"), seed: "x" }]);
    const list = listScenarios(db, agentId);
    expect(list.map((s) => s.name)).toEqual(["New", "keep"]);
    expect(a.ok && list[1]!.id).toBe(a.ok && a.scenario.id);
  });

  it("never stores a run's call as a conversation", () => {
    const a = createScenario(db, agentId, scenario("A"));
    if (!a.ok) throw new Error("seed");
    recordRuns(db, agentId, [{ scenarioId: a.scenario.id, result: result("A", "pass") }]);
    const n = db.$client.prepare("SELECT count(*) AS n FROM conversations").get() as { n: number };
    expect(n.n).toBe(0);
  });
});

describe("scenarios in the agent document", () => {
  it("go with export, import and publish; a document without them still imports", () => {
    ctx = tempDb();
    db = ctx.db;
    const agentId = seedDemoAgent(db);
    const doc = readDraftDocument(db, agentId)!;
    expect(doc.scenarios?.map((s) => s.name)).toEqual(DEMO_SCENARIOS.map((s) => s.name));
    const parsed = parseAgentDocument(JSON.parse(canonicalJson(doc)));
    expect(parsed).toEqual({ ok: true, doc });

    const copy = createAgentFromDocument(db, { ...doc, agent: { ...doc.agent, name: "Copy" } });
    expect(listScenarios(db, copy.id).map((s) => s.scenario)).toEqual(DEMO_SCENARIOS.map((s) => ({ ...s })));

    const published = publishDraft(db, agentId, { note: "", author: "t" });
    expect(published.ok).toBe(true);
    const v1 = readDocument(db, agentId, { kind: "number", number: 1 });
    expect(v1.ok && v1.document.scenarios?.length).toBe(3);

    const { scenarios: _gone, ...without } = doc;
    const older = parseAgentDocument(JSON.parse(JSON.stringify(without)));
    expect(older.ok).toBe(true);
    if (older.ok) replaceDraft(db, agentId, older.doc);
    expect(listScenarios(db, agentId)).toEqual([]);
    expect(readDraftDocument(db, agentId)!).not.toHaveProperty("scenarios");
  });

  it("reports a bad scenario under its path", () => {
    ctx = tempDb();
    db = ctx.db;
    const doc = readDraftDocument(db, seedDemoAgent(db))!;
    const bad = { ...doc, scenarios: [{ name: "x", expect: {} }, doc.scenarios![0], { ...doc.scenarios![0] }] };
    const r = parseAgentDocument(JSON.parse(JSON.stringify(bad)));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(["scenarios[0].expect.outcome", "scenarios[2].name"]);
  });
});

describe("the seeded demo agent's scenarios", () => {
  let runner: FunctionRunner;
  beforeAll(async () => {
    runner = createNodeFunctionRunner();
    await runner.warm();
  }, 60_000);
  afterAll(() => runner.dispose());

  it("are stored by the seed and pass against the seeded draft; a changed header fails one", async () => {
    ctx = tempDb();
    db = ctx.db;
    const agentId = seedDemoAgent(db);
    const stored = listScenarios(db, agentId);
    expect(stored.map((s) => s.name)).toEqual(DEMO_SCENARIOS.map((s) => s.name));
    const host = scenarioHost(db, agentId, (r) => runner.run(r));
    const results = await runScenarios(
      stored.map((s) => s.scenario),
      host,
    );
    expect(results.map((r) => [r.name, r.status, r.expectations.filter((e) => !e.pass)])).toEqual(
      DEMO_SCENARIOS.map((s) => [s.name, "pass", []]),
    );

    const billing = listDestinations(db, agentId).find((d) => d.name === "Billing Support")!;
    const changed = destinationInputSchema.parse({
      ...billing,
      sipHeaders: billing.sipHeaders.map((h) => (h.name === "X-Customer-ID" ? { ...h, value: "$caller_id" } : h)),
    });
    expect(updateDestination(db, agentId, billing.id, changed).ok).toBe(true);
    const [again] = await runScenarios([stored[0]!.scenario], host);
    expect(again!.status).toBe("fail");

    // The flow editor's coverage reads each scenario's newest draft run's path from the JSON.
    recordRuns(
      db,
      agentId,
      results.map((result, i) => ({ scenarioId: stored[i]!.id, result })),
      "2026-01-01T00:00:00.000Z",
    );
    const newest = { ...again!, call: { ...again!.call!, path: ["start"] } };
    recordRuns(db, agentId, [{ scenarioId: stored[0]!.id, result: newest }], "2026-01-01T00:00:01.000Z");
    const sorted = (paths: string[][]) => paths.map((p) => p.join(" ")).sort();
    expect(sorted(latestDraftPaths(db, agentId, "main LINE"))).toEqual(
      sorted([["start"], ...results.slice(1).map((r) => r.call!.path!)]),
    );
    expect(latestDraftPaths(db, agentId, "Other")).toEqual([]);
    // A call that went from another flow into this one counts its steps here.
    const jumped = { ...again!, flow: "Other", call: { ...again!.call!, path: ["Other/start", "Main line/intent"] } };
    recordRuns(db, agentId, [{ scenarioId: stored[1]!.id, result: jumped }], "2026-01-01T00:00:02.000Z");
    expect(latestDraftPaths(db, agentId, "Other")).toEqual([["start"]]);
    expect(latestDraftPaths(db, agentId, "Main line")).toContainEqual(["intent"]);
    expect(again!.expectations.find((e) => !e.pass)).toMatchObject({ expected: "abc123", actual: "+14155550123" });
  }, 60_000);
});
