import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { HandoffsPage } from "./pages/HandoffsPage";
import { KnowledgePage } from "./pages/KnowledgePage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { listFlows } from "../db/repositories/flows";

test("deleting a destination names the nodes that use it; they keep its name, and a call reaching one fails", async ({
  page,
  agentId,
  db,
}) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  const billing = handoffs.card("Billing Support");
  await expect(billing).toContainText("Used by");
  await expect(billing.getByTestId("usage-count")).toHaveText("2 nodes");
  await expect(handoffs.card("Hand back to IVR").getByTestId("usage-count")).toHaveText("1 node");

  await billing.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByTestId("delete-dialog");
  const usages = dialog.getByTestId("destination-usages").getByRole("listitem");
  await expect(usages).toHaveText(["Main line: “Priority billing (gold)”", "Main line: “Handoff: Billing Support”"]);
  await expect(dialog).toContainText("They will show “Deleted destination: Billing Support”");
  await dialog.getByLabel("Type Billing Support to confirm").fill("Billing Support");
  await dialog.getByRole("button", { name: "Delete destination" }).click();
  await expect(dialog).toBeHidden();
  await expect(handoffs.card("Billing Support")).toHaveCount(0);

  // The flow's nodes still say what they pointed at.
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
  await expect(editor.node("billing_handoff").getByTestId("node-destination")).toContainText(
    "Deleted destination: Billing Support",
  );
  await editor.select("billing_handoff");
  await expect(editor.field("Destination").locator("option:checked")).toHaveText(
    "Deleted destination: Billing Support",
  );
  await expect(editor.problems.filter({ hasText: 'The destination was deleted ("Billing Support")' })).toHaveCount(2);

  // A silver caller asking about billing reaches the orphaned node: the call fails, and is stored so.
  await page.getByRole("tab", { name: "Simulate" }).click();
  const sim = new SimulatorPage(page);
  await sim.start();
  await sim.say("I have a question about my bill");
  await expect(
    sim.root.getByTestId("call-note").filter({ hasText: "Deleted destination: Billing Support" }),
  ).toBeVisible();
  await expect(
    sim.root.getByTestId("call-note").filter({ hasText: "The handoff's destination was deleted, so the call" }),
  ).toBeVisible();
  await sim.savedNote().getByRole("link").click();
  await expect(page.getByTestId("conversation").getByTestId("outcome")).toHaveText("Failed");
  await expect(page.getByTestId("end-reason")).toContainText("destination_deleted");
  await page.goto(`/agents/${agentId}/conversations?outcome=failed`);
  await expect(page.getByTestId("conversation-row")).toHaveCount(1);
  await expect(page.getByTestId("row-reason")).toHaveText("destination_deleted");

  // Choosing another destination clears the old name.
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
  await editor.select("billing_handoff");
  await editor.field("Destination").selectOption({ label: "Front desk (default)" });
  await expect(editor.node("billing_handoff").getByTestId("node-destination")).toContainText("Front desk");
  await editor.waitSaved();
  await page.reload();
  await editor.waitReady();
  await editor.select("billing_handoff");
  await expect(editor.field("Destination").locator("option", { hasText: "Deleted destination" })).toHaveCount(0);
});

test("deleting a destination a knowledge topic hands off to lists the topic; Knowledge then flags it", async ({
  page,
  agentId,
}) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  const frontDesk = handoffs.card("Front desk");
  await expect(frontDesk.getByTestId("usage-count")).toContainText("1 topic");
  await expect(frontDesk.getByTestId("usage-count")).toHaveAttribute("title", /Knowledge: Speak to a human/);

  await frontDesk.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByTestId("delete-dialog");
  await expect(dialog.getByTestId("topic-usages").getByRole("listitem")).toHaveText(["Knowledge: “Speak to a human”"]);
  await expect(dialog).toContainText("1 knowledge topic hands off to Front desk");
  await dialog.getByLabel("Type Front desk to confirm").fill("Front desk");
  await dialog.getByRole("button", { name: "Delete destination" }).click();
  await expect(dialog).toBeHidden();
  await expect(handoffs.card("Front desk")).toHaveCount(0);

  const knowledge = new KnowledgePage(page);
  await page.goto(`/agents/${agentId}/knowledge`);
  await expect(knowledge.row("Speak to a human")).toContainText("deleted");
});
