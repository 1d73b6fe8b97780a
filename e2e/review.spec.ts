import { test, expect } from "./fixtures";
import { SimulatorPage } from "./pages/SimulatorPage";
import { ReviewConversationPage, ReviewListPage } from "./pages/ReviewPage";
import { insertConversation } from "../db/repositories/conversations";
import { sampleConversation } from "../lib/conversations/samples";
import { PYTHON_WAIT_MS } from "./waits";

/** Runs one call in the Simulator and returns the stored conversation's id. */
async function simulate(sim: SimulatorPage, agentId: string, says: string, variables: Record<string, string> = {}) {
  await sim.goto(agentId);
  for (const [name, value] of Object.entries(variables)) await sim.variable(name).fill(value);
  await sim.start();
  await sim.say(says);
  // A call through a Python function waits for Pyodide's first start.
  await expect(sim.outcome()).toBeVisible({ timeout: PYTHON_WAIT_MS });
  await expect(sim.savedNote()).toContainText("Stored as conversation", { timeout: 15_000 });
  return (await sim.savedNote().textContent())!.replace("Stored as conversation ", "").trim();
}

test("filter by reason in the URL, open the billing call: details, path and the SIP ladder", async ({
  page,
  agentId,
}) => {
  const sim = new SimulatorPage(page);
  const billing = await simulate(sim, agentId, "I have a question about my bill", { customer_id: "cust-42" });
  const frontDesk = await simulate(sim, agentId, "can I speak to a person");

  const review = new ReviewListPage(page);
  await review.openFromBuildMenu();
  await expect(page).toHaveURL(new RegExp(`/agents/${agentId}/conversations$`));
  await expect(review.rows()).toHaveCount(2);
  await expect.poll(() => review.rowIds()).toEqual([frontDesk, billing]);
  await expect(review.row(frontDesk).getByTestId("row-reason")).toHaveText("needs_human");
  await expect(review.row(frontDesk).getByTestId("row-destination")).toContainText("Front desk");

  await review.filter("Reason").fill("billing");
  await review.apply();
  await expect(page).toHaveURL(new RegExp(`/conversations\\?reason=billing$`));
  await expect(review.rows()).toHaveCount(1);
  await expect(review.row(billing).getByTestId("row-destination")).toContainText("Billing Support");
  await expect(review.row(billing).getByTestId("row-source")).toHaveText("builtin");

  // The filter lives in the URL: a reload shows the same list and the same form.
  await page.reload();
  await expect(review.filter("Reason")).toHaveValue("billing");
  await expect(review.rows()).toHaveCount(1);
  await expect(review.row(billing)).toBeVisible();

  await review.row(billing).getByRole("link").click();
  const conv = new ReviewConversationPage(page);
  await expect(conv.root).toHaveAttribute("data-id", billing);
  await expect(conv.tab("Details")).toHaveAttribute("aria-selected", "true");
  await expect(conv.detail("reason")).toHaveText("billing");
  await expect(conv.detail("utterance")).toContainText("Let me connect you to our billing team");
  await expect(conv.detail("destination")).toHaveText("Billing Support");
  await expect(conv.detail("method")).toContainText("SIP INVITE");
  await expect(conv.detail("route")).toHaveText("sip:billing@pbx.acme.example");
  await expect(conv.detail("sip-headers")).toContainText("X-Customer-ID: cust-42");
  await expect(conv.detail("source")).toHaveText("builtin");
  // Nodes are named by their titles (as they were when the call ran); ids only on hover.
  await expect(conv.detail("node")).toHaveText("Handoff: Billing Support");
  await expect(conv.detail("node")).toHaveAttribute("title", "billing_handoff");
  await expect
    .poll(() => conv.pathNodes().allTextContents())
    .toEqual(["Start", "What does the caller need?", "Gold customer?", "Handoff: Billing Support"]);
  await expect(conv.pathNodes().nth(1)).toHaveAttribute("title", "Node intent");
  await expect(conv.turns().filter({ hasText: "I have a question about my bill" })).toHaveAttribute(
    "data-role",
    "caller",
  );
  await expect(conv.turns().first().getByTestId("turn-node")).toHaveText("Start");
  await expect(conv.turns().first().getByTestId("turn-node")).toHaveAttribute("title", "Node start");

  await conv.openTab("SIP trace");
  const trace = conv.trace();
  await expect(trace.rows().first()).toBeVisible();
  const labels = await trace.labels();
  const invite = labels.indexOf("INVITE", 1);
  expect(invite).toBeGreaterThan(0);
  await trace.rows().nth(invite).click();
  await expect(trace.raw()).toContainText("INVITE sip:billing@pbx.acme.example SIP/2.0");
  await expect(trace.raw()).toContainText("X-Handoff-Reason: billing");
});

