import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { createFlow, listFlows } from "../db/repositories/flows";
import { generateMixedFlow } from "../lib/flow";
import { DEMO_FUNCTION } from "../lib/functions/templates";
import type { Page } from "@playwright/test";

/**
 * Overview detail (lib/flow/detail.ts): zoomed out so far that card text cannot be read, cards
 * draw their frame only, and every edge keeps its ends.
 */

/** Every number in every edge's path, in the flow's own coordinates (the viewport's transform is outside them). */
async function edgePathNumbers(page: Page): Promise<number[][]> {
  return page
    .locator(".react-flow__edge-path")
    .evaluateAll((paths) => paths.map((p) => (p.getAttribute("d") ?? "").match(/-?\d+(\.\d+)?/g)?.map(Number) ?? []));
}

function expectSamePaths(after: number[][], before: number[][]) {
  expect(after).toHaveLength(before.length);
  after.forEach((numbers, i) => {
    expect(numbers).toHaveLength(before[i]!.length);
    numbers.forEach((n, j) => expect(Math.abs(n - before[i]![j]!)).toBeLessThan(1));
  });
}

test("zoomed far out, cards show only their kind and problems; edges stay put and text returns on zooming in", async ({
  page,
  agentId,
  db,
}) => {
  const flow = listFlows(db, agentId).find((f) => f.name === "Main line")!;
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flow.id);
  await expect(editor.canvas).toHaveAttribute("data-detail", "full");
  const cards = page.getByTestId("flow-node");
  const count = await cards.count();
  await expect(page.getByTestId("node-title")).toHaveCount(count);
  const startId = (await page.locator('.react-flow__node:has([data-kind="start"])').getAttribute("data-id"))!;
  const start = editor.node(startId);
  const startTitle = (await start.getByTestId("node-title").textContent())!;
  const before = await edgePathNumbers(page);
  expect(before.length).toBeGreaterThan(0);

  const zoomOut = page.getByRole("button", { name: "Zoom Out" });
  await expect(async () => {
    await zoomOut.click();
    await expect(editor.canvas).toHaveAttribute("data-detail", "overview", { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  expect(await editor.zoom()).toBeLessThan(0.3);
  await expect(page.getByTestId("node-title")).toHaveCount(0);
  await expect(page.locator('[data-testid="flow-node"][data-detail="overview"]')).toHaveCount(count);
  // The node's title on hover; the frame keeps the problem colour (a red or amber ring).
  await expect(start.getByTestId("flow-node")).toHaveAttribute("title", startTitle);
  await expect(editor.edges()).toHaveCount(before.length);
  expectSamePaths(await edgePathNumbers(page), before);

  // An overview card is still a node: click it and the inspector edits it; drag it and it moves,
  // its edges with it.
  await start.getByTestId("flow-node").click();
  await expect(start).toHaveClass(/selected/);
  expect(await editor.selectedNodeId()).toBe(startId);
  await expect(editor.inspector).toBeVisible();
  const flowPosition = async () => {
    const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(
      await start.evaluate((el) => (el as HTMLElement).style.transform),
    );
    return { x: Number(m![1]), y: Number(m![2]) };
  };
  const from = await flowPosition();
  const box = (await start.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 30, { steps: 5 });
  await page.mouse.up();
  const to = await flowPosition();
  expect(to.x).toBeGreaterThan(from.x);
  expect(to.y).toBeGreaterThan(from.y);
  const dragged = await edgePathNumbers(page);
  expect(dragged.some((numbers, i) => numbers.some((n, j) => Math.abs(n - before[i]![j]!) >= 1))).toBe(true);
  // One undo puts it back exactly.
  await page.keyboard.press("Control+z");
  await expect.poll(flowPosition).toEqual(from);

  const zoomIn = page.getByRole("button", { name: "Zoom In" });
  await expect(async () => {
    await zoomIn.click();
    await expect(editor.canvas).toHaveAttribute("data-detail", "full", { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("node-title")).toHaveCount(count);
  await expect(start.getByTestId("node-title")).toHaveText(startTitle);
  expectSamePaths(await edgePathNumbers(page), before);
});

test("a flow too big for any screen opens in overview, from the server's first page on, with every edge drawn", async ({
  page,
  agentId,
  db,
}) => {
  const created = createFlow(db, agentId, { ...generateMixedFlow(700, DEMO_FUNCTION.name), name: "Seven hundred" });
  if (!created.ok) throw new Error("could not create the flow");
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  // The server draws overview cards: the browser takes the page over without redrawing 700 cards.
  const html = await (await page.request.get(`/agents/${agentId}/flows/${created.flow.id}`)).text();
  expect(html).toContain('data-detail="overview"');
  expect(html).not.toContain('data-testid="node-title"');

  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, created.flow.id);
  await expect(page.locator(".react-flow__node")).toHaveCount(700);
  await expect(editor.canvas).toHaveAttribute("data-detail", "overview");
  await expect(editor.edges()).toHaveCount(created.flow.edges.length);
  await expect(page.locator(".react-flow__edge-path")).toHaveCount(created.flow.edges.length);
  // Cards with errors keep their red ring in overview.
  await expect(page.locator('[data-testid="flow-node"][data-detail="overview"].sb-error').first()).toBeVisible();
  expect(errors).toEqual([]);
});
