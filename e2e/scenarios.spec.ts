import { test, expect } from "./fixtures";
import { HandoffsPage } from "./pages/HandoffsPage";
import { ScenariosPage } from "./pages/ScenariosPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { PYTHON_WAIT_MS } from "./waits";
import { createFlow, deleteFlow, getFlow, listFlows, renameFlow } from "../db/repositories/flows";
import { findScenarioByName, updateScenario } from "../db/repositories/scenarios";

async function setBillingCustomerHeader(handoffs: HandoffsPage, agentId: string, value: string) {
  await handoffs.goto(agentId);
  await handoffs.card("Billing Support").getByRole("button", { name: "Edit" }).click();
  await expect(handoffs.headerNames().nth(0)).toHaveValue("X-Customer-ID");
  await handoffs.headerValues().nth(0).fill(value);
  await handoffs.submit("Save");
  await expect(handoffs.modal).toBeHidden();
}

test("save a simulator call as a scenario, run it (pass); a changed header fails it with expected vs actual; undo passes", async ({
  page,
  agentId,
}) => {
  test.setTimeout(180_000);
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.start();
  await sim.say("I have a question about my bill");
  await expect(sim.outcome().getByTestId("handoff-destination")).toHaveText("Billing Support");
  await sim.root.getByRole("button", { name: "Save as scenario" }).click();
  const name = "Billing call from the simulator";
  await page.getByLabel("Scenario name").fill(name);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(sim.root.getByTestId("scenario-saved-note")).toContainText(name);

  // The link opens the Scenarios page with the new scenario's form, filled from the call.
  await sim.root.getByTestId("scenario-saved-note").getByRole("link", { name }).click();
  const scenarios = new ScenariosPage(page);
  await expect(scenarios.form).toBeVisible();
  await expect(scenarios.field("Caller turns")).toHaveValue("I have a question about my bill");
  await expect(scenarios.field("Handoff destination")).toHaveValue("Billing Support");
  await expect(scenarios.field("Resolved headers")).toHaveValue(/X-Customer-ID: abc123/);
  await scenarios.form.getByRole("button", { name: "Cancel" }).click();
  await expect(scenarios.row(name)).toBeVisible();

  let result = await scenarios.run(name);
  await expect(result).toHaveAttribute("data-status", "pass");
  await expect(scenarios.row(name).getByTestId("last-result")).toHaveText(/Passed/);

  // Billing Support now sends the caller's number as X-Customer-ID.
  const handoffs = new HandoffsPage(page);
  await setBillingCustomerHeader(handoffs, agentId, "$caller_id");
  await scenarios.goto(agentId);
  result = await scenarios.run(name);
  await expect(result).toHaveAttribute("data-status", "fail");
  const header = scenarios.expectation(result, "Header X-Customer-ID");
  await expect(header).toHaveAttribute("data-pass", "false");
  await expect(header.getByTestId("expected")).toHaveText("abc123");
  await expect(header.getByTestId("actual")).toHaveText("+14155550123");
  await expect(result.getByTestId("scenario-transcript")).toContainText("I have a question about my bill");
  await expect(scenarios.row(name).getByTestId("last-result")).toHaveText(/Failed/);
  await page.reload();
  await expect(scenarios.row(name).getByTestId("last-result")).toHaveText(/Failed/);

  // Undo the change: it passes again.
  await setBillingCustomerHeader(handoffs, agentId, "$customer_id");
  await scenarios.goto(agentId);
  result = await scenarios.run(name);
  await expect(result).toHaveAttribute("data-status", "pass");
});

