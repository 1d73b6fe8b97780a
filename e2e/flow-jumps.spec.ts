import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { createFlow } from "../db/repositories/flows";
import { createFunction } from "../db/repositories/functions";
import { createScenario } from "../db/repositories/scenarios";

const at = { x: 0, y: 0 };

test("Go to flow: add the node, simulate across two flows, see both flows in the path and in Review", async ({
  page,
  agentId,
  db,
}) => {
  test.setTimeout(120_000);
  const billing = createFlow(db, agentId, {
    name: "Billing",
    nodes: [
      { id: "start", type: "start", position: at, data: { greeting: "Billing desk here." } },
      { id: "bye", type: "end", position: { x: 0, y: 150 }, data: { goodbye: "Billing says goodbye." } },
    ],
    edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "bye" }],
  });
  expect(billing.ok).toBe(true);

  // A new flow whose Start goes to Billing.
  const editor = new FlowEditorPage(page);
  const routerId = await editor.createFromList(agentId, "Router");
  const jump = await editor.dragFromPalette("goto_flow", 0, 160);
  await expect(editor.inspector.getByRole("heading", { name: "Go to flow" })).toBeVisible();
  // Until a flow is chosen, lint says so on the node.
  const problem = page.locator('[data-testid="problem"][data-rule="unknown-flow"]');
  await expect(problem).toContainText("Choose a flow to go to");
  await editor.field("Flow").selectOption("Billing");
  await expect(problem).toHaveCount(0);
  await expect(editor.node(jump)).toContainText("→ flow “Billing”");
  await editor.connect("start", "next", jump);
  await expect(editor.edges()).toHaveCount(1);
  await editor.waitSaved();

  // The editor's simulator runs the call on into Billing.
  await page.getByRole("tab", { name: "Simulate" }).click();
  const sim = new SimulatorPage(page);
  await sim.start();
  await expect(sim.root.getByTestId("flow-change")).toHaveText("Went to flow “Billing”");
  await expect(sim.root.getByTestId("agent-turn")).toHaveText([/Billing desk here\.$/, /Billing says goodbye\.$/]);
  await expect(sim.savedNote()).toContainText("Stored as conversation");
  // The canvas marks the node where the call left this flow, and only this flow's nodes as taken.
  const highlight = page.getByTestId("simulation-highlight");
  await expect(highlight).toHaveAttribute("data-flow-exits", `${jump}>Billing`);
  await expect(highlight).toHaveAttribute("data-path", `start ${jump}`);

  // The Simulator page starts in Router when asked, and its path marks the change of flow.
  await page.goto(`/agents/${agentId}/simulator?flow=${routerId}`);
  await expect(page.getByRole("navigation", { name: "Flow the call starts in" })).toContainText("Main line(entry)");
  await sim.start();
  const path = page.getByTestId("call-path");
  await expect(path.getByTestId("call-path-flow")).toHaveText(["→ flow Billing"]);
  await expect(path.locator("li[data-node-id]")).toHaveCount(4);
  await expect(path.locator('li[data-flow="Router"]')).toHaveCount(2);
  await expect(path.locator('li[data-flow="Billing"]')).toHaveCount(2);
  await expect(path.getByTestId("call-path-title").nth(1)).toHaveText("Go to flow: Billing");
  await expect(sim.savedNote()).toContainText("Stored as conversation", { timeout: 15_000 });

  // Review shows both flows in the path, and the transcript says where the call changed flow.
  await sim.savedNote().getByRole("link").click();
  const reviewPath = page.getByTestId("review-path");
  await expect(reviewPath.getByTestId("path-flow")).toHaveText(["Router:", "Billing:"]);
  await expect(reviewPath.getByTestId("path-node")).toHaveText(["Start", "Go to flow: Billing", "Start", /^End/]);
  await expect(page.getByText('Went to flow "Billing"')).toBeVisible();
});

test("renaming a flow updates the Go to flow nodes that named it, in every flow", async ({ page, agentId, db }) => {
  const billing = createFlow(db, agentId, {
    name: "Billing",
    nodes: [{ id: "start", type: "start", position: at, data: { greeting: "Billing desk here." } }],
    edges: [],
  });
  const router = createFlow(db, agentId, {
    name: "Router",
    nodes: [
      { id: "start", type: "start", position: at, data: { greeting: "Hello." } },
      { id: "jump", type: "goto_flow", position: { x: 0, y: 150 }, data: { flow: "Billing" } },
      { id: "fn", type: "function", position: { x: 300, y: 150 }, data: { functionName: "to_billing", arguments: [] } },
    ],
    edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "jump" }],
  });
  // Python that names the flow: a rename leaves code as it is, so lint points at it instead.
  const fn = createFunction(db, agentId, {
    name: "to_billing",
    description: "Jumps to the billing flow.",
    code: 'def to_billing(conv):\n    conv.goto_flow("Billing")\n',
  });
  // A scenario run against the draft's Billing flow follows the rename.
  const scenario = createScenario(db, agentId, {
    name: "Billing desk answers",
    flow: "Billing",
    expect: { outcome: "hangup", transcript: ["Billing desk here."] },
  });
  if (!billing.ok || !router.ok || !fn.ok || !scenario.ok) throw new Error("seed failed");

  await page.goto(`/agents/${agentId}/flows`);
  const row = page.locator('[data-testid="flow-row"][data-name="Billing"]');
  await row.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Flow name", { exact: true }).fill("Accounts");
  await page.getByRole("button", { name: "Rename", exact: true }).last().click();
  await expect(page.getByTestId("notice")).toHaveText(
    "Renamed to Accounts and updated 1 Go to flow node and 1 scenario. Function to_billing still goes to “Billing” (conv.goto_flow): edit the code to follow",
  );

  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, router.flow.id);
  await expect(editor.node("jump")).toContainText("→ flow “Accounts”");
  await expect(editor.problems.filter({ hasText: "Unknown flow" })).toHaveCount(0);
  await editor.select("jump");
  await expect(editor.field("Flow")).toHaveValue("Accounts");
  const stale = page.locator('[data-testid="problem"][data-rule="unknown-flow-jump"]');
  await expect(stale).toContainText(
    'to_billing goes to flow "Billing" (conv.goto_flow, line 2), which this agent does not have: it was renamed or deleted',
  );
  await stale.click();
  await expect(editor.node("fn")).toHaveClass(/selected/);

  // The scenario now runs against Accounts.
  await page.goto(`/agents/${agentId}/scenarios`);
  await expect(page.getByRole("row", { name: /Billing desk answers/ })).toContainText("Accounts");
});
