import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, useTempDatabase } from "@/app/api/v1/_lib/testing/api";

const tmp = useTempDatabase("agent-documents");

const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { createApiKey } = await import("@/db/repositories/api-keys");
const { listDestinations } = await import("@/db/repositories/handoffs");
const { getVersion, listVersions } = await import("@/db/repositories/versions");
const { insertTestMember } = await import("@/db/testing/members");
const exportRoute = await import("./agents/[agentId]/export/route");
const importRoute = await import("./agents/import/route");

let key: string;
let demoId: string;

beforeAll(() => {
  const db = getDb();
  demoId = listAgents(db)[0]!.id;
  key = createApiKey(db, "tests", insertTestMember(db)).secret;
});
afterAll(() => {
  getDb().$client.close();
  tmp.cleanup();
});

async function exportText(agentId: string): Promise<string> {
  const res = await (exportRoute.GET as (r: Request, c: unknown) => Promise<Response>)(
    new Request(`http://localhost/api/v1/agents/${agentId}/export`, { headers: { authorization: `Bearer ${key}` } }),
    { params: Promise.resolve({ agentId }) },
  );
  expect(res.status).toBe(200);
  return res.text();
}

const importDoc = (body: unknown, query = "") =>
  call(importRoute.POST, "POST", `/api/v1/agents/import${query}`, { key, body });

describe("agent export and import", () => {
  it("export → import → export is byte-identical", async () => {
    const first = await exportText(demoId);
    const r = await importDoc(first);
    expect(r.status).toBe(201);
    expect(r.headers.get("location")).toBe(`/api/v1/agents/${r.json.id}`);
    expect(r.json).toMatchObject({ name: "Acme Support" });
    expect(r.json.id).not.toBe(demoId);
    expect(await exportText(r.json.id)).toBe(first);
  });

  it("imports into an existing agent's draft with ?into=", async () => {
    const doc = JSON.parse(await exportText(demoId));
    const target = (await importDoc(doc)).json.id as string;
    doc.destinations[0].route = "sip:reception@pbx.acme.example";
    const r = await importDoc(doc, `?into=${target}`);
    expect(r.status).toBe(200);
    expect(r.json.id).toBe(target);
    expect(listDestinations(getDb(), target)[0]!.route).toBe("sip:reception@pbx.acme.example");
    // The draft it replaced is kept as a version, so it can be restored.
    expect(listVersions(getDb(), target).map((v) => v.note)).toEqual(["Before importing a document sent to the API"]);
    expect(getVersion(getDb(), target, 1)!.document.destinations[0]!.route).toBe("sip:frontdesk@pbx.acme.example");
    // Importing the same again changes nothing, and saves no second copy.
    expect((await importDoc(doc, `?into=${target}`)).status).toBe(200);
    expect(listVersions(getDb(), target)).toHaveLength(1);
  });

  it("refuses an invalid document with every problem under its path, and changes nothing", async () => {
    const before = await exportText(demoId);
    const doc = JSON.parse(before);
    doc.destinations[1].sip_headers[0].value = "x\r\nVia: evil";
    doc.functions[0].name = "not a name";
    const agents = listAgents(getDb()).length;
    const r = await importDoc(doc, `?into=${demoId}`);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_request");
    expect(Object.keys(r.json.error.fields)).toEqual(
      expect.arrayContaining(["destinations.1.sip_headers.0.value", "functions.0.name"]),
    );
    expect(await exportText(demoId)).toBe(before);
    expect((await importDoc(doc)).status).toBe(400);
    expect(listAgents(getDb())).toHaveLength(agents);
  });

  it("answers a flow export, a non-object, unknown parameters and unknown agents clearly", async () => {
    const flow = await importDoc({ format: "switchboard.flow", version: 1, name: "x", nodes: [], edges: [] });
    expect(flow.status).toBe(400);
    expect(flow.json.error.fields.format).toMatch(/flow export/);
    expect((await importDoc([1, 2])).json.error.fields._body).toMatch(/JSON object/);
    expect((await importDoc("{nope")).json.error.code).toBe("invalid_json");
    expect((await importDoc({}, "?as=new")).json.error.fields).toEqual({ as: "Unknown parameter" });
    expect((await importDoc({}, "?into=agt_nope")).status).toBe(404);
  });
});
