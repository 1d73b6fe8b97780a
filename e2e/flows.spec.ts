import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { createFlow, getFlow, listFlows } from "../db/repositories/flows";
import { deleteDestination, listDestinations } from "../db/repositories/handoffs";
import { flows } from "../db/schema";
import type { Db } from "../db/client";

function mainLineId(db: Db, agentId: string): string {
  const flow = listFlows(db, agentId).find((f) => f.name === "Main line");
  if (!flow) throw new Error("the demo agent has no Main line flow");
  return flow.id;
}

test("build a flow from the palette, wire it, edit the handoff, and find it saved after a reload", async ({
  page,
  agentId,
  db,
}) => {
  const editor = new FlowEditorPage(page);
  const flowId = await editor.createFromList(agentId, "Billing line");

  const say = await editor.dragFromPalette("say", 0, 120);
  await editor.field("Utterance").fill("One moment please");
  const handoff = await editor.dragFromPalette("handoff", 0, 270);
  await editor.connect("start", "next", say);
  await editor.connect(say, "next", handoff);
  await expect(editor.edges()).toHaveCount(2);

  await editor.select(handoff);
  await editor.field("Destination").selectOption({ label: "Billing Support" });
  await editor.field("Reason").fill("Needs Human");
  await expect(editor.inspector.getByTestId("field-error")).toContainText("lowercase letters");
  // The field shows lint's own message: the same words as the node's problem list.
  const reasonProblem = await editor.inspector
    .getByTestId("inspector-problems")
    .getByText("lowercase letters")
    .innerText();
  await expect(editor.inspector.getByTestId("field-error")).toHaveText(reasonProblem.replace(/^● /, ""));
  // All five suggested reasons are one click away.
  for (const r of ["needs_human", "policy_violation", "no_availability", "billing"])
    await expect(editor.inspector.getByRole("button", { name: r, exact: true })).toBeVisible();
  await editor.inspector.getByRole("button", { name: "complaint", exact: true }).click();
  await expect(editor.field("Reason")).toHaveValue("complaint");
  await editor.field("Reason").fill("needs_human");
  await expect(editor.inspector.getByTestId("field-error")).toHaveCount(0);
  await editor.field("Pre-handoff utterance").fill("Connecting you, $customer_id");
  await expect(
    editor.field("Pre-handoff utterance").locator("..").locator('mark[data-variable="customer_id"]'),
  ).toHaveAttribute("data-known", "true");
  const card = editor.node(handoff);
  await expect(card.getByTestId("node-destination")).toContainText("Billing Support");
  await expect(card).toContainText("INVITE");
  await expect(card.getByTestId("node-reason")).toContainText("needs_human");
  await editor.waitSaved();

  await page.reload();
  await editor.waitReady();
  await expect(editor.edges()).toHaveCount(2);
  await expect(editor.node(say)).toContainText("One moment please");
  await expect(editor.node(handoff).getByTestId("node-reason")).toContainText("needs_human");
  await editor.select(handoff);
  await expect(editor.field("Destination")).toHaveValue(
    listDestinations(db, agentId).find((d) => d.name === "Billing Support")!.id,
  );
  await expect(editor.field("Reason")).toHaveValue("needs_human");
  await expect(editor.field("Pre-handoff utterance")).toHaveValue("Connecting you, $customer_id");
  // Nothing view-only was saved.
  const row = db.select().from(flows).where(eq(flows.id, flowId)).get()!;
  expect(JSON.stringify(row.nodes)).not.toMatch(/selected|measured|dragging/);
});

