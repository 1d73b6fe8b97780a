import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, useTempDatabase } from "@/app/api/v1/_lib/testing/api";

const tmp = useTempDatabase("versions");

const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { createApiKey } = await import("@/db/repositories/api-keys");
const { insertTestMember } = await import("@/db/testing/members");
const { seedDemoAgent } = await import("@/db/seed");
const { listDestinations, updateDestination } = await import("@/db/repositories/handoffs");
const { getFlow, listFlows, saveFlow } = await import("@/db/repositories/flows");
const versionsRoute = await import("./agents/[agentId]/versions/route");
const versionRoute = await import("./agents/[agentId]/versions/[version]/route");
const promoteRoute = await import("./agents/[agentId]/versions/[version]/promote/route");
const diffRoute = await import("./agents/[agentId]/versions/[version]/diff/[other]/route");
const exportRoute = await import("./agents/[agentId]/export/route");
const agentRoute = await import("./agents/[agentId]/route");

let key: string;
let agentId: string;

beforeAll(() => {
  const db = getDb();
  agentId = listAgents(db)[0]!.id;
  key = createApiKey(db, "ci", insertTestMember(db)).secret;
});
afterAll(() => {
  getDb().$client.close();
  tmp.cleanup();
});

const base = (id = agentId) => `/api/v1/agents/${id}`;
const publish = (body?: unknown, id = agentId) =>
  call(versionsRoute.POST, "POST", `${base(id)}/versions`, { key, params: { agentId: id }, body });
const get = (handler: unknown, url: string, params: Record<string, string>) =>
  call(handler, "GET", url, { key, params: { agentId, ...params } });

function setFrontDeskRoute(id: string, route: string) {
  const db = getDb();
  const d = listDestinations(db, id).find((x) => x.name === "Front desk")!;
  const { id: _i, agentId: _a, isDefault: _d, createdAt: _c, ...rest } = d;
  updateDestination(db, id, d.id, { ...rest, route });
}

describe("versions API", () => {
  it("publishes, refuses an unchanged draft, lists, reads, compares, promotes and exports a version", async () => {
    const first = await publish({ note: "  First  " });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      number: 1,
      note: "First",
      author: "Test admin",
      created_at: expect.any(String),
      content_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      live: false,
      pre_release: false,
    });
    expect(first.headers.get("location")).toBe(`${base()}/versions/1`);

    const again = await publish();
    expect(again.status).toBe(409);
    expect(again.json.error).toEqual({ code: "nothing_changed", message: "Nothing changed since version 1" });

    setFrontDeskRoute(agentId, "sip:reception@pbx.acme.example");
    expect((await publish()).json.number).toBe(2);

    const list = await get(versionsRoute.GET, `${base()}/versions`, {});
    expect(list.json.data.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(list.json.live_version).toBeNull();

    const v1 = await get(versionRoute.GET, `${base()}/versions/1`, { version: "1" });
    expect(v1.json.document.destinations[0].route).toBe("sip:frontdesk@pbx.acme.example");

    const diff = await get(diffRoute.GET, `${base()}/versions/1/diff/2`, { version: "1", other: "2" });
    expect(diff.status).toBe(200);
    expect(diff.json).toMatchObject({
      from: "1",
      to: "2",
      identical: false,
      destinations: [
        {
          name: "Front desk",
          status: "changed",
          fields: [
            { field: "route", before: "sip:frontdesk@pbx.acme.example", after: "sip:reception@pbx.acme.example" },
          ],
        },
      ],
      flows: [],
      functions: [],
    });
    setFrontDeskRoute(agentId, "sip:third@pbx.acme.example");
    const draftDiff = await get(diffRoute.GET, `${base()}/versions/2/diff/draft`, { version: "2", other: "draft" });
    expect(draftDiff.json.to).toBe("draft");
    expect(draftDiff.json.destinations[0].fields[0].after).toBe("sip:third@pbx.acme.example");

    // One step at a time: live is refused before pre-release; a dry run moves nothing.
    const step = (body?: unknown) =>
      call(promoteRoute.POST, "POST", `${base()}/versions/1/promote`, { key, body, params: { agentId, version: "1" } });
    const early = await step({ to: "live" });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/has not been in pre-release/);
    const dry = await step({ dry_run: true });
    expect(dry.json).toMatchObject({
      number: 1,
      pre_release: false,
      promotion: { environment: "pre-release", from: null, dry_run: true },
    });
    expect((await step({ to: "pre-release", extra: 1 })).json.error.fields).toEqual({ _body: "Unknown field extra" });
    expect((await step()).json).toMatchObject({ number: 1, pre_release: true, live: false });
    const promoted = await step();
    expect(promoted.json).toMatchObject({ number: 1, live: true, promotion: { environment: "live", dry_run: false } });
    expect((await get(agentRoute.GET, base(), {})).json.live_version).toBe(1);
    const live = await get(versionRoute.GET, `${base()}/versions/live`, { version: "live" });
    expect(live.json.number).toBe(1);
    const liveDiff = await get(diffRoute.GET, `${base()}/versions/live/diff/2`, { version: "live", other: "2" });
    expect(liveDiff.json.from).toBe("1");

    const exported = await call(exportRoute.GET, "GET", `${base()}/export?version=1`, { key, params: { agentId } });
    expect(exported.json).toEqual(v1.json.document);
  });

  it("asks for force when the draft has lint errors, and lists them", async () => {
    const db = getDb();
    const id = seedDemoAgent(db);
    const flow = getFlow(db, id, listFlows(db, id)[0]!.id)!;
    saveFlow(db, id, flow.id, { nodes: flow.nodes.filter((n) => n.type !== "start"), edges: [] }, flow.revision);
    const r = await publish({ note: "broken" }, id);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe("lint_errors");
    expect(r.json.error.message).toMatch(/"force": true/);
    expect(r.json.error.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^Flow "Main line".*Start/)]));
    expect((await publish({ note: "broken", force: true }, id)).status).toBe(201);
  });

  it("answers bad input with 400 and unknown things with 404", async () => {
    expect((await publish({ note: 5 })).json.error.fields).toEqual({ note: expect.any(String) });
    expect((await publish({ notes: "x" })).json.error.fields).toEqual({ notes: "Unknown field" });
    expect((await publish([1])).status).toBe(400);
    expect((await get(versionRoute.GET, "/x", { version: "0" })).status).toBe(400);
    expect((await get(versionRoute.GET, "/x", { version: "99" })).json.error.message).toBe("No version 99");
    const bad = await get(diffRoute.GET, "/x", { version: "one", other: "draft" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(["version"]);
    expect((await get(diffRoute.GET, "/x", { version: "1", other: "42" })).status).toBe(404);
    const promote = await call(promoteRoute.POST, "POST", "/x", { key, params: { agentId, version: "live" } });
    expect(promote.status).toBe(400);
    const missing = await call(promoteRoute.POST, "POST", "/x", { key, params: { agentId, version: "42" } });
    expect(missing.status).toBe(404);
    const noLive = seedDemoAgent(getDb());
    const r = await call(versionRoute.GET, "GET", "/x", { key, params: { agentId: noLive, version: "live" } });
    expect(r.json.error.message).toBe("No version is live yet");
    expect((await call(exportRoute.GET, "GET", "/x?version=x", { key, params: { agentId } })).status).toBe(400);
    expect((await call(versionsRoute.GET, "GET", "/x", { key, params: { agentId: "agt_nope" } })).status).toBe(404);
  });
});