test("the demo scenarios pass with Run all, coverage is counted and shown on the canvas, a bad edit shows inline errors", async ({
  page,
  agentId,
  db,
}) => {
  test.setTimeout(180_000);
  const scenarios = new ScenariosPage(page);
  await scenarios.goto(agentId);
  await expect(page.getByTestId("coverage")).toContainText("Main line: 0 of 9 nodes, 0 of 8 branches covered");
  await scenarios.runAll(PYTHON_WAIT_MS + 60_000);
  await expect(page.getByTestId("notice")).toHaveText("3 passed, 0 failed");
  await page.reload();
  await expect(page.getByTestId("coverage")).toContainText("Main line: 6 of 9 nodes, 5 of 8 branches covered");

  // The flow editor's Coverage toggle marks what no scenario reaches (a view, not part of the flow).
  const flowId = listFlows(db, agentId)[0]!.id;
  await new FlowEditorPage(page).goto(agentId, flowId);
  await expect(page.getByTestId("coverage-highlight")).toHaveCount(0);
  await page.getByRole("button", { name: "Coverage" }).click();
  await expect(page.getByRole("button", { name: "Coverage" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("coverage-line")).toHaveText("6 of 9 nodes, 5 of 8 branches covered");
  const highlight = page.getByTestId("coverage-highlight");
  await expect(highlight).toHaveAttribute("data-uncovered-nodes", "sorry back_to_ivr end");
  await page.getByRole("button", { name: "Coverage" }).click();
  await expect(highlight).toHaveCount(0);
  await scenarios.goto(agentId);

  await scenarios.row("Asking for a person goes to the front desk").getByRole("button", { name: "Edit" }).click();
  await scenarios.field("Name").fill("");
  await scenarios.field("Caller turns").fill("hello\nDTMF 12x");
  await scenarios.field("Metrics").fill("no equals sign");
  await scenarios.save();
  await expect(scenarios.form.getByText("Line 1: write name=value")).toBeVisible();
  await scenarios.field("Metrics").fill("");
  await scenarios.save();
  await expect(scenarios.field("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(scenarios.form.getByText("Enter a name")).toBeVisible();
  await expect(scenarios.form.getByText(/Line 2: Keypad digits/)).toBeVisible();
  // Nothing typed is lost.
  await expect(scenarios.field("Caller turns")).toHaveValue("hello\nDTMF 12x");
});

test("a role without scenarios.edit sees the list read-only", async ({ pageAs, agentId }) => {
  const page = await pageAs("designer");
  const scenarios = new ScenariosPage(page);
  await scenarios.goto(agentId);
  await expect(page.getByTestId("read-only-note")).toBeVisible();
  await expect(page.getByRole("button", { name: "Run all" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New scenario" })).toHaveCount(0);
  await expect(scenarios.row("Gold caller is transferred by route_vip")).toBeVisible();
});

test("a scenario whose flow was deleted shows 'cannot run: <reason>'; a renamed flow takes its scenarios along", async ({
  page,
  agentId,
  db,
}) => {
  const main = listFlows(db, agentId)[0]!;
  const name = "Asking for a person goes to the front desk";
  const stored = findScenarioByName(db, agentId, name)!;
  // Renamed, the flow takes the draft's scenarios along.
  expect(renameFlow(db, agentId, main.id, "Front door")).toMatchObject({ ok: true, scenariosFollowed: 3 });
  expect(findScenarioByName(db, agentId, name)!.scenario.flow).toBe("Front door");
  // A flow that is deleted does not: the scenario names it still and cannot run.
  const { nodes, edges } = getFlow(db, agentId, main.id)!;
  const sales = createFlow(db, agentId, { name: "Sales", nodes, edges });
  if (!sales.ok) throw new Error("could not create the flow");
  expect(updateScenario(db, agentId, stored.id, { ...stored.scenario, flow: "Sales" }).ok).toBe(true);
  expect(deleteFlow(db, agentId, sales.flow.id)).toBe(true);

  const scenarios = new ScenariosPage(page);
  await scenarios.goto(agentId);
  const result = await scenarios.run(name);
  await expect(result).toHaveAttribute("data-status", "cannot_run");
  await expect(result).toContainText('cannot run: flow "Sales" was deleted or renamed');
  await expect(scenarios.row(name).getByTestId("last-result")).toContainText("Cannot run");
});
