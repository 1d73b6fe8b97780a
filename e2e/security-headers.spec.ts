import { test, expect } from "./fixtures";

const SHARED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

test("pages, the API and static files send the security headers, and no X-Powered-By", async ({ request, agentId }) => {
  const page = await request.get(`/agents/${agentId}/flows`);
  const api = await request.get("/api/v1/openapi.json");
  const icon = await request.get("/favicon.ico");
  for (const res of [page, api, icon]) {
    expect(res.status(), res.url()).toBe(200);
    expect(res.headers(), res.url()).toMatchObject(SHARED);
    expect(res.headers()["x-powered-by"], res.url()).toBeUndefined();
  }
  expect(icon.headers()["content-type"]).toBe("image/x-icon");

  const csp = page.headers()["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  // Next put the response's nonce on every script it rendered; none is left without one.
  const scripts = (await page.text()).match(/<script\b[^>]*>/g)!;
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
});

test("every page links an icon that loads", async ({ page, agentId }) => {
  await page.goto(`/agents/${agentId}/handoffs`);
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  expect((await page.request.get(href!)).status()).toBe(200);
});
