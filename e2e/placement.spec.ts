import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { createFlow } from "../db/repositories/flows";
import { generateLargeFlow } from "../lib/flow";

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expectApart(boxes: Box[]) {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(overlap(boxes[i]!, boxes[j]!), `nodes ${i} and ${j} overlap`).toBe(false);
}

test("palette clicks place nodes side by side near the middle, and below the selected node, connected", async ({
  page,
  agentId,
  db,
}) => {
  const created = createFlow(db, agentId, {
    name: "Clicks",
    nodes: [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "Hi" } }],
    edges: [],
  });
  if (!created.ok) throw new Error("could not create the flow");
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, created.flow.id);

  // Nothing selected: four clicks, four nodes in free spots, none hidden under another, each one
  // on screen when it is added.
  const loose: string[] = [];
  const canvas = (await editor.canvas.boundingBox())!;
  for (let i = 0; i < 4; i++) {
    await editor.clickEmptyCanvas();
    const id = await editor.clickPalette("say");
    loose.push(id);
    await expect
      .poll(async () => {
        const b = (await editor.node(id).boundingBox())!;
        return (
          b.x >= canvas.x &&
          b.y >= canvas.y &&
          b.x + b.width <= canvas.x + canvas.width &&
          b.y + b.height <= canvas.y + canvas.height
        );
      })
      .toBe(true);
  }
  await expect(editor.edges()).toHaveCount(0);
  expectApart(await editor.boxes(["start", ...loose]));

  // With Start selected, a click adds the node under it and wires Start's free "next" to it;
  // the new node is selected, so the next click continues the chain.
  await editor.select("start");
  const first = await editor.clickPalette("listen");
  const second = await editor.clickPalette("end");
  await expect(editor.edges()).toHaveCount(2);
  await expect(page.locator(`.react-flow__edge[data-id]`)).toHaveCount(2);
  const [startBox, firstBox, secondBox] = await editor.boxes(["start", first, second]);
  expect(firstBox!.y).toBeGreaterThan(startBox!.y + startBox!.height);
  expect(secondBox!.y).toBeGreaterThan(firstBox!.y + firstBox!.height);
  expectApart(await editor.boxes(["start", ...loose, first, second]));

  // One undo removes the node and its edge together.
  await page.keyboard.press("Control+z");
  await expect(editor.node(second)).toHaveCount(0);
  await expect(editor.edges()).toHaveCount(1);
});

test("auto-layout keeps node text readable: a big flow is shown from its start at a legible zoom", async ({
  page,
  agentId,
  db,
}) => {
  const created = createFlow(db, agentId, generateLargeFlow(80, "Eighty"));
  if (!created.ok) throw new Error("could not create the flow");
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, created.flow.id);
  await page.getByRole("button", { name: "Auto-layout" }).click();
  await expect.poll(() => editor.zoom()).toBeGreaterThanOrEqual(0.6);
  // The animation settles on the start node, at the top of the view.
  await expect
    .poll(async () => {
      const start = (await editor.node("n0").boundingBox())!;
      const canvas = (await editor.canvas.boundingBox())!;
      return start.y >= canvas.y && start.y + start.height <= canvas.y + canvas.height / 2;
    })
    .toBe(true);
  const start = (await editor.node("n0").boundingBox())!;
  const canvas = (await editor.canvas.boundingBox())!;
  expect(Math.abs(start.x + start.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(4);
  // Fit view still shows everything when asked.
  await page.getByRole("button", { name: "Fit view", exact: true }).click();
  await expect.poll(() => editor.zoom()).toBeLessThan(0.6);
});
