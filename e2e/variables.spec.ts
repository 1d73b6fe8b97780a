import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { VariablesPage } from "./pages/VariablesPage";
import { AuditLogPage } from "./pages/AuditLogPage";
import { E2E_MEMBERS } from "./accounts";
import { listFlows } from "../db/repositories/flows";
import { listVariables } from "../db/repositories/variables";

test("add and edit a variable; autocomplete, lint and the simulator use it", async ({ page, agentId, db }) => {
  const vars = new VariablesPage(page);
  await page.goto(`/agents/${agentId}/flows`);
  await vars.openFromBuildMenu();
  // The list updates when the action returns: wait for it rather than read it at once.
  await expect.poll(() => vars.names()).toEqual(["customer_id", "tier"]);
  await expect(page.getByTestId("builtin-row")).toHaveCount(4);

  // A bad name is refused inline; nothing typed is lost.
  await vars.openAdd();
  await vars.field("Name").fill("2nd account");
  await vars.field("Sample value").fill("A-42");
  await vars.modal.getByRole("button", { name: "Add", exact: true }).click();
  await expect(vars.modal.getByTestId("field-error")).toHaveText(
    "Use letters, digits and _, not starting with a digit",
  );
  await expect(vars.field("Sample value")).toHaveValue("A-42");
  // A name the agent already has is refused by the server, shown on the field.
  await vars.field("Name").fill("tier");
  await vars.modal.getByRole("button", { name: "Add", exact: true }).click();
  await expect(vars.modal.getByTestId("field-error")).toHaveText("This agent already has a variable named tier");
  await vars.field("Name").fill("account_id");
  await vars.field("Description").fill("The caller's account");
  await vars.modal.getByRole("button", { name: "Add", exact: true }).click();
  await expect(vars.modal).toBeHidden();
  await expect(vars.row("account_id").getByTestId("sample")).toHaveText("A-42");

  await vars.openEdit("account_id");
  await vars.field("Sample value").fill("A-43");
  await vars.modal.getByRole("button", { name: "Save", exact: true }).click();
  await expect(vars.modal).toBeHidden();
  await page.reload();
  await expect(vars.row("account_id").getByTestId("sample")).toHaveText("A-43");
  expect(listVariables(db, agentId).find((v) => v.name === "account_id")).toEqual({
    name: "account_id",
    sampleValue: "A-43",
    description: "The caller's account",
  });

  // The flow editor offers it and lint knows it.
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
  await editor.select("sorry");
  const utterance = editor.field("Utterance");
  await utterance.fill("Your account is $acc");
  await expect(page.getByRole("option", { name: /\$account_id/ })).toContainText("The caller's account");
  await utterance.press("Enter");
  await expect(utterance).toHaveValue("Your account is $account_id");
  await expect(editor.problems.filter({ hasText: "$account_id" })).toHaveCount(0);
  await utterance.fill("Your account is $account_id and $nope");
  await expect(editor.problems.filter({ hasText: "$nope" })).toHaveCount(1);

  // The simulator starts the call with its sample value.
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await expect(sim.variable("account_id")).toHaveValue("A-43");
});

test("deleting or renaming a variable in use lists the uses first", async ({ page, agentId, db }) => {
  const vars = new VariablesPage(page);
  await vars.goto(agentId);

  await vars.openDelete("customer_id");
  await expect(vars.usages(vars.deleteDialog)).toHaveText([
    "Billing Support: header X-Customer-ID",
    "Main line: “Handoff: Billing Support” (the pre-handoff utterance)",
    "function route_vip",
  ]);
  await vars.deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(vars.row("customer_id")).toHaveCount(1);

  await vars.openEdit("tier");
  await vars.field("Name").fill("plan");
  await vars.modal.getByRole("button", { name: "Save", exact: true }).click();
  // The demo agent's start_function copies an inbound X-Customer-Tier header into conv.state.tier.
  await expect(vars.usages(vars.modal)).toHaveText([
    "Main line: “Gold customer?” (checks it)",
    "function route_vip",
    "function start_function",
  ]);
  await vars.modal.getByRole("button", { name: "Rename anyway" }).click();
  await expect(vars.modal).toBeHidden();
  // The list updates when the action returns: wait for it rather than read it at once.
  await expect.poll(() => vars.names()).toEqual(["customer_id", "plan"]);

  await vars.openDelete("customer_id");
  await vars.deleteDialog.getByRole("button", { name: "Delete anyway" }).click();
  await expect(vars.deleteDialog).toBeHidden();
  // The list updates when the action returns: wait for it rather than read it at once.
  await expect.poll(() => vars.names()).toEqual(["plan"]);

  // Nothing uses "plan": a plain confirmation.
  await vars.openDelete("plan");
  await expect(vars.deleteDialog).toContainText("Nothing uses it");
  await vars.deleteDialog.getByRole("button", { name: "Delete variable" }).click();
  await expect(page.getByText("No variables yet")).toBeVisible();
  expect(listVariables(db, agentId)).toEqual([]);
});

test("QA sees variables read-only; a designer's rename is in the audit log", async ({ page, pageAs, agentId }) => {
  const qa = await pageAs("qa");
  const qaVars = new VariablesPage(qa);
  await qaVars.goto(agentId);
  await expect.poll(() => qaVars.names()).toEqual(["customer_id", "tier"]);
  await expect(qa.getByRole("button", { name: "Add variable" })).toHaveCount(0);
  await expect(qa.getByRole("button", { name: /^(Edit|Delete) \$/ })).toHaveCount(0);
  await expect(qa.getByTestId("read-only-note")).toHaveText("Read-only: your role may not change variables");

  const designer = await pageAs("designer");
  const vars = new VariablesPage(designer);
  await vars.goto(agentId);
  await vars.openEdit("tier");
  await vars.field("Name").fill("plan");
  await vars.field("Sample value").fill("gold");
  await vars.modal.getByRole("button", { name: "Save", exact: true }).click();
  await vars.modal.getByRole("button", { name: "Rename anyway" }).click();
  await expect(vars.modal).toBeHidden();

  const audit = new AuditLogPage(page);
  await audit.goto(agentId);
  await audit.filter("Agent", agentId);
  await expect(page).toHaveURL(new RegExp(`agent=${agentId}`));
  const row = audit.rows("variable.updated").first();
  await expect(row.getByTestId("audit-actor")).toHaveText(E2E_MEMBERS.designer.name);
  await expect(row.getByTestId("audit-target")).toHaveText("$plan");
  await expect(row.getByTestId("audit-summary")).toHaveText('name "tier" → "plan"; sample "silver" → "gold"');
});
