import { test, expect } from "./fixtures";
import type { Locator, Page } from "@playwright/test";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { listFlows } from "../db/repositories/flows";

/** The element's box lies wholly inside the window and inside `within`, as it is now (nothing scrolled for it). */
async function expectFullyVisible(page: Page, element: Locator, within: Locator) {
  const box = await element.boundingBox();
  const outer = await within.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, "element has a box").not.toBeNull();
  expect(outer, "container has a box").not.toBeNull();
  const b = box!;
  const o = outer!;
  expect(b.x).toBeGreaterThanOrEqual(Math.max(0, o.x));
  expect(b.x + b.width).toBeLessThanOrEqual(Math.min(viewport.width, o.x + o.width));
  expect(b.y).toBeGreaterThanOrEqual(Math.max(0, o.y));
  expect(b.y + b.height).toBeLessThanOrEqual(Math.min(viewport.height, o.y + o.height));
}

/** The ladder's box needs no horizontal scrolling: it fits the width it was given. */
async function expectNoHorizontalScroll(ladder: Locator) {
  const { scroll, client } = await ladder.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

test.describe("at 1024×700", () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test("simulate beside the canvas: the Destination lane's INVITE is visible without scrolling", async ({
    page,
    agentId,
    db,
  }) => {
    const editor = new FlowEditorPage(page);
    await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
    await page.getByRole("tab", { name: "Simulate" }).click();
    const sim = new SimulatorPage(page);
    await sim.start();

    // Billing Support is an INVITE destination: the agent itself calls the Destination lane.
    await sim.say("I have a question about my bill");
    const trace = sim.trace();
    const invite = trace.row("INVITE", "agent", "destination");
    await expect(invite).toHaveCount(1);
    await expectNoHorizontalScroll(trace.ladder());
    await expect(trace.root.getByTestId("lane-destination")).toBeVisible();
    await expectFullyVisible(page, trace.root.getByTestId("lane-destination"), editor.sidePanel());
    await expectFullyVisible(page, invite.getByTestId("ladder-label"), editor.sidePanel());

    // The front desk is a REFER: the SBC, not the agent, calls the destination; the ladder says so.
    await page.getByRole("button", { name: "Restart" }).click();
    await sim.start();
    await sim.say("let me speak to a person");
    await expect(sim.outcome().getByTestId("handoff-destination")).toHaveText("Front desk");
    const predicted = sim.trace().predicted();
    await expect(predicted).toHaveAttribute("data-to", "destination");
    await expect(predicted).toContainText("INVITE");
    await expect(predicted).toContainText("not sent by the agent");
    await expectNoHorizontalScroll(sim.trace().ladder());
    await expectFullyVisible(page, predicted.getByTestId("ladder-predicted-label"), editor.sidePanel());
    // A view-level note only: no message of the trace itself reaches the Destination lane.
    await expect(sim.trace().root.locator('[data-testid="ladder-row"][data-to="destination"]')).toHaveCount(0);
  });

  test("the simulator page and Review show the whole ladder at 1024 px", async ({ page, agentId }) => {
    const sim = new SimulatorPage(page);
    await sim.goto(agentId);
    await sim.start();
    await sim.say("I have a question about my bill");
    const invite = sim.trace().row("INVITE", "agent", "destination");
    await expect(invite).toHaveCount(1);
    await expectNoHorizontalScroll(sim.trace().ladder());
    await expectFullyVisible(page, invite.getByTestId("ladder-label"), sim.root);

    await sim.savedNote().getByRole("link").click();
    await page.getByRole("tab", { name: "SIP trace" }).click();
    const review = page.getByTestId("trace-viewer");
    await expectNoHorizontalScroll(review.getByTestId("ladder"));
    const stored = review.locator('[data-testid="ladder-row"][data-label="INVITE"][data-to="destination"]');
    await stored.scrollIntoViewIfNeeded();
    await expectFullyVisible(page, stored.getByTestId("ladder-label"), review);
  });
});

test("the side panel resizes by dragging and from the keyboard; the width is kept across reloads, not in the flow", async ({
  page,
  agentId,
  db,
}) => {
  const flow = listFlows(db, agentId)[0]!;
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flow.id);
  await page.getByRole("tab", { name: "Simulate" }).click();
  const start = await editor.sidePanelWidth();

  await editor.dragSplitter(-120);
  await expect.poll(() => editor.sidePanelWidth()).toBeGreaterThan(start + 100);

  // Keyboard: Home is the narrowest, each → narrows and ← widens by a step.
  await editor.splitter().focus();
  await page.keyboard.press("Home");
  await expect(editor.splitter()).toHaveAttribute("aria-valuenow", "300");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
  await expect(editor.splitter()).toHaveAttribute("aria-valuenow", "364");
  await expect.poll(() => editor.sidePanelWidth()).toBe(364);

  // At 364 px the ladder still fits: no sideways scrolling, the Destination lane's INVITE inside the panel.
  const sim = new SimulatorPage(page);
  await sim.start();
  await sim.say("I have a question about my bill");
  const invite = sim.trace().row("INVITE", "agent", "destination");
  await expect(invite).toHaveCount(1);
  await expectNoHorizontalScroll(sim.trace().ladder());
  await expectFullyVisible(page, invite.getByTestId("ladder-label"), editor.sidePanel());
  // Truncated labels keep their full text on hover (title) and on click (above the raw message).
  const notify = sim.trace().root.locator('[data-testid="ladder-row"][data-label^="NOTIFY"]').first();
  if ((await notify.count()) > 0) await expect(notify).toHaveAttribute("title", /NOTIFY/);
  await invite.click();
  await expect(sim.trace().root.getByTestId("raw-message-label")).toContainText("INVITE · Agent → Destination");

  await page.reload();
  await editor.waitReady();
  await page.getByRole("tab", { name: "Simulate" }).click();
  await expect.poll(() => editor.sidePanelWidth()).toBe(364);
  // A view preference: the stored flow did not change.
  expect(listFlows(db, agentId)[0]!.revision).toBe(flow.revision);
});