test("delete a node with its edges, undo and redo; copy and paste; shortcuts help", async ({ page, agentId, db }) => {
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, mainLineId(db, agentId));
  const edgesBefore = await editor.edges().count();
  await editor.select("sorry");
  await page.keyboard.press("Delete");
  await expect(editor.node("sorry")).toHaveCount(0);
  await expect(editor.edges()).toHaveCount(edgesBefore - 2);
  await page.keyboard.press("Control+z");
  await expect(editor.node("sorry")).toBeVisible();
  await expect(editor.edges()).toHaveCount(edgesBefore);
  await page.keyboard.press("Control+Shift+z");
  await expect(editor.node("sorry")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(editor.node("sorry")).toBeVisible();

  await editor.select("sorry");
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(editor.nodesOfKind("say")).toHaveCount(2);
  const copy = await editor.selectedNodeId();
  expect(copy).not.toBe("sorry");

  // Typing in a field: Backspace edits the text, not the canvas.
  await editor.field("Utterance").press("End");
  await editor.field("Utterance").press("Backspace");
  await expect(editor.node(copy)).toBeVisible();

  // A new listen branch gets its own handle, which can be wired at once.
  const listen = await editor.dragFromPalette("listen", -150, -150);
  await editor.inspector.getByRole("button", { name: "+ Add branch" }).click();
  await editor.field("Branch 1 label").fill("Yes");
  await editor.field("Branch 1 keywords").fill("yes");
  const branchHandle = editor.node(listen).locator(".react-flow__handle.source").first();
  await expect(branchHandle).toHaveAttribute("data-label", "Yes");
  const branch = (await branchHandle.getAttribute("data-handleid"))!;
  const edgeCount = await editor.edges().count();
  await editor.connect(listen, branch, listen); // a retry loop: both handles are on screen
  await expect(editor.edges()).toHaveCount(edgeCount + 1);

  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(page.getByTestId("shortcuts")).toContainText("Undo");
});

test("a handoff without a destination (agent has no default) is a lint problem until one is chosen", async ({
  page,
  agentId,
  db,
}) => {
  for (const d of listDestinations(db, agentId)) deleteDestination(db, agentId, d.id);
  const created = createFlow(db, agentId, {
    name: "No default",
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "" } },
      {
        id: "transfer",
        type: "handoff",
        position: { x: 0, y: 200 },
        data: { destinationId: null, reason: "", utterance: "", overrideFunction: null },
      },
    ],
    edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "transfer" }],
  });
  if (!created.ok) throw new Error("could not create the flow");
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, created.flow.id);

  const problem = page.locator('[data-testid="problem"][data-rule="handoff-no-destination"]');
  await expect(problem).toContainText("no default destination");
  await expect(editor.node("transfer").getByTestId("node-problem-count")).toHaveText("1");
  await problem.click();
  await expect(editor.inspector).toContainText("transfer");

  await editor.field("Destination").selectOption({ label: "New destination…" });
  const modal = page.getByTestId("destination-modal");
  await modal.getByLabel("Name", { exact: true }).fill("Desk");
  await modal.getByLabel("Route", { exact: true }).fill("sip:desk@pbx.acme.example");
  await modal.getByRole("button", { name: "Add", exact: true }).click();
  await expect(modal).toHaveCount(0);
  await expect(editor.field("Destination").locator("option:checked")).toHaveText(/Desk/);
  await expect(problem).toHaveCount(0);
  await expect(editor.node("transfer").getByTestId("node-problem-count")).toHaveCount(0);
  await expect(editor.node("transfer").getByTestId("node-reason")).toContainText("Desk (destination name)");
});

test("leaving saves: an in-app link waits for the save, and leaving the page sends a keepalive save", async ({
  page,
  agentId,
  db,
}) => {
  const flowId = mainLineId(db, agentId);
  const utterance = () =>
    (getFlow(db, agentId, flowId)!.nodes.find((n) => n.id === "sorry")!.data as { utterance: string }).utterance;
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flowId);
  await editor.select("sorry");
  await editor.field("Utterance").fill("Saved before the link");
  await page.getByTestId("flow-editor").getByRole("link", { name: "Flows", exact: true }).click();
  await page.waitForURL(/\/flows$/);
  expect(utterance()).toBe("Saved before the link");

  await editor.goto(agentId, flowId);
  await editor.select("sorry");
  await editor.field("Utterance").fill("Saved on the way out");
  await page.goto("about:blank");
  await expect.poll(utterance).toBe("Saved on the way out");
});

