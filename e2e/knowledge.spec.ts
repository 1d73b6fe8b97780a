import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures";
import { KnowledgePage } from "./pages/KnowledgePage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { ReviewConversationPage, ReviewListPage } from "./pages/ReviewPage";
import { getConversation } from "../db/repositories/conversations";
import { listTopics } from "../db/repositories/topics";
import { listDestinations } from "../db/repositories/handoffs";

const MANAGER_QUESTION = "I need to speak with the manager";

test("add a topic with a builtin handoff; a caller asks for it where the branches do not match: REFER, source topic in Review", async ({
  page,
  agentId,
  db,
}) => {
  test.setTimeout(120_000);
  const knowledge = new KnowledgePage(page);
  await page.goto(`/agents/${agentId}/flows`);
  await knowledge.openFromBuildMenu();
  await expect.poll(() => knowledge.names()).toEqual(["Opening hours", "Speak to a human"]);
  await expect(knowledge.row("Speak to a human").getByTestId("topic-action")).toHaveText("Builtin handoff");

  // Opening a topic shows its whole texts: the growing fields measure once the dialog is open.
  await knowledge.row("Opening hours").getByRole("button", { name: "Edit" }).click();
  const content = knowledge.field("Content");
  await expect(content).toHaveValue(/^We're open Monday to Friday/);
  await expect
    .poll(() => content.evaluate((el) => el.clientHeight > 0 && el.scrollHeight <= el.clientHeight))
    .toBe(true);
  await knowledge.modal.getByRole("button", { name: "Cancel" }).click();

  await knowledge.openAdd();
  await knowledge.field("Name").fill("Manager");
  await knowledge.field("Sample questions").fill(`${MANAGER_QUESTION}\nget me your manager`);
  await knowledge.chooseAction("Builtin handoff");
  // The flow node's own fields: Agent default and New destination… in the picker, reason suggestions.
  const destination = knowledge.field("Destination");
  await expect(destination.locator("option").first()).toHaveText("Agent default (Front desk)");
  await expect(destination.locator("option").last()).toHaveText("New destination…");
  await destination.selectOption({ label: "Front desk (default)" });
  await knowledge.field("Reason").fill("Manager Please");
  await knowledge.submit("Add topic");
  await expect(knowledge.modal.getByText(/Reasons are codes like needs_human/)).toBeVisible();
  await knowledge.modal.getByRole("button", { name: "complaint", exact: true }).click();
  await expect(knowledge.field("Reason")).toHaveValue("complaint");
  await expect(knowledge.modal.getByText(/Reasons are codes like needs_human/)).toHaveCount(0);
  await knowledge.field("Pre-handoff utterance").fill("Let me find the manager for you.");
  await expect(knowledge.modal.getByTestId("speaking-time")).toContainText("Spoken in about");
  await knowledge.submit("Add topic");
  await expect(knowledge.modal).toHaveCount(0);
  await expect(knowledge.notice()).toHaveText("Added Manager");

  await page.reload();
  await expect(knowledge.row("Manager").getByTestId("topic-questions")).toHaveText("2");
  await expect(knowledge.row("Manager")).toContainText("→ Front desk");
  const front = listDestinations(db, agentId).find((d) => d.name === "Front desk")!;
  expect(listTopics(db, agentId).find((t) => t.name === "Manager")!.action).toEqual({
    kind: "builtin-handoff",
    destinationId: front.id,
    reason: "complaint",
    utterance: "Let me find the manager for you.",
  });

  // The demo flow's question has branches for billing, a person and goodbye: none matches this.
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.start();
  await sim.say(MANAGER_QUESTION);
  const outcome = sim.outcome();
  await expect(outcome.getByTestId("handoff-source")).toHaveText("topic");
  await expect(outcome.getByTestId("handoff-topic")).toHaveText("Manager");
  await expect(outcome.getByTestId("handoff-destination")).toHaveText("Front desk");
  await expect(outcome.getByTestId("handoff-reason")).toHaveText("complaint");
  await expect(sim.root.getByTestId("agent-turn").last()).toContainText("Let me find the manager for you.");
  const labels = await sim.trace().labels();
  expect(labels).toContain("REFER");
  expect(labels).toContain("202 Accepted");
  expect(labels.indexOf("REFER")).toBeLessThan(labels.indexOf("202 Accepted"));
  await expect(sim.savedNote()).toContainText("Stored as conversation", { timeout: 15_000 });
  const id = (await sim.savedNote().textContent())!.replace("Stored as conversation ", "").trim();
  expect(getConversation(db, id)!.logs.map((l) => l.message)).toContain('Matched topic "Manager" by example');

  const review = new ReviewListPage(page);
  await review.goto(agentId);
  await review.filter("Source").selectOption("topic");
  await review.apply();
  await expect(page).toHaveURL(/source=topic/);
  await expect(review.rows()).toHaveCount(1);
  await expect(review.row(id).getByTestId("row-source")).toHaveText("topic");
  await review.row(id).getByRole("link").click();
  const conv = new ReviewConversationPage(page);
  await expect(conv.detail("source")).toHaveText("topic");
  await expect(conv.detail("topic")).toHaveText("Manager");
  await expect(conv.detail("reason")).toHaveText("complaint");
  await conv.openTab("SIP trace");
  await expect.poll(() => conv.trace().labels()).toContain("REFER");
});

test("edit, disable, duplicate and delete topics; a disabled topic is not matched", async ({ page, agentId, db }) => {
  const knowledge = new KnowledgePage(page);
  await knowledge.goto(agentId);
  await knowledge.row("Opening hours").getByRole("button", { name: "Edit" }).click();
  await expect(knowledge.field("Name")).toHaveValue("Opening hours");
  await knowledge.field("Sample questions").fill("");
  await knowledge.submit("Save topic");
  await expect(knowledge.modal.getByText("Add at least one sample question")).toBeVisible();
  await knowledge.field("Sample questions").fill("when are you open\nwhat are your hours");
  await knowledge.submit("Save topic");
  await expect(knowledge.notice()).toHaveText("Saved Opening hours");
  await expect(knowledge.row("Opening hours").getByTestId("topic-questions")).toHaveText("2");

  await knowledge.row("Opening hours").getByRole("button", { name: "Duplicate" }).click();
  await expect(knowledge.row("Opening hours (copy)")).toBeVisible();
  await knowledge.row("Opening hours (copy)").getByRole("button", { name: "Delete" }).click();
  await page.getByTestId("delete-topic-dialog").getByRole("button", { name: "Delete topic" }).click();
  await expect(knowledge.notice()).toHaveText("Deleted Opening hours (copy)");
  await expect(knowledge.rows()).toHaveCount(2);

  await knowledge.row("Opening hours").getByRole("switch", { name: "Opening hours enabled" }).uncheck();
  await expect(knowledge.notice()).toHaveText("Opening hours disabled");
  await page.reload();
  await expect(knowledge.row("Opening hours").getByRole("switch")).not.toBeChecked();
  expect(listTopics(db, agentId).find((t) => t.name === "Opening hours")!.enabled).toBe(false);

  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.start();
  await sim.say("when are you open");
  await expect(sim.root.getByTestId("agent-turn").last()).toContainText("Sorry, I didn't catch that.");
});

test("CSV: a file with any bad row imports nothing and lists every problem; a good one imports; export reads back", async ({
  page,
  agentId,
  db,
}) => {
  const knowledge = new KnowledgePage(page);
  await knowledge.goto(agentId);
  const header = "name,sample_questions,content,action,destination,reason,utterance";
  await knowledge.importCsv(
    [
      header,
      "Parking,where can I park|is there parking,Behind the building.,none,,,",
      "Sales,buy something,,builtin-handoff,Sales team,Bad Reason,",
    ].join("\n"),
  );
  const errors = knowledge.importDialog.getByTestId("import-errors").getByRole("listitem");
  await expect(errors).toHaveText([
    'Line 3, destination: No destination named "Sales team"',
    /^Line 3, reason: Reasons are codes like needs_human/,
  ]);
  expect(listTopics(db, agentId)).toHaveLength(2);

  await knowledge.importDialog.getByLabel("CSV file").setInputFiles({
    name: "topics.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        header,
        "Parking,where can I park|is there parking,Behind the building.,none,,,",
        "Billing human,talk to billing,,builtin-handoff,Billing Support,billing,One moment.",
      ].join("\n"),
    ),
  });
  await knowledge.importDialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(knowledge.notice()).toHaveText("Imported topics: added 2");
  await expect.poll(() => knowledge.names()).toEqual(["Opening hours", "Speak to a human", "Parking", "Billing human"]);

  const download = await knowledge.exportCsv();
  expect(download.suggestedFilename()).toMatch(/^Acme .+ topics\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "name,sample_questions,content,action,destination,reason,utterance,function,enabled",
  );
  expect(csv).toContain("Billing human,talk to billing,,builtin-handoff,Billing Support,billing,One moment.,,true");
  expect(csv).toContain("Speak to a human,");
});

test("QA sees topics read-only", async ({ pageAs, agentId }) => {
  const qa = await pageAs("qa");
  const knowledge = new KnowledgePage(qa);
  await knowledge.goto(agentId);
  await expect(qa.getByTestId("read-only-note")).toBeVisible();
  await expect(qa.getByRole("button", { name: "Add topic" })).toHaveCount(0);
  await expect(qa.getByRole("button", { name: "Import CSV" })).toHaveCount(0);
  await expect(knowledge.row("Opening hours").getByRole("switch")).toBeDisabled();
  await expect(knowledge.row("Opening hours").getByRole("button", { name: "Delete" })).toHaveCount(0);
});
