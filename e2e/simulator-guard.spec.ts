import { test, expect } from "./fixtures";
import type { Dialog, Page } from "@playwright/test";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { listFlows } from "../db/repositories/flows";

const CALL_IN_PROGRESS = "A call is in progress; leaving ends it without storing it. Leave anyway?";

/** Clicks a Build menu link and answers the confirm() it raises; returns the dialog's message. */
async function clickBuildLink(page: Page, name: string, answer: "accept" | "dismiss"): Promise<string> {
  const seen = new Promise<string>((resolve) =>
    page.once("dialog", (d: Dialog) => {
      resolve(d.message());
      void (answer === "accept" ? d.accept() : d.dismiss());
    }),
  );
  await page.getByRole("navigation", { name: "Build" }).getByRole("link", { name, exact: true }).click();
  return seen;
}

test("the simulator: focus on Caller says, asks before leaving mid-call, links the stored call, Review names the flow", async ({
  page,
  agentId,
}) => {
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.start();
  await expect(sim.root.getByLabel("Caller says")).toBeFocused();
  // Typing goes straight into the field.
  await page.keyboard.type("hello");
  await expect(sim.root.getByLabel("Caller says")).toHaveValue("hello");

  // Mid-call: leaving asks; staying keeps the call.
  expect(await clickBuildLink(page, "Functions", "dismiss")).toBe(CALL_IN_PROGRESS);
  await expect(page).toHaveURL(/\/simulator/);
  await expect(sim.root.getByTestId("agent-turn").first()).toBeVisible();

  // Reloading or closing asks too (beforeunload).
  const beforeUnload = new Promise<string>((resolve) =>
    page.once("dialog", (d) => {
      resolve(d.type());
      void d.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await beforeUnload).toBe("beforeunload");
});

test("after the call ends nothing asks; the stored call opens in Review with its flow", async ({
  page,
  agentId,
  db,
}) => {
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.start();
  await sim.say("that's all, goodbye");
  await expect(sim.savedNote()).toContainText("Stored as conversation");
  let asked = false;
  page.on("dialog", (d) => {
    asked = true;
    void d.dismiss();
  });
  await sim.savedNote().getByRole("link").click();
  await expect(page.getByTestId("conversation")).toBeVisible();
  expect(asked).toBe(false);
  const flow = listFlows(db, agentId)[0]!;
  await expect(page.getByTestId("conversation-flow")).toHaveText(flow.name);
  await page.getByRole("link", { name: "← Conversation Review" }).click();
  await expect(page.getByTestId("row-flow").first()).toHaveText(flow.name);
});

test("beside the canvas, a running call is asked about before the editor's own save-and-go", async ({
  page,
  agentId,
  db,
}) => {
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
  await page.getByRole("tab", { name: "Simulate" }).click();
  const sim = new SimulatorPage(page);
  await sim.start();
  await expect(sim.root.getByLabel("Caller says")).toBeFocused();
  // Even with an unsaved edit (which the editor would save and then navigate), the call is asked about first.
  await page.getByRole("tab", { name: "Inspector" }).click();
  await editor.select("sorry");
  await editor.field("Utterance").fill("Sorry, not here.");
  expect(await clickBuildLink(page, "Functions", "dismiss")).toBe(CALL_IN_PROGRESS);
  await expect(page).toHaveURL(/\/flows\//);
  expect(await clickBuildLink(page, "Functions", "accept")).toBe(CALL_IN_PROGRESS);
  await expect(page.getByRole("heading", { name: "Functions", exact: true })).toBeVisible();
});
