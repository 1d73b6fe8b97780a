import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, useTempDatabase } from "@/app/api/v1/_lib/testing/api";

const tmp = useTempDatabase("api-validate");

const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { createApiKey } = await import("@/db/repositories/api-keys");
const { createFunction } = await import("@/db/repositories/functions");
const { insertTestMember } = await import("@/db/testing/members");
const { serverPythonPool } = await import("@/telephony/python-pool");
const validateRoute = await import("./agents/[agentId]/validate/route");

let key: string;
let agentId: string;

beforeAll(() => {
  const db = getDb();
  agentId = listAgents(db)[0]!.id;
  key = createApiKey(db, "tests", insertTestMember(db)).secret;
});
afterAll(() => {
  serverPythonPool().dispose();
  getDb().$client.close();
  tmp.cleanup();
});

const validate = (query = "") =>
  call(validateRoute.GET, "GET", `/api/v1/agents/${agentId}/validate${query}`, { key, params: { agentId } });

describe("GET /api/v1/agents/{agentId}/validate", { timeout: 120_000 }, () => {
  it("answers the same report as cli validate: ok, then a Python syntax error by function and line", async () => {
    const ok = await validate();
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ ok: true, checked: { flows: 1, destinations: 3, scenarios: 3 } });
    const created = createFunction(getDb(), agentId, {
      name: "broken",
      description: "",
      code: "def broken(:\n  pass\n",
    });
    expect(created.ok).toBe(true);
    const bad = await validate();
    expect(bad.json.ok).toBe(false);
    expect(bad.json.problems).toContainEqual(
      expect.objectContaining({ area: "function", severity: "error", where: "Function broken, line 1" }),
    );
    expect((await validate("?version=nine")).status).toBe(400);
    expect((await validate("?version=live")).status).toBe(404);
  });
});
