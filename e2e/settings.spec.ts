import { test, expect } from "./fixtures";
import { SettingsPage } from "./pages/SettingsPage";

test("create an API key in Settings, call the API with it, revoke it, and it stops working", async ({
  page,
  request,
  agentId,
}, testInfo) => {
  const settings = new SettingsPage(page);
  await settings.goto(agentId);
  const name = `CI ${testInfo.testId.slice(0, 6)}`;

  const key = await settings.createKey(name);
  expect(key).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
  const row = settings.row(name);
  await expect(row.getByTestId("key-status")).toHaveText("Active");
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row.getByTestId("last-used")).toHaveText("Never");
  // The full key appears nowhere but the one-time panel.
  await expect(page.getByTestId("api-key-table")).not.toContainText(key);

  const url = `/api/v1/agents/${agentId}/handoffs`;
  const ok = await request.get(url, { headers: { Authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { data: { name: string; is_default: boolean }[] };
  expect(body.data.map((d) => d.name)).toEqual(["Front desk", "Billing Support", "Hand back to IVR"]);
  expect(body.data[0]!.is_default).toBe(true);

  // Shown once: after a reload only the prefix remains, and the key's last use is recorded.
  await page.reload();
  await expect(settings.newKey).toHaveCount(0);
  await expect(settings.row(name).getByTestId("last-used")).toContainText("UTC");

  await settings.revoke(name);
  await expect(settings.row(name).getByTestId("key-status")).toHaveText("Revoked");
  await expect(settings.row(name).getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const refused = await request.get(url, { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
});

test("a key needs a name; the API refuses requests without a key", async ({ page, request, agentId }) => {
  const settings = new SettingsPage(page);
  await settings.goto(agentId);
  await page.getByLabel("Key name").fill("   ");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("field-error")).toHaveText("Enter a name");
  await expect(page.getByLabel("Key name")).toHaveAttribute("aria-invalid", "true");
  await expect(settings.newKey).toHaveCount(0);

  const r = await request.get(`/api/v1/agents/${agentId}`);
  expect(r.status()).toBe(401);
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
});
