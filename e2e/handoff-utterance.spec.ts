import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { getFlow, listFlows } from "../db/repositories/flows";

test("the pre-handoff utterance grows with a long paste, shows its speaking time and warns above 20 s", async ({
  page,
  agentId,
  db,
}) => {
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, listFlows(db, agentId)[0]!.id);
  await editor.select("front_desk");
  const utterance = editor.field("Pre-handoff utterance");
  await expect(utterance).toHaveJSProperty("tagName", "TEXTAREA");
  // "Connecting you to the front desk now.": 7 words, 2.8 s.
  await expect(editor.inspector.getByTestId("speaking-time")).toContainText("Spoken in about 3 s");
  const shortHeight = (await utterance.boundingBox())!.height;

  // A 500-character paste: 88 words, about 36 s of speech before the transfer.
  const long = Array.from({ length: 88 }, (_, i) => `word${i % 10}`)
    .join(" ")
    .slice(0, 500);
  await utterance.fill(long);
  await expect(utterance).toHaveValue(long);
  const words = long.split(" ").length;
  const seconds = Math.ceil((words * 60) / 150);
  await expect(editor.inspector.getByTestId("speaking-time")).toHaveText(
    `Spoken in about ${seconds} s (at 150 words a minute)`,
  );
  // The textarea grew to show all of it: taller than before, nothing scrolled out of sight.
  expect((await utterance.boundingBox())!.height).toBeGreaterThan(shortHeight * 2);
  const { scroll, client } = await utterance.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(scroll).toBeLessThanOrEqual(client);
  // Lint warns, beside the field and in Problems.
  const warning = `The pre-handoff utterance takes about ${seconds} s to say (over 20 s): the caller waits that long before the transfer starts`;
  await expect(editor.inspector.getByTestId("field-warning")).toHaveText(warning);
  await expect(editor.problems.filter({ hasText: warning })).toHaveCount(1);

  // Enter is a new line in the textarea, not a submit; shortening clears the warning.
  await utterance.fill("Connecting you now.");
  await utterance.press("End");
  await utterance.press("Enter");
  await utterance.pressSequentially("Please hold.");
  await expect(utterance).toHaveValue("Connecting you now.\nPlease hold.");
  await expect(editor.inspector.getByTestId("speaking-time")).toContainText("Spoken in about 2 s");
  await expect(editor.inspector.getByTestId("field-warning")).toHaveCount(0);
  await expect(editor.problems.filter({ hasText: "pre-handoff utterance takes" })).toHaveCount(0);
  await editor.waitSaved();
  const flow = getFlow(db, agentId, listFlows(db, agentId)[0]!.id)!;
  expect(flow.nodes.find((n) => n.id === "front_desk")!.data).toMatchObject({
    utterance: "Connecting you now.\nPlease hold.",
  });
});
