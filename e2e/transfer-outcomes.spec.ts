import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { ReviewConversationPage, ReviewListPage } from "./pages/ReviewPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { listFlows } from "../db/repositories/flows";

test("Billing Support busy in the simulator: the 486 ladder, the Failed branch taken, the attempt in Review", async ({
  page,
  agentId,
  db,
}) => {
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);

  // Lint suggests a Failed branch (a suggestion: not on the node's badge).
  const suggestion = page.locator(
    '[data-testid="problem"][data-rule="handoff-no-fallback"][data-node="billing_handoff"]',
  );
  await expect(suggestion).toContainText("I couldn't connect you right now.");
  await expect(editor.node("billing_handoff").getByTestId("node-problem-count")).toHaveCount(0);
  await editor.select("billing_handoff");
  await expect(editor.field("Fallback line")).toHaveAttribute("placeholder", "I couldn't connect you right now.");

  // Add fallback: a Say node on the Failed branch, selected to be edited.
  await editor.inspector.getByRole("button", { name: "Add fallback" }).click();
  const fallback = await editor.selectedNodeId();
  await expect(editor.node(fallback).getByTestId("flow-node")).toHaveAttribute("data-kind", "say");
  await expect(suggestion).toHaveCount(0);
  await editor.field("Utterance").fill("Billing is busy right now. Please call back after five.");
  await editor.select("billing_handoff");
  await expect(editor.inspector.getByTestId("failed-branch")).toContainText("Say: Billing is busy");
  await editor.waitSaved();

  // Simulate beside the canvas with Billing Support busy.
  await page.getByRole("tab", { name: "Simulate" }).click();
  const sim = new SimulatorPage(page);
  await sim.behaviour("Billing Support", "Busy (486)");
  await sim.start();
  await sim.say("I have a question about my bill");
  await expect(sim.outcome()).toContainText("Transfer failed: busy (486 Busy Here)");
  const labels = await sim.trace().labels();
  const invite = labels.lastIndexOf("INVITE");
  expect(labels.slice(invite)).toEqual(expect.arrayContaining(["486 Busy Here", "ACK"]));
  expect(labels.indexOf("ACK", invite)).toBeGreaterThan(labels.indexOf("486 Busy Here", invite));
  // The Failed branch ran: its line, not the default fallback line; the canvas traced it.
  await expect(sim.root.getByTestId("agent-turn").filter({ hasText: "Billing is busy right now" })).toHaveCount(1);
  await expect(sim.root.getByTestId("agent-turn").filter({ hasText: "I couldn't connect you" })).toHaveCount(0);
  await expect(editor.node(fallback)).toHaveCSS("outline-style", "solid");
  await expect(sim.savedNote()).toContainText("Stored as conversation");

  // Review: the attempt, and the list filtered by transfer outcome.
  const review = new ReviewListPage(page);
  await review.goto(agentId);
  await review.filter("Transfer").selectOption({ label: "Busy" });
  await review.apply();
  await expect(page).toHaveURL(/transfer_outcome=busy/);
  await expect(review.rows()).toHaveCount(1);
  await expect(review.rows().first().getByTestId("row-transfer-outcome")).toHaveText("Busy");
  await review.rows().first().getByRole("link").click();
  const conv = new ReviewConversationPage(page);
  await expect(conv.detail("transfer-outcome")).toHaveText("Busy (486 Busy Here)");
  const attempts = conv.root.getByTestId("transfer-attempt");
  await expect(attempts).toHaveCount(1);
  await expect(attempts.first()).toHaveAttribute("data-outcome", "busy");
  await expect(attempts.first()).toContainText("Billing Support");
  await expect(attempts.first()).toContainText("486 Busy Here");

  await review.goto(agentId, "?transfer_outcome=no_answer");
  await expect(review.rows()).toHaveCount(0);
});
