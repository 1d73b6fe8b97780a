import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { FunctionsPage } from "./pages/FunctionsPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { listFlows } from "../db/repositories/flows";
import { EDITOR_WAIT_MS } from "./waits";

test("simulate beside the canvas: the current node is highlighted and the path traced", async ({
  page,
  agentId,
  db,
}) => {
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
  await page.getByRole("tab", { name: "Simulate" }).click();
  const sim = new SimulatorPage(page);
  await sim.start();
  // Waiting at the question: the listen node is the current one.
  await expect(editor.node("intent")).toHaveCSS("outline-style", "solid");
  await expect(editor.node("start")).toHaveCSS("outline-style", "dashed");

  await sim.say("I have a question about my bill");
  await expect(sim.outcome().getByTestId("handoff-destination")).toHaveText("Billing Support");
  await expect(editor.node("billing_handoff")).toHaveCSS("outline-style", "solid");
  await expect(editor.node("intent")).toHaveCSS("outline-style", "dashed");
  await expect(editor.node("tier")).toHaveCSS("outline-style", "dashed");
  // Nodes off the path are not marked.
  await expect(editor.node("front_desk")).toHaveCSS("outline-style", "none");
  await expect(page.locator('.react-flow__edge[data-id="e_intent_billing"] .react-flow__edge-path')).toHaveCSS(
    "stroke-width",
    "3px",
  );

  // The call survives a look at the inspector.
  await page.getByRole("tab", { name: "Inspector" }).click();
  await page.getByRole("tab", { name: "Simulate" }).click();
  await expect(sim.outcome()).toBeVisible();
  await expect(sim.savedNote()).toContainText("Stored as conversation");
});

test("the simulator runs what is on screen, unsaved edits included", async ({ page, agentId, db }) => {
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
  await editor.select("front_desk");
  await editor.field("Reason").fill("complaint");
  await page.getByRole("tab", { name: "Simulate" }).click();
  const sim = new SimulatorPage(page);
  await sim.start();
  await sim.say("let me speak to a person");
  await expect(sim.outcome().getByTestId("handoff-reason")).toHaveText("complaint");
});

test("an override function: badge, dimmed fields, edit it beside the canvas, lint follows", async ({
  page,
  agentId,
  db,
}) => {
  test.setTimeout(180_000);
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
  await expect(editor.node("vip").getByTestId("node-override")).toContainText("OVERRIDE route_vip");
  await editor.select("vip");
  await expect(editor.inspector.getByTestId("override-note")).toContainText("Overridden by transfer_call in route_vip");
  await expect(editor.inspector.getByTestId("node-own-fields")).toHaveAttribute("data-overridden", "true");

  await editor.inspector.getByRole("button", { name: "Edit route_vip beside the canvas" }).click();
  const panel = page.getByTestId("function-side-panel");
  await expect(panel.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor')).toBeVisible({
    timeout: EDITOR_WAIT_MS,
  });
  await new FunctionsPage(page).replaceCode("def route_vip(conv):\nreturn 'Please hold.'");
  await expect(panel.getByTestId("dirty-indicator")).toBeVisible();
  await page.keyboard.press("ControlOrMeta+s");
  await expect(panel.getByTestId("save-state")).toContainText("Saved");

  // Without a transfer the node's own fields apply again, and lint warns about the override.
  await expect(editor.node("vip").getByTestId("node-override")).not.toContainText("OVERRIDE");
  await panel.getByRole("button", { name: "Close function editor" }).click();
  await editor.select("vip");
  await expect(editor.inspector.getByTestId("override-note")).toHaveCount(0);
  await expect(editor.inspector.getByTestId("node-own-fields")).toHaveAttribute("data-overridden", "false");
  await expect(editor.problems.filter({ hasText: "never" })).toHaveCount(1);
});
