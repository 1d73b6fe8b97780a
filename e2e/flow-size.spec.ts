import { writeFile } from "node:fs/promises";
import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { createFlow, getFlow, listFlows } from "../db/repositories/flows";
import { exportFlow, generateLargeFlow, generateMixedFlow, MAX_NODES } from "../lib/flow";
import { DEMO_FUNCTION } from "../lib/functions/templates";
import { flowDocumentBytes, MAX_FLOW_BYTES } from "../lib/flow/size";
import { flowOverSizeLimit, flowWithLongestTexts } from "../lib/flow/sized-flows";
import type { Db } from "../db/client";

/** Big flows: everything within the limits saves and imports; a bigger flow gets a clear message. */

const OVER_LIMIT_MESSAGE = "This flow is 32.5 MB; a flow can be at most 32 MB. Remove nodes or shorten texts.";

function mainLineId(db: Db, agentId: string): string {
  const flow = listFlows(db, agentId).find((f) => f.name === "Main line");
  if (!flow) throw new Error("the demo agent has no Main line flow");
  return flow.id;
}

test("import a 5,000-node flow over 1 MB on the Flows list: it is saved and opens", async ({ page, agentId, db }) => {
  const doc = generateLargeFlow(MAX_NODES, "Five thousand");
  expect(flowDocumentBytes(doc)).toBeGreaterThan(1024 * 1024);
  await page.goto(`/agents/${agentId}/flows`);
  await page.getByLabel("Import flow file").setInputFiles({
    name: "five-thousand.flow.json",
    mimeType: "application/json",
    buffer: Buffer.from(exportFlow(doc)),
  });
  await expect(page.getByRole("status")).toHaveText("Imported Five thousand", { timeout: 30_000 });
  await expect(page.getByTestId("import-errors")).toHaveCount(0);

  await page.reload();
  const row = page.locator('[data-testid="flow-row"][data-name="Five thousand"]');
  await expect(row).toContainText(String(MAX_NODES));
  const stored = listFlows(db, agentId).find((f) => f.name === "Five thousand")!;
  expect(getFlow(db, agentId, stored.id)!.nodes).toHaveLength(MAX_NODES);
});

test("import a flow over 1 MB in the editor: autosave saves it and a reload shows it", async ({
  page,
  agentId,
  db,
}) => {
  const flowId = mainLineId(db, agentId);
  const doc = flowWithLongestTexts("a", 600);
  expect(flowDocumentBytes(doc)).toBeGreaterThan(1024 * 1024);
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flowId);
  await page.getByTestId("import-file").setInputFiles({
    name: "long-texts.flow.json",
    mimeType: "application/json",
    buffer: Buffer.from(exportFlow(doc)),
  });
  await expect(page.locator(".react-flow__node")).toHaveCount(600);
  await editor.waitSaved();
  await expect(editor.status).not.toContainText("Not saved");

  await page.reload();
  await editor.waitReady();
  await expect(page.locator(".react-flow__node")).toHaveCount(600);
  // Fitted, 600 cards are too small to read (overview: no text drawn); the inspector shows the text.
  await editor.select("n1");
  await expect(editor.field("Utterance")).toHaveValue("a".repeat(2000));
  const stored = getFlow(db, agentId, flowId)!;
  expect(stored.nodes).toHaveLength(600);
  expect((stored.nodes.find((n) => n.id === "n1")!.data as { utterance: string }).utterance).toHaveLength(2000);
});

test("a flow over 32 MB is refused with its size, in the editor and on the Flows list; nothing changes", async ({
  page,
  agentId,
  db,
}, testInfo) => {
  const over = flowOverSizeLimit();
  expect(flowDocumentBytes(over)).toBeGreaterThan(MAX_FLOW_BYTES);
  // Over Playwright's 50 MB limit for in-memory files: hand it over as a file on disk.
  const file = testInfo.outputPath("over-the-limit.flow.json");
  await writeFile(file, exportFlow(over));

  const flowId = mainLineId(db, agentId);
  const revision = getFlow(db, agentId, flowId)!.revision;
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flowId);
  const count = await page.locator(".react-flow__node").count();
  await page.getByTestId("import-file").setInputFiles(file);
  await expect(page.getByTestId("import-error-list")).toHaveText(`(file) ${OVER_LIMIT_MESSAGE}`, { timeout: 30_000 });
  await page.getByTestId("import-errors").getByRole("button", { name: "OK" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(count);
  await expect(editor.status).toHaveAttribute("data-status", "saved");
  expect(getFlow(db, agentId, flowId)!.revision).toBe(revision);

  const flows = listFlows(db, agentId).length;
  await page.goto(`/agents/${agentId}/flows`);
  await page.getByLabel("Import flow file").setInputFiles(file);
  await expect(page.getByTestId("import-errors")).toContainText(OVER_LIMIT_MESSAGE, { timeout: 30_000 });
  expect(listFlows(db, agentId)).toHaveLength(flows);
});

/** PROBLEMS_SHOWN in components/flows/problems/ProblemsList.tsx (e2e never imports components). */
const PROBLEMS_SHOWN = 100;

test("a flow with hundreds of problems lists the first 100, then all of them on request; clicking one selects its node", async ({
  page,
  agentId,
  db,
}) => {
  const created = createFlow(db, agentId, { ...generateMixedFlow(600, DEMO_FUNCTION.name), name: "Many problems" });
  if (!created.ok) throw new Error("could not create the flow");
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, created.flow.id);
  const total = Number(await page.getByTestId("problem-count").textContent());
  expect(total).toBeGreaterThan(PROBLEMS_SHOWN);
  await expect(editor.problems).toHaveCount(PROBLEMS_SHOWN);
  await page.getByRole("button", { name: `Show all ${total} problems` }).click();
  await expect(editor.problems).toHaveCount(total);
  await expect(page.getByRole("button", { name: /^Show all/ })).toHaveCount(0);

  // Zoomed out over 600 nodes the dotted grid would be a grey wash: it is not drawn, and the cards
  // draw no text (overview detail).
  const grid = page.locator(".react-flow__background");
  await expect(grid).toHaveCount(0);
  await expect(editor.canvas).toHaveAttribute("data-detail", "overview");

  const last = editor.problems.last();
  const nodeId = await last.getAttribute("data-node");
  await last.click();
  await expect(editor.node(nodeId!)).toHaveClass(/selected/);
  // The canvas zoomed to the node: the grid is legible again, and drawn, and so is the card's text.
  await expect(grid).toHaveCount(1);
  await expect(editor.canvas).toHaveAttribute("data-detail", "full");
  await expect(editor.node(nodeId!).getByTestId("node-title")).toBeVisible();
});
