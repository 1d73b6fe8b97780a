import { test, expect } from "./fixtures";

test("create an agent, rename it and switch between agents", async ({ page, agentId }) => {
  await page.goto(`/agents/${agentId}/handoffs`);
  const nav = page.getByRole("navigation", { name: "Build" });
  await expect(nav.getByRole("link", { name: "Call Handoffs" })).toHaveAttribute("aria-current", "page");

  await page.getByTestId("agent-switcher").click();
  await page.getByRole("menuitem", { name: "New agent…" }).click();
  await page.getByLabel("Agent name").fill("   ");
  await page.getByRole("button", { name: "Create agent" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText("Enter a name");
  await page.getByLabel("Agent name").fill("Globex Helpdesk");
  await page.getByRole("button", { name: "Create agent" }).click();
  await expect(page.getByTestId("agent-switcher")).toHaveText(/Globex Helpdesk/);
  // A new agent opens on its first Build section, with nothing in it yet.
  await expect(page.getByRole("heading", { name: "Flows" })).toBeVisible();
  await expect(page.getByText("No flows yet.")).toBeVisible();
  await nav.getByRole("link", { name: "Call Handoffs" }).click();
  await expect(page.getByText("No destinations yet")).toBeVisible();
  const globexUrl = page.url();

  await page.getByTestId("agent-switcher").click();
  await page.getByRole("menuitem", { name: "Rename agent…" }).click();
  await page.getByLabel("Agent name").fill("Globex Support");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByTestId("agent-switcher")).toHaveText(/Globex Support/);

  await page.reload();
  await expect(page.getByTestId("agent-switcher")).toHaveText(/Globex Support/);
  await page.getByTestId("agent-switcher").click();
  await page.getByRole("menuitemradio", { name: /Acme/ }).first().click();
  await expect(page).not.toHaveURL(globexUrl);
  await expect(page).toHaveURL(/\/handoffs$/);
});
