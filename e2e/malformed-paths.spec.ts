import { test, expect } from "./fixtures";
import { getFlow, listFlows } from "../db/repositories/flows";

// Paths whose percent-escapes are not UTF-8 used to reach Next's router and come back as 500s.
for (const path of ["/api/v1/agents/%E0%A4%A", "/api/v1/nope/%E0%A4%A", "/api/v1/conversations/%FF"]) {
  test(`${path} is a 400 with a JSON error`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "invalid_request", message: "The request path is not valid percent-encoded UTF-8" },
    });
  });
}

test("a malformed page path is a 400, and ordinary pages still load", async ({ request, agentId }) => {
  expect((await request.get("/agents/%E0%A4%A/handoffs")).status()).toBe(400);
  expect((await request.get(`/agents/${agentId}/handoffs`)).status()).toBe(200);
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
});

// TRACE used to be a 500 on every path (fetch's Request refuses it); unsupported API methods were
// an empty 405 or 400.
test("TRACE is a 405 on every path; an API path answers a method it does not take with a JSON 405 and Allow", async ({
  request,
  agentId,
}) => {
  for (const path of ["/", `/agents/${agentId}/handoffs`, "/api/v1/agents", "/api/v1/nope", "/api/v1/openapi.json"]) {
    const res = await request.fetch(path, { method: "TRACE", maxRedirects: 0 });
    expect(res.status(), path).toBe(405);
    expect(res.headers().allow, path).toBeTruthy();
  }
  const trace = await request.fetch("/api/v1/agents", { method: "TRACE" });
  expect(trace.headers().allow).toBe("GET, HEAD, OPTIONS");
  expect((await trace.json()).error.code).toBe("method_not_allowed");

  for (const [method, path, allow] of [
    ["DELETE", "/api/v1/agents", "GET, HEAD, OPTIONS"],
    ["POST", "/api/v1/openapi.json", "GET, HEAD, OPTIONS"],
    ["GET", "/api/v1/agents/import", "OPTIONS, POST"],
    ["PROPFIND", `/api/v1/agents/${agentId}/handoffs`, "GET, HEAD, OPTIONS, POST"],
    ["PROPFIND", "/api/v1/nope", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"],
  ]) {
    const res = await request.fetch(path!, { method: method! });
    expect(res.status(), `${method} ${path}`).toBe(405);
    expect(res.headers().allow, `${method} ${path}`).toBe(allow);
    expect(await res.json()).toMatchObject({ error: { code: "method_not_allowed" } });
  }
  // What a path takes still works, and unknown paths are still a JSON 404.
  expect((await request.fetch("/api/v1/openapi.json", { method: "HEAD" })).status()).toBe(200);
  expect((await request.fetch("/api/v1/agents", { method: "OPTIONS" })).status()).toBe(204);
  expect((await request.fetch("/api/v1/nope", { method: "DELETE" })).status()).toBe(404);
});

test("the benchmark's bare canvas: a stored flow it cannot find is a 404; one it can shows every node", async ({
  page,
  request,
  agentId,
  db,
}) => {
  expect((await request.get("/bench/canvas?agent=agt_nope&flow=flow_nope")).status()).toBe(404);
  expect((await request.get(`/bench/canvas?agent=${agentId}`)).status()).toBe(404);
  const flow = listFlows(db, agentId)[0]!;
  await page.goto(`/bench/canvas?agent=${agentId}&flow=${flow.id}&w=800&h=600`);
  await expect(page.locator(".react-flow__node")).toHaveCount(getFlow(db, agentId, flow.id)!.nodes.length);
});
