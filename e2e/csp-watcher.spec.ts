import { test, expect } from "@playwright/test";
import { watchCspViolations } from "./fixtures";
import { OtherSite } from "./pages/OtherSite";

// The suite-wide CSP check (e2e/fixtures.ts) is only worth something if it can fail: a page
// under a strict policy evaluates a string in the document, in a classic blob worker and in a
// module blob worker (as Monaco starts its workers); all three must be reported.
test("the CSP watcher reports violations in the page and in blob workers", async ({ browser }) => {
  const site = await OtherSite.start();
  const worker = (type: string) =>
    `new Worker(URL.createObjectURL(new Blob(['try { new Function("") } catch {} postMessage("ran")'], { type: "text/javascript" })), { type: "${type}" })` +
    `.onmessage = () => document.body.append("${type} ran ");`;
  site.serve(`<script nonce="t">try { new Function("") } catch {}; ${worker("classic")} ${worker("module")}</script>`, {
    "content-security-policy": "script-src 'nonce-t' 'strict-dynamic'; worker-src blob:",
  });
  const context = await browser.newContext();
  try {
    const violations = await watchCspViolations(context);
    const page = await context.newPage();
    await page.goto(site.origin);
    await expect(page.locator("body")).toContainText("classic ran");
    await expect(page.locator("body")).toContainText("module ran");
    await expect.poll(() => violations.length).toBe(3);
    expect(violations.filter((v) => v.includes("in a worker: script-src blocked eval"))).toHaveLength(2);
    expect(violations.filter((v) => v.endsWith(`/: script-src blocked eval at ${site.origin}/:1 `))).toHaveLength(1);
  } finally {
    await context.close();
    await site.stop();
  }
});
