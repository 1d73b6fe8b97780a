import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, useTempDatabase, type Handler } from "@/app/api/v1/_lib/testing/api";

const tmp = useTempDatabase("api-handoffs-yaml");

const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { createApiKey } = await import("@/db/repositories/api-keys");
const { listAudit } = await import("@/db/repositories/audit");
const { insertTestMember } = await import("@/db/testing/members");
const exportRoute = await import("./agents/[agentId]/handoffs/export/route");
const importRoute = await import("./agents/[agentId]/handoffs/import/route");

const AUDIT = { filters: {}, before: null, limit: 100 };
let key: string;
let agentId: string;

beforeAll(() => {
  const db = getDb();
  agentId = listAgents(db)[0]!.id;
  key = createApiKey(db, "tests", insertTestMember(db)).secret;
});
afterAll(() => {
  getDb().$client.close();
  tmp.cleanup();
});

const base = "/api/v1/agents";

async function exported(): Promise<{ status: number; type: string | null; text: string }> {
  const res = await (exportRoute.GET as unknown as Handler)(
    new Request(new URL(`${base}/${agentId}/handoffs/export`, "http://localhost"), {
      headers: { authorization: `Bearer ${key}` },
    }),
    { params: Promise.resolve({ agentId }) },
  );
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

const post = (body: unknown) =>
  call(importRoute.POST, "POST", `${base}/${agentId}/handoffs/import`, { key, body, params: { agentId } });

describe("handoffs.yaml over the API", () => {
  it("exports YAML; a file with an error is a 400 with the problem under its path and changes nothing", async () => {
    const first = await exported();
    expect(first.status).toBe(200);
    expect(first.type).toBe("application/yaml; charset=utf-8");
    expect(first.text).toMatch(/^handoffs:\n/);
    const auditBefore = listAudit(getDb(), AUDIT).entries.length;

    const bad = await post({ yaml: first.text.replace("method: bye", "method: hangup") });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_request");
    expect(bad.json.error.fields).toEqual({
      "handoffs[2].sip_config.method": 'Expected one of refer, invite, bye, found string "hangup"',
    });
    const shape = await post({ yaml: 42, replace: "yes", extra: 1 });
    expect(shape.status).toBe(400);
    expect(Object.keys(shape.json.error.fields).sort()).toEqual(["_body", "replace", "yaml"]);
    expect((await exported()).text).toBe(first.text);
    expect(listAudit(getDb(), AUDIT).entries.length).toBe(auditBefore);

    const added = `${first.text}  - name: Sales\n    sip_config:\n      method: invite\n      phone_number: "+14155550123"\n      outbound_encryption: TLS/SRTP\n`;
    const ok = await post({ yaml: added });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ added: 1, changed: 0, deleted: 0 });
    expect(listAudit(getDb(), AUDIT).entries[0]).toMatchObject({ action: "destination.created", targetName: "Sales" });
    const replaced = await post({ yaml: first.text, replace: true });
    expect(replaced.json).toEqual({ added: 0, changed: 0, deleted: 1 });
    expect((await exported()).text).toBe(first.text);
  });
});
