import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { getFlow, listFlows } from "../db/repositories/flows";
import type { Db } from "../db/client";

/**
 * The editor never opens stale: whatever way a person comes back to a flow (reload, Back,
 * Forward), it shows the latest saved version, and their next edit saves without a conflict.
 */

function mainLineId(db: Db, agentId: string): string {
  const flow = listFlows(db, agentId).find((f) => f.name === "Main line");
  if (!flow) throw new Error("the demo agent has no Main line flow");
  return flow.id;
}

function storedUtterance(db: Db, agentId: string, flowId: string, nodeId: string): string {
  const node = getFlow(db, agentId, flowId)!.nodes.find((n) => n.id === nodeId)!;
  return (node.data as { utterance: string }).utterance;
}

/** The next edit saves cleanly: no banner, and the database has it. */
async function nextEditSaves(editor: FlowEditorPage, db: Db, agentId: string, flowId: string, text: string) {
  await editor.select("sorry");
  await editor.field("Utterance").fill(text);
  await editor.waitSaved();
  await expect(editor.staleBanner).toHaveCount(0);
  expect(storedUtterance(db, agentId, flowId, "sorry")).toBe(text);
}

test("reloading at once after an edit shows the edit, and the next edit saves without a conflict", async ({
  page,
  agentId,
  db,
}) => {
  const flowId = mainLineId(db, agentId);
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flowId);
  await editor.select("sorry");
  await editor.field("Utterance").fill("Edited just before the reload");
  await page.reload();
  await editor.waitReady();

  await expect(editor.node("sorry")).toContainText("Edited just before the reload");
  expect(storedUtterance(db, agentId, flowId, "sorry")).toBe("Edited just before the reload");
  await nextEditSaves(editor, db, agentId, flowId, "The edit after the reload");
  await page.reload();
  await editor.waitReady();
  await expect(editor.node("sorry")).toContainText("The edit after the reload");
});

test("on a slow connection, reloading while the autosave is still uploading keeps the edit", async ({
  page,
  agentId,
  db,
}) => {
  const flowId = mainLineId(db, agentId);
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flowId);
  // The autosave (a server action: a POST with a Next-Action header) takes 3 s to get through.
  await page.route(
    (url) => url.pathname.endsWith(flowId),
    async (route) => {
      if (route.request().method() === "POST" && route.request().headers()["next-action"])
        await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue().catch(() => {});
    },
  );
  await editor.select("sorry");
  const uploading = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await editor.field("Utterance").fill("Edited on a slow line");
  await uploading;
  await page.reload();
  // The upload that was cut off by the reload never arrives.
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await editor.waitReady();

  await expect(editor.node("sorry")).toContainText("Edited on a slow line");
  expect(storedUtterance(db, agentId, flowId, "sorry")).toBe("Edited on a slow line");
  await nextEditSaves(editor, db, agentId, flowId, "The edit after the slow reload");
});

test("open a flow from the list, edit, go Back to Flows, then Forward: the editor shows the edit", async ({
  page,
  agentId,
  db,
}) => {
  const flowId = mainLineId(db, agentId);
  const editor = new FlowEditorPage(page);
  await page.goto(`/agents/${agentId}/flows`);
  await page.getByRole("link", { name: "Main line", exact: true }).click();
  await page.waitForURL(new RegExp(`/flows/${flowId}$`));
  await editor.waitReady();
  await editor.select("sorry");
  await editor.field("Utterance").fill("Saved before going Back");
  await editor.waitSaved();

  await page.goBack();
  await page.waitForURL(/\/flows$/);
  await expect(page.getByTestId("flow-list")).toBeVisible();
  await page.goForward();
  await page.waitForURL(new RegExp(`/flows/${flowId}$`));
  await editor.waitReady();

  await expect(editor.node("sorry")).toContainText("Saved before going Back");
  await nextEditSaves(editor, db, agentId, flowId, "The edit after Forward");
});

test("leave the editor by its Flows link, then Back: the editor shows the edit", async ({ page, agentId, db }) => {
  const flowId = mainLineId(db, agentId);
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flowId);
  await editor.select("sorry");
  await editor.field("Utterance").fill("Saved before the link");
  await editor.waitSaved();
  await page.getByTestId("flow-editor").getByRole("link", { name: "Flows", exact: true }).click();
  await page.waitForURL(/\/flows$/);
  await expect(page.getByTestId("flow-list")).toBeVisible();

  await page.goBack();
  await page.waitForURL(new RegExp(`/flows/${flowId}$`));
  await editor.waitReady();
  await expect(editor.node("sorry")).toContainText("Saved before the link");
  await nextEditSaves(editor, db, agentId, flowId, "The edit after Back");
});
