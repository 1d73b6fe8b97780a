import { test, expect } from "./fixtures";

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
