import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { FunctionsPage } from "./pages/FunctionsPage";
import { HandoffsPage } from "./pages/HandoffsPage";
import { getFlow, listFlows } from "../db/repositories/flows";

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("dialogs open with focus on their first field, or on Cancel when they have none", async ({ page, agentId }) => {
  await page.goto(`/agents/${agentId}/flows`);
  await page.getByRole("button", { name: "New flow" }).click();
  await expect(page.getByLabel("Flow name", { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");

  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.openAdd();
  await expect(handoffs.field("Name")).toBeFocused();
  await page.keyboard.press("Escape");

  const fns = new FunctionsPage(page);
  await fns.goto(agentId);
  await fns.row("route_vip").getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByTestId("delete-function-dialog");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expect(dialog.getByRole("button", { name: "Close" })).not.toBeFocused();
});

test("Listen branch fields keep visible labels when filled: examples and keywords are told apart", async ({
  page,
  agentId,
  db,
}) => {
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId).find((f) => f.name === "Main line")!.id);
  await editor.select("intent");
  const examples = editor.field("Branch 1 examples");
  const keywords = editor.field("Branch 1 keywords");
  await expect(examples).not.toHaveValue("");
  await expect(keywords).not.toHaveValue("");
  // The visible label names each field even though both are filled (no placeholder shows).
  const examplesId = (await examples.getAttribute("id"))!;
  const keywordsId = (await keywords.getAttribute("id"))!;
  await expect(page.locator(`label[for="${examplesId}"]`)).toBeVisible();
  await expect(page.locator(`label[for="${examplesId}"]`)).toContainText("Examples");
  await expect(page.locator(`label[for="${keywordsId}"]`)).toBeVisible();
  await expect(page.locator(`label[for="${keywordsId}"]`)).toContainText("Keywords");
});

test.describe("at 1024×700", () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test("the Build menu shrinks to icons, the minimap can be hidden and covers no node at fit view", async ({
    page,
    agentId,
    db,
  }) => {
    const flowId = listFlows(db, agentId).find((f) => f.name === "Main line")!.id;
    const editor = new FlowEditorPage(page);
    await editor.goto(agentId, flowId);
    const nav = page.getByTestId("build-nav");
    expect((await nav.boundingBox())!.width).toBeLessThanOrEqual(64);
    // Icons only, but every section keeps its name for screen readers and on hover.
    await expect(nav.getByRole("link", { name: "Conversation Review" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Conversation Review" })).toHaveAttribute(
      "title",
      /^Conversation Review/,
    );

    const minimap = page.locator(".react-flow__minimap");
    await expect(minimap).toBeVisible();
    await page.getByRole("button", { name: "Fit view", exact: true }).click();
    await page.waitForTimeout(500); // the fit is animated
    const mapBox = (await minimap.boundingBox())!;
    const ids = await page
      .locator(".react-flow__node")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-id")!));
    for (const box of await editor.boxes(ids)) expect(overlap(box, mapBox), "a node under the minimap").toBe(false);

    // Hiding it is a view preference: it stays hidden after a reload and is not saved in the flow.
    await page.getByRole("button", { name: "Hide minimap" }).click();
    await expect(minimap).toHaveCount(0);
    await page.reload();
    await editor.waitReady();
    await expect(page.getByRole("button", { name: "Show minimap" })).toBeVisible();
    await expect(minimap).toHaveCount(0);
    expect(JSON.stringify(getFlow(db, agentId, flowId))).not.toMatch(/minimap/i);
    await page.getByRole("button", { name: "Show minimap" }).click();
    await expect(minimap).toBeVisible();
  });

  test("the function editor beside the canvas gives the code the panel's width, and Expand the canvas's", async ({
    page,
    agentId,
    db,
  }) => {
    const editor = new FlowEditorPage(page);
    await editor.goto(agentId, listFlows(db, agentId).find((f) => f.name === "Main line")!.id);
    await editor.select("vip");
    await editor.inspector.getByRole("button", { name: "Edit route_vip beside the canvas" }).click();
    const panel = page.getByTestId("function-side-panel");
    const code = panel.getByTestId("code-editor");
    await expect(code).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    const side = (await page.getByTestId("side-panel").boundingBox())!;
    const beside = (await code.boundingBox())!;
    // The Run panel goes under the code: the code has (nearly) the panel's whole width, and room to read.
    expect(beside.width).toBeGreaterThan(side.width - 24);
    expect(beside.height).toBeGreaterThan(200);

    await panel.getByRole("button", { name: "Expand" }).click();
    await expect(page.getByTestId("side-panel")).toHaveAttribute("data-expanded", "true");
    await expect.poll(async () => (await code.boundingBox())!.width).toBeGreaterThan(beside.width + 150);
    const canvasArea = (await page.getByTestId("side-panel").boundingBox())!;
    expect(canvasArea.x).toBeLessThan(side.x - 150);
    await panel.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByTestId("side-panel")).toHaveAttribute("data-expanded", "false");
    await expect(editor.canvas).toBeVisible();
  });
});