test("the metadata tabs are keyboard tabs; a gold call shows route_vip's metric and the logs", async ({
  page,
  agentId,
  context,
}) => {
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const sim = new SimulatorPage(page);
  const gold = await simulate(sim, agentId, "billing question", { tier: "gold" });

  const review = new ReviewListPage(page);
  await review.goto(agentId, "?source=transfer_call");
  await expect(review.rows()).toHaveCount(1);
  await review.row(gold).getByRole("link").click();
  const conv = new ReviewConversationPage(page);
  await expect(conv.detail("source")).toHaveText("transfer_call");
  await expect(conv.detail("function")).toHaveText("route_vip");
  await expect(conv.detail("route")).toHaveText("sip:vip@pbx.acme.example");
  await expect(conv.detail("sip-headers")).toContainText("X-Tier: gold");

  // Copy puts the value on the clipboard.
  await conv.root.getByRole("button", { name: "Copy Route" }).click();
  await expect(conv.root.getByRole("button", { name: "Copy Route" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("sip:vip@pbx.acme.example");

  // Arrow keys move between tabs (wrapping), Home/End jump; focus follows the selection.
  await conv.tab("Details").focus();
  await page.keyboard.press("ArrowRight");
  await expect(conv.tab(/^Metrics/)).toHaveAttribute("aria-selected", "true");
  await expect(conv.tab(/^Metrics/)).toBeFocused();
  await expect(conv.panel().getByTestId("metric-row")).toHaveCount(1);
  await expect(conv.panel().getByTestId("metric-row")).toContainText("vip_transfers");
  await expect(conv.panel().getByTestId("metric-row")).toContainText("1");
  await page.keyboard.press("End");
  await expect(conv.tab(/^Logs/)).toBeFocused();
  await expect(conv.panel().getByTestId("log-line").first()).toBeVisible();
  // The branch by its label, not its id; the node by its title.
  await expect(conv.panel()).toContainText('Matched "Billing" by keyword');
  await expect(conv.panel().getByTestId("log-node").first()).toHaveText("node=What does the caller need?");
  await page.keyboard.press("ArrowRight");
  await expect(conv.tab("Details")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft");
  await expect(conv.tab(/^Logs/)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(conv.tab("Details")).toBeFocused();
  await expect(conv.root.getByRole("tabpanel")).toHaveCount(1); // hidden panels are not exposed
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(conv.tab("SIP trace")).toHaveAttribute("aria-selected", "true");
  await expect(conv.trace().rows().first()).toBeVisible();
});

test("120 conversations page by keyset: Older then Newer, no duplicates or skips, filters kept", async ({
  page,
  agentId,
  db,
}) => {
  const t0 = Date.parse("2025-05-01T09:00:00.000Z");
  // Triples share a start time so the id breaks ties.
  const stored = Array.from({ length: 120 }, (_, n) => ({
    ...sampleConversation(agentId, n, new Date(t0 + Math.floor(n / 3) * 60_000)),
    id: `conv_p${String(n).padStart(3, "0")}`,
  }));
  for (const c of stored) expect(insertConversation(db, c).ok).toBe(true);
  // The order Review promises, computed here rather than by the product's own list function:
  // newest first, and within one instant the larger id first.
  const newestFirst = (rows: typeof stored) =>
    [...rows].sort((a, b) => b.started_at.localeCompare(a.started_at) || b.id.localeCompare(a.id)).map((c) => c.id);
  const expected = newestFirst(stored);
  expect(expected).toHaveLength(120);

  const review = new ReviewListPage(page);
  await review.goto(agentId);
  const pages: string[][] = [await review.rowIds()];
  await expect(review.pageLink("Older →")).toBeVisible();
  await expect(review.pages.getByText("← Newer")).toHaveAttribute("aria-disabled", "true");

  // A call stored while paging does not shift the pages below.
  expect(
    insertConversation(db, { ...sampleConversation(agentId, 999, new Date(t0 + 86_400_000)), id: "conv_late" }).ok,
  ).toBe(true);
  while (await review.pageLink("Older →").count()) {
    await review.goToPage("Older →");
    expect(page.url()).toContain("cursor=");
    pages.push(await review.rowIds());
  }
  expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
  expect(pages.flat()).toEqual(expected);

  await review.goToPage("← Newer");
  await expect.poll(() => review.rowIds()).toEqual(pages[1]);
  await review.goToPage("← Newer");
  await expect.poll(() => review.rowIds()).toEqual(pages[0]);
  // Above it now sits the call stored meanwhile: at the top, Newer shows the newest page.
  await review.goToPage("← Newer");
  await expect.poll(() => review.rowIds()).toEqual(["conv_late", ...expected.slice(0, 49)]);
  await expect(review.pages.getByText("← Newer")).toHaveAttribute("aria-disabled", "true");

  // Filters and a page size travel with the page links.
  await review.goto(agentId, "?outcome=hangup&limit=10");
  const hangups = newestFirst(stored.filter((c) => c.outcome === "hangup"));
  expect(hangups.length).toBeGreaterThan(10);
  const seen = [...(await review.rowIds())];
  while (await review.pageLink("Older →").count()) {
    await review.goToPage("Older →");
    await expect(page).toHaveURL(/outcome=hangup&limit=10&cursor=/);
    seen.push(...(await review.rowIds()));
  }
  expect(seen).toEqual(hangups);
  await expect(review.filter("Outcome")).toHaveValue("hangup");
});

test("empty state, invalid filters shown inline, unknown conversation is a 404", async ({ page, agentId }) => {
  const review = new ReviewListPage(page);
  await review.goto(agentId);
  await expect(page.getByTestId("review-empty")).toBeVisible();

  await review.goto(agentId, "?outcome=maybe&from=yesterday&colour=red");
  const alert = page.getByTestId("invalid-filters");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("outcome");
  await expect(alert).toContainText("from");
  await expect(alert).toContainText("colour: Unknown parameter");
  await expect(review.table).toHaveCount(0);
  await expect(review.filters.getByTestId("field-error")).toHaveCount(2);
  await page.getByRole("link", { name: "clear the filters" }).click();
  await expect(page.getByTestId("review-empty")).toBeVisible();

  await page.getByRole("link", { name: "Run a call in the Simulator" }).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${agentId}/simulator$`));

  const response = await page.goto(`/agents/${agentId}/conversations/conv_does_not_exist`);
  expect(response?.status()).toBe(404);
});