test("a stale save shows the banner: reload theirs, or save mine as a copy", async ({ page, context, agentId, db }) => {
  const flowId = mainLineId(db, agentId);
  const mine = new FlowEditorPage(page);
  const other = new FlowEditorPage(await context.newPage());
  await mine.goto(agentId, flowId);
  await other.goto(agentId, flowId);

  await other.select("sorry");
  await other.field("Utterance").fill("Theirs, first");
  await other.waitSaved();

  await mine.select("sorry");
  await mine.field("Utterance").fill("Mine, first");
  await expect(mine.staleBanner).toBeVisible();
  await expect(mine.status).toHaveAttribute("data-status", "stale");
  await mine.staleBanner.getByRole("button", { name: "Reload theirs" }).click();
  await expect(mine.staleBanner).toHaveCount(0);
  await expect(mine.node("sorry")).toContainText("Theirs, first");
  await expect(mine.status).toHaveAttribute("data-status", "saved");

  await other.page.reload();
  await other.waitReady();
  await other.select("sorry");
  await other.field("Utterance").fill("Theirs, second");
  await other.waitSaved();

  await mine.select("sorry");
  await mine.field("Utterance").fill("Mine, second");
  await expect(mine.staleBanner).toBeVisible();
  await mine.staleBanner.getByRole("button", { name: "Save mine as a copy" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith(flowId));
  await mine.waitReady();
  await expect(page.getByTestId("flow-name")).toHaveText("Main line (copy)");
  await expect(mine.node("sorry")).toContainText("Mine, second");
  await other.page.reload();
  await other.waitReady();
  await expect(other.node("sorry")).toContainText("Theirs, second");
});

test("import: an invalid file lists each problem's path and changes nothing; a valid one replaces the canvas (undoable)", async ({
  page,
  agentId,
  db,
}) => {
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, mainLineId(db, agentId));
  const count = await page.locator(".react-flow__node").count();

  const bad = {
    format: "switchboard.flow",
    version: 1,
    name: "Broken",
    nodes: [
      { id: "a", type: "start", position: { x: 0, y: 0 }, data: { greeting: "" } },
      { id: "b", type: "say", position: { x: 0, y: 100 }, data: { utterance: 5 } },
      {
        id: "c",
        type: "handoff",
        position: { x: 0, y: 200 },
        data: { destinationId: null, reason: 7, utterance: "", overrideFunction: null },
      },
    ],
    edges: [{ id: "e", source: "a", sourceHandle: "next", target: "zzz" }],
  };
  await page.getByTestId("import-file").setInputFiles({
    name: "broken.flow.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const list = page.getByTestId("import-error-list");
  await expect(list).toContainText("nodes[1].data.utterance");
  await expect(list).toContainText("nodes[2].data.reason");
  await page.getByTestId("import-errors").getByRole("button", { name: "OK" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(count);
  await expect(editor.status).toHaveAttribute("data-status", "saved");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Main line.flow.json");
  const exported = JSON.parse(await readFile((await file.path())!, "utf8"));
  expect(JSON.stringify(exported)).not.toMatch(/selected|measured/);
  const small = { ...exported, nodes: exported.nodes.slice(0, 2), edges: [] };
  await page.getByTestId("import-file").setInputFiles({
    name: "small.flow.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(small)),
  });
  await expect(page.locator(".react-flow__node")).toHaveCount(2);
  await page.keyboard.press("Control+z");
  await expect(page.locator(".react-flow__node")).toHaveCount(count);
});

test("a flow emptied of every node opens, after a reload, with the problem that calls have nowhere to begin", async ({
  page,
  agentId,
}) => {
  const editor = new FlowEditorPage(page);
  await editor.createFromList(agentId, "Empty line");
  const noStart = editor.problems.filter({ hasText: "Add a Start node" });
  await expect(noStart).toHaveCount(0);

  await editor.node("start").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Delete");
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  await editor.waitSaved();

  // Lint runs once the (empty) canvas has painted, as it does for a flow with nodes.
  await page.reload();
  await expect(page.getByTestId("flow-editor")).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
  await expect(noStart).toHaveCount(1);
});
