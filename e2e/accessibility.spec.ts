import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { HandoffsPage } from "./pages/HandoffsPage";
import { insertConversation } from "../db/repositories/conversations";
import { createFlow, listFlows } from "../db/repositories/flows";
import { findFunctionByName } from "../db/repositories/functions";
import { sampleConversation } from "../lib/conversations/samples";

/** axe-core's WCAG 2.1 A and AA rules; serious and critical findings fail the test. */
async function seriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("every page passes axe-core without serious or critical violations", async ({ page, agentId, db }) => {
  test.setTimeout(240_000);
  const flowId = listFlows(db, agentId).find((f) => f.name === "Main line")!.id;
  const fnId = findFunctionByName(db, agentId, "route_vip")!.id;
  const stored = insertConversation(db, {
    ...sampleConversation(agentId, 1, new Date("2026-01-02T10:00:00Z")),
    id: `conv_a11y_${agentId.slice(-6)}`,
  });
  if (!stored.ok) throw new Error("could not store a conversation");
  const pages: [string, string, () => Promise<unknown>][] = [
    ["agents", "/", () => expect(page.getByRole("heading").first()).toBeVisible()],
    ["flows", `/agents/${agentId}/flows`, () => expect(page.getByRole("heading", { name: "Flows" })).toBeVisible()],
    ["flow editor", `/agents/${agentId}/flows/${flowId}`, () => new FlowEditorPage(page).waitReady()],
    [
      "simulator",
      `/agents/${agentId}/simulator`,
      () => expect(page.getByRole("button", { name: "Start call" })).toBeVisible(),
    ],
    [
      "handoffs",
      `/agents/${agentId}/handoffs`,
      () => expect(page.getByRole("heading", { name: "Call Handoffs" })).toBeVisible(),
    ],
    [
      "functions",
      `/agents/${agentId}/functions`,
      () => expect(page.getByRole("heading", { name: "Functions" })).toBeVisible(),
    ],
    [
      "function editor",
      `/agents/${agentId}/functions/${fnId}`,
      () => expect(page.getByTestId("code-editor")).toHaveAttribute("data-ready", "true", { timeout: 30_000 }),
    ],
    [
      "review",
      `/agents/${agentId}/conversations`,
      () => expect(page.getByTestId("conversation-row").first()).toBeVisible(),
    ],
    [
      "conversation",
      `/agents/${agentId}/conversations/${stored.conversation.id}`,
      () => expect(page.getByTestId("conversation")).toBeVisible(),
    ],
    [
      "versions",
      `/agents/${agentId}/versions`,
      () => expect(page.getByRole("heading", { name: "Versions" })).toBeVisible(),
    ],
    [
      "settings",
      `/agents/${agentId}/settings`,
      () => expect(page.getByRole("heading", { name: "Settings" })).toBeVisible(),
    ],
  ];
  const found: string[] = [];
  for (const [what, path, ready] of pages) {
    await page.goto(path);
    await ready();
    found.push(...(await seriousViolations(page, what)));
  }
  // The editor's panels and a dialog, as people open them.
  await page.goto(`/agents/${agentId}/flows/${flowId}`);
  const editor = new FlowEditorPage(page);
  await editor.waitReady();
  await editor.select("intent");
  found.push(...(await seriousViolations(page, "flow editor, listen inspector")));
  await page.getByRole("tab", { name: "Simulate" }).click();
  await expect(page.getByRole("button", { name: "Start call" })).toBeVisible();
  found.push(...(await seriousViolations(page, "flow editor, simulate")));
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.openAdd();
  found.push(...(await seriousViolations(page, "destination dialog")));
  expect(found, found.join("\n")).toEqual([]);
});

test("keyboard only: add nodes from the palette, connect them with Connect to…, delete one", async ({
  page,
  agentId,
  db,
}) => {
  const created = createFlow(db, agentId, {
    name: "Keyboard",
    nodes: [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "Hello" } }],
    edges: [],
  });
  if (!created.ok) throw new Error("could not create the flow");
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, created.flow.id);

  // Focus the Start node and select it with Enter, as a keyboard user tabbing onto the canvas does.
  await editor.node("start").focus();
  await page.keyboard.press("Enter");
  await expect(editor.node("start")).toHaveClass(/selected/);

  // The palette's buttons add below the selected node and connect it; the new node is selected,
  // so the next one continues the chain.
  await page.getByTestId("palette-say").focus();
  await page.keyboard.press("Enter");
  await expect(editor.nodesOfKind("say")).toHaveCount(1);
  const say = await editor.selectedNodeId();
  await page.getByTestId("palette-end").focus();
  await page.keyboard.press("Enter");
  await expect(editor.nodesOfKind("end")).toHaveCount(1);
  const end = await editor.selectedNodeId();
  await expect(editor.edges()).toHaveCount(2);

  // Connect to…: Start's "Next" goes straight to End now, chosen from the keyboard.
  await editor.node("start").focus();
  await page.keyboard.press("Enter");
  await expect(editor.node("start")).toHaveClass(/selected/);
  const menu = editor.inspector.getByLabel("Connect “Next” to…");
  await menu.focus();
  await menu.selectOption({ label: "End" });
  await expect(menu).toHaveValue(end);
  await expect(editor.edges()).toHaveCount(2);
  await expect(editor.node(say).getByTestId("node-problem-count")).toBeVisible(); // unreachable now

  // Delete Say: focus it, select it with Enter, press Delete; its edge goes with it.
  await editor.node(say).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Delete");
  await expect(editor.node(say)).toHaveCount(0);
  await expect(editor.edges()).toHaveCount(1);
  await editor.node("start").focus();
  await page.keyboard.press("Enter");
  await expect(editor.inspector.getByLabel("Connect “Next” to…")).toHaveValue(end);
});
