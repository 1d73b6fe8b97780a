import { test, expect } from "./fixtures";
import { FunctionsPage } from "./pages/FunctionsPage";

// Python starts in ~2.5 s on an idle machine; leave room for a busy CI box.
test.describe.configure({ timeout: 180_000 });

test("create from the transfer_call template, edit in Monaco, save with Ctrl+S, run with tier=gold; nothing leaves the origin", async ({
  page,
  agentId,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const offOrigin: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) offOrigin.push(url);
  });
  const fns = new FunctionsPage(page);
  await fns.goto(agentId);
  await expect(fns.row("route_vip")).toBeVisible();
  await fns.create("vip_router", "transfer_call");

  // Type a change (the metric's value 1 becomes 2). The buffer is dirty until saved.
  await fns.typeAtEndOfLine(8, "");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("2)");
  await expect(page.getByTestId("dirty-indicator")).toBeVisible();
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("dirty-indicator")).toBeHidden();
  await expect(page.getByTestId("save-state")).toContainText("Saved");

  await fns.waitForPython();
  await fns.setState("tier", "gold");
  const result = await fns.run();
  await expect(result).toHaveAttribute("data-ok", "true");
  await expect(result.getByTestId("handoff-route")).toHaveText("sip:vip@pbx.acme.example");
  await expect(result.getByTestId("handoff-header")).toHaveText(["X-Tier: gold", "X-Customer-ID: abc123"]);
  await expect(result.getByTestId("handoff-method")).toHaveText("SIP REFER");
  await expect(result.getByTestId("handoff-utterance")).toHaveText("Connecting you to our VIP team.");
  await expect(result.getByTestId("metrics")).toContainText("vip_transfers = 2");
  await expect(result.getByTestId("logs")).toContainText("routing");

  // The change was saved: a reload shows it.
  await page.reload();
  await fns.waitForEditor();
  await expect(page.locator(".monaco-editor .view-lines")).toContainText('conv.write_metric("vip_transfers", 2)');
  expect(offOrigin).toEqual([]);
});

test("a runaway function is stopped with a clear message and the next run works", async ({ page, agentId }) => {
  const fns = new FunctionsPage(page);
  await fns.goto(agentId);
  await fns.create("spin", "Blank");
  await fns.replaceCode("def spin(conv):\n    while True: pass\n");
  await fns.waitForPython();
  const started = Date.now();
  const result = await fns.run();
  expect(Date.now() - started).toBeLessThan(5000);
  await expect(result.getByTestId("run-error")).toHaveAttribute("data-kind", "timeout");
  await expect(result.getByTestId("run-error")).toContainText("spin did not finish within 2000 ms and was stopped");
  // The page stayed responsive; fix the code and run again on a fresh worker.
  await fns.replaceCode('def spin(conv):\n    return "back again"\n');
  const next = await fns.run();
  await expect(next).toHaveAttribute("data-ok", "true");
  await expect(next.getByTestId("agent-says")).toContainText("back again");
});

test("syntax errors are underlined as you type; exceptions mark the failing line", async ({ page, agentId }) => {
  const fns = new FunctionsPage(page);
  await fns.goto(agentId);
  await fns.create("broken", "Blank");
  await fns.waitForPython();
  await fns.replaceCode("def broken(conv):\n    return (1\n");
  await expect(page.getByTestId("syntax-status")).toContainText("SyntaxError on line 2");
  await expect(page.locator(".monaco-editor .squiggly-error")).not.toHaveCount(0);
  await fns.replaceCode('def broken(conv):\n    x = 1\n    conv.transfer_call("not a route")\n');
  await expect(page.getByTestId("syntax-status")).toHaveCount(0);
  await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(0);
  const result = await fns.run();
  await expect(result.getByTestId("error-message")).toContainText(
    "ValueError: conv.transfer_call: route 'not a route'",
  );
  await expect(result.getByTestId("traceback")).toContainText("line 3, in broken");
  await expect(page.getByTestId("code-editor")).toHaveAttribute("data-markers", "1");
  await expect(page.locator(".monaco-editor .squiggly-error")).not.toHaveCount(0);
});

test("leaving with unsaved changes asks first", async ({ page, agentId }) => {
  const fns = new FunctionsPage(page);
  await fns.goto(agentId);
  await fns.row("route_vip").getByTestId("function-name").click();
  await fns.waitForEditor();
  await fns.typeAtEndOfLine(1, "  # edited");
  await expect(page.getByTestId("dirty-indicator")).toBeVisible();

  // In-app link: dismissing the question keeps us here.
  const dialogs: string[] = [];
  page.once("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.getByRole("link", { name: "Call Handoffs" }).click();
  await expect.poll(() => dialogs).toEqual(["You have unsaved changes to this function. Leave without saving?"]);
  await expect(page.getByTestId("function-editor")).toBeVisible();

  // Reload: the browser's beforeunload prompt.
  page.once("dialog", (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  await page.reload({ timeout: 3000 }).catch(() => {});
  await expect.poll(() => dialogs).toContain("beforeunload");
  await expect(page.getByTestId("dirty-indicator")).toBeVisible();

  // Accepting leaves.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("link", { name: "Call Handoffs" }).click();
  await expect(page.getByRole("heading", { name: "Call Handoffs" })).toBeVisible();
});

test("rename and delete; deleting a function a flow uses names its nodes first", async ({ page, agentId, db }) => {
  const now = new Date().toISOString();
  db.$client
    .prepare(
      "INSERT INTO flows (id, agent_id, name, name_key, nodes, edges, created_at, updated_at) VALUES (?, ?, 'VIP flow', ?, ?, '[]', ?, ?)",
    )
    .run(
      `flow_${agentId}`,
      agentId,
      `vip flow ${agentId}`,
      JSON.stringify([
        {
          id: "vip_handoff",
          type: "handoff",
          position: { x: 0, y: 0 },
          data: { destinationId: null, reason: "", utterance: "", overrideFunction: "route_vip" },
        },
      ]),
      now,
      now,
    );
  const fns = new FunctionsPage(page);
  await fns.goto(agentId);
  await expect(fns.row("route_vip").getByTestId("usage-count")).toContainText("Used by");

  await fns.row("route_vip").getByRole("button", { name: "Rename" }).click();
  const rename = page.getByTestId("rename-function-modal");
  await rename.getByLabel("Name").fill("class");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename.getByRole("alert")).toHaveText("class is a Python keyword; choose another name");
  await rename.getByLabel("Name").fill("send_vip");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByTestId("notice")).toContainText(/Renamed to send_vip and updated \d+ flow nodes?/);

  await fns.row("send_vip").getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByTestId("delete-function-dialog");
  await expect(dialog.getByTestId("function-usages").getByRole("listitem").filter({ hasText: "VIP flow" })).toHaveText(
    // A node stored before titles existed is named by its default title; the id is only a tooltip.
    "VIP flow: handoff node override “Handoff: Front desk”",
  );
  await dialog.getByRole("button", { name: "Delete anyway" }).click();
  await expect(dialog).toBeHidden();
  await expect(fns.row("send_vip")).toHaveCount(0);
  await expect(page.getByTestId("notice")).toHaveText("Deleted send_vip");
});
