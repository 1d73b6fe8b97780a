import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, useTempDatabase } from "@/app/api/v1/_lib/testing/api";

const tmp = useTempDatabase("scenarios");

const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { createApiKey } = await import("@/db/repositories/api-keys");
const { insertTestMember } = await import("@/db/testing/members");
const { listDestinations, deleteDestination } = await import("@/db/repositories/handoffs");
const { apiRunResponseSchema, apiScenarioListSchema } = await import("@/lib/api/scenarios");
const { DEMO_SCENARIOS } = await import("@/lib/scenarios/demo");
const { serverPythonPool } = await import("@/telephony/python-pool");
const listRoute = await import("./agents/[agentId]/scenarios/route");
const runRoute = await import("./agents/[agentId]/scenarios/run/route");

let key: string;
let designerKey: string;
let agentId: string;

beforeAll(() => {
  const db = getDb();
  agentId = listAgents(db)[0]!.id;
  key = createApiKey(db, "qa", insertTestMember(db, "qa")).secret;
  designerKey = createApiKey(db, "designer", insertTestMember(db, "designer")).secret;
});
afterAll(() => {
  serverPythonPool().dispose();
  getDb().$client.close();
  tmp.cleanup();
});

const run = (body?: unknown, k = key) =>
  call(runRoute.POST, "POST", `/api/v1/agents/${agentId}/scenarios/run`, { key: k, params: { agentId }, body });

describe("/api/v1 scenarios", { timeout: 120_000 }, () => {
  it("lists the demo scenarios, runs them all (pass), then shows each one's last result", async () => {
    const list = await call(listRoute.GET, "GET", "/x", { key: designerKey, params: { agentId } });
    expect(list.status).toBe(200);
    expect(
      apiScenarioListSchema
        .strict()
        .parse(list.json)
        .data.map((s) => [s.name, s.last_result]),
    ).toEqual(DEMO_SCENARIOS.map((s) => [s.name, null]));
    const r = await run();
    expect(r.status).toBe(200);
    const body = apiRunResponseSchema.strict().parse(r.json);
    expect(body).toMatchObject({ passed: 3, failed: 0, cannot_run: 0 });
    expect(body.results[0]!.call).toMatchObject({ channel: "scenario", outcome: "handoff" });
    const after = await call(listRoute.GET, "GET", "/x", { key, params: { agentId } });
    expect(after.json.data.map((s: { last_result: string }) => s.last_result)).toEqual(["pass", "pass", "pass"]);
  });

  it("runs by name; a deleted destination makes a scenario 'cannot run'", async () => {
    const db = getDb();
    const front = listDestinations(db, agentId).find((d) => d.name === "Front desk")!;
    // Front desk is the default: make another the default first, as a person would have to.
    const { setDefaultDestination } = await import("@/db/repositories/handoffs");
    setDefaultDestination(db, agentId, listDestinations(db, agentId).find((d) => d.name === "Billing Support")!.id);
    deleteDestination(db, agentId, front.id);
    const r = await run({ names: [DEMO_SCENARIOS[2]!.name.toUpperCase()] });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      passed: 0,
      failed: 1,
      cannot_run: 1,
      results: [{ status: "cannot_run", reason: 'destination "Front desk" was deleted or renamed' }],
    });
  });

  it("runs the scenarios with any of the given tags; none tagged so is 400 on tags", async () => {
    const db = getDb();
    const { createScenario } = await import("@/db/repositories/scenarios");
    createScenario(db, agentId, {
      name: "Tagged goodbye",
      tags: ["smoke"],
      turns: [{ say: "goodbye" }],
      expect: { outcome: "hangup" },
    });
    const r = await run({ tags: ["smoke", "nightly"] });
    expect(r.status).toBe(200);
    const body = apiRunResponseSchema.strict().parse(r.json);
    expect(body.results.map((x) => [x.name, x.status])).toEqual([["Tagged goodbye", "pass"]]);
    expect(await run({ tags: ["vip"] })).toMatchObject({
      status: 400,
      json: { error: { fields: { tags: "No scenario has the tag vip" } } },
    });
    expect(await run({ tags: ["Not a tag"] })).toMatchObject({
      status: 400,
      json: { error: { fields: { "tags.0": "Tags are lower case letters, digits, - and _" } } },
    });
  });

  it("answers 400 with field errors for a bad body, 403 for a role that may not run, 404 for no agent", async () => {
    expect(await run({ names: ["Nope"], version: "v1", extra: 1 })).toMatchObject({
      status: 400,
      json: { error: { fields: { extra: "Unknown field", version: expect.any(String) } } },
    });
    expect(await run({ names: ["Nope"] })).toMatchObject({
      status: 400,
      json: { error: { fields: { "names.0": 'No scenario named "Nope"' } } },
    });
    expect(await run("not json")).toMatchObject({ status: 400 });
    expect((await run({}, designerKey)).status).toBe(403);
    const gone = await call(runRoute.POST, "POST", "/x", { key, params: { agentId: "agt_nope" }, body: {} });
    expect(gone.status).toBe(404);
  });
});
