import { E2E_MEMBERS } from "./accounts";
import { test, expect } from "./fixtures";
import { listFlows } from "../db/repositories/flows";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { HandoffsPage } from "./pages/HandoffsPage";
import { ReviewListPage } from "./pages/ReviewPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { VersionsPage } from "./pages/VersionsPage";

async function setRoute(handoffs: HandoffsPage, name: string, route: string) {
  await handoffs.card(name).getByRole("button", { name: "Edit" }).click();
  await handoffs.field("Route").fill(route);
  await handoffs.submit("Save");
  await expect(handoffs.modal).toBeHidden();
  await expect(handoffs.card(name)).toContainText(route);
}

test("publish with a note, compare, promote, run the live version, restore", async ({ page, agentId }) => {
  const handoffs = new HandoffsPage(page);
  const versions = new VersionsPage(page);
  await handoffs.goto(agentId);
  await expect(page.getByTestId("live-version")).toHaveText("No live version");

  await setRoute(handoffs, "Front desk", "sip:reception@pbx.acme.example");
  const dialog = await versions.publish("Reception takes the front desk");
  await expect(dialog.getByTestId("publish-result")).toHaveText(/Published version 1/);
  await versions.closePublish();

  // Publishing again without a change creates nothing.
  const again = await versions.publish("");
  await expect(again.getByTestId("publish-message")).toHaveText("Nothing changed since version 1");
  await versions.closePublish();

  await setRoute(handoffs, "Front desk", "sip:lobby@pbx.acme.example");
  await versions.goto(agentId);
  await expect(versions.rows()).toHaveCount(1);
  await expect(versions.row(1)).toContainText("Reception takes the front desk");
  // The author is the member who published (the suite's admin).
  await expect(versions.row(1)).toContainText(E2E_MEMBERS.admin.name);

  // Compare version 1 with the draft: the changed field, with both values.
  await versions.compare("Version 1", "Draft");
  const change = page.locator('[data-testid="destination-change"][data-name="Front desk"]');
  const route = change.locator('[data-testid="field-change"][data-field="route"]');
  await expect(route).toContainText("sip:reception@pbx.acme.example");
  await expect(route).toContainText("sip:lobby@pbx.acme.example");
  await expect(page.getByTestId("compare-summary")).toHaveText("From version 1 to the draft: 1 change.");

  // Promote version 1 one step at a time: pre-release (no live button before), then live.
  await versions.goto(agentId);
  await expect(versions.row(1).getByRole("button", { name: "Promote to live" })).toHaveCount(0);
  await versions.act(1, "Promote to pre-release");
  await expect(versions.message()).toHaveText("Version 1 is in pre-release");
  await expect(versions.row(1).getByTestId("pre-release-badge")).toBeVisible();
  await versions.act(1, "Promote to live");
  await expect(versions.message()).toHaveText("Version 1 is in live");
  await expect(versions.row(1).getByTestId("live-badge")).toBeVisible();
  await expect(page.getByTestId("live-version")).toHaveText("Live: version 1");

  // The simulator's live run uses the published route, not the draft's.
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.chooseRun("Live (version 1)");
  await sim.start();
  await sim.say("speak to a person");
  await expect(sim.outcome()).toContainText("sip:reception@pbx.acme.example");
  await expect(sim.outcome()).not.toContainText("sip:lobby@pbx.acme.example");
  await expect(sim.savedNote()).toBeVisible();
  // Review shows what ran, and filters by it.
  const review = new ReviewListPage(page);
  await review.goto(agentId);
  await expect(review.rows().first().getByTestId("row-version")).toHaveText("Version 1");
  await review.filter("Ran").selectOption({ label: "Draft" });
  await review.apply();
  await expect(page).toHaveURL(/version=draft/);
  await expect(review.rows()).toHaveCount(0);
  await review.filter("Ran").selectOption({ label: "Version 1" });
  await review.apply();
  await expect(review.rows()).toHaveCount(1);

  await versions.goto(agentId);
  // Restore version 1 into the draft: the draft it replaces is kept as version 2.
  await versions.act(1, "Restore to draft");
  await expect(versions.message()).toContainText("saved as version 2");
  await expect(versions.row(2)).toContainText("Before restoring version 1");
  await handoffs.goto(agentId);
  await expect(handoffs.card("Front desk")).toContainText("sip:reception@pbx.acme.example");

  // View version 2, read-only: its canvas and the route it held.
  await versions.goto(agentId);
  await versions.row(2).getByRole("link", { name: "View" }).click();
  await expect(page.getByRole("heading", { name: /Version 2/ })).toBeVisible();
  await expect(page.getByTestId("read-only-flow").getByTestId("flow-node").first()).toBeVisible();
  await expect(page.locator('[data-testid="version-destination"][data-name="Front desk"]')).toContainText(
    "sip:lobby@pbx.acme.example",
  );
});

test("publishing a draft with lint errors lists them and asks first", async ({ page, agentId }) => {
  const handoffs = new HandoffsPage(page);
  const versions = new VersionsPage(page);
  // Deleting a destination a handoff node uses is a lint error in the flow.
  await handoffs.goto(agentId);
  await handoffs.card("Hand back to IVR").getByRole("button", { name: "Delete" }).click();
  await page.getByLabel("Type Hand back to IVR to confirm").fill("Hand back to IVR");
  await page.getByRole("button", { name: "Delete destination" }).click();
  await expect(handoffs.card("Hand back to IVR")).toHaveCount(0);

  const dialog = await versions.publish("Broken on purpose");
  const errors = dialog.getByTestId("publish-lint-errors");
  await expect(errors).toContainText("lint error");
  await expect(errors).toContainText('Flow "Main line", node back_to_ivr: The destination was deleted');
  await dialog.getByRole("button", { name: "Publish anyway" }).click();
  await expect(dialog.getByTestId("publish-result")).toHaveText(/Published version 1/);
});

test("publishing from the flow editor includes an edit made a moment before", async ({ page, agentId, db }) => {
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
  await editor.select("sorry");
  await editor.field("Utterance").fill("Published at once");
  // No wait for the autosave: Publish saves what is on screen first.
  await page.getByTestId("publish-button").click();
  const dialog = page.getByTestId("publish-dialog");
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog.getByTestId("publish-result")).toHaveText(/Published version 1/);
  await page.goto(`/agents/${agentId}/versions/1`);
  await page
    .getByTestId("read-only-flow")
    .locator('.react-flow__node[data-id="sorry"] [data-testid="flow-node"]')
    .click();
  await expect(page.getByTestId("node-details")).toContainText("Published at once");
});
