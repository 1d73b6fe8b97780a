import AxeBuilder from "@axe-core/playwright";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { HandoffsPage } from "./pages/HandoffsPage";
import { insertConversation } from "../db/repositories/conversations";
import { createFlow, listFlows } from "../db/repositories/flows";
import { findFunctionByName } from "../db/repositories/functions";
import { publishDraft } from "../db/repositories/versions";
import { sampleConversation } from "../lib/conversations/samples";

/** axe-core's WCAG 2.1 A and AA rules; serious and critical findings fail the test. */
async function seriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Every page on disk (`app/**\/page.tsx`) and how to open it: a URL for this test's agent and what
 * shows once it is ready. A page added without an entry fails the sweep, so none is skipped silently.
 */
type PageVisit = { url: string; ready: (page: Page) => Promise<unknown> };
const heading = (name: string) => (page: Page) =>
  expect(page.getByRole("heading", { name, exact: true }).first()).toBeVisible();

/** Pages the sweep does not open: benchmark baselines, not linked from the UI. */
const NOT_SWEPT = new Set(["bench/canvas/page.tsx", "bench/python/page.tsx"]);

function pageFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? pageFiles(path.join(dir, e.name), `${prefix}${e.name}/`)
      : e.name === "page.tsx"
        ? [`${prefix}${e.name}`]
        : [],
  );
}

test("every page passes axe-core without serious or critical violations, signed in and signed out", async ({
  page,
  browser,
  agentId,
  db,
}) => {
  test.setTimeout(300_000);
  const flowId = listFlows(db, agentId).find((f) => f.name === "Main line")!.id;
  const fnId = findFunctionByName(db, agentId, "route_vip")!.id;
  const stored = insertConversation(db, {
    ...sampleConversation(agentId, 1, new Date("2026-01-02T10:00:00Z")),
    id: `conv_a11y_${agentId.slice(-6)}`,
  });
  if (!stored.ok) throw new Error("could not store a conversation");
  const published = publishDraft(db, agentId, { note: "a11y", author: "e2e", acceptLintErrors: true });
  if (!published.ok) throw new Error("could not publish a version");
  const a = `/agents/${agentId}`;
  const visits: Record<string, PageVisit> = {
    "page.tsx": { url: "/", ready: (p) => expect(p).toHaveURL(/\/agents\/agt_[^/]+\/flows$/) },
    "agents/new/page.tsx": { url: "/agents/new", ready: heading("Create your first agent") },
    "agents/[agentId]/page.tsx": { url: a, ready: (p) => expect(p).toHaveURL(`${a}/flows`) },
    "agents/[agentId]/flows/page.tsx": { url: `${a}/flows`, ready: heading("Flows") },
    "agents/[agentId]/flows/[flowId]/page.tsx": {
      url: `${a}/flows/${flowId}`,
      ready: (p) => new FlowEditorPage(p).waitReady(),
    },
    "agents/[agentId]/simulator/page.tsx": {
      url: `${a}/simulator`,
      ready: (p) => expect(p.getByRole("button", { name: "Start call" })).toBeVisible(),
    },
    "agents/[agentId]/handoffs/page.tsx": { url: `${a}/handoffs`, ready: heading("Call Handoffs") },
    "agents/[agentId]/variables/page.tsx": { url: `${a}/variables`, ready: heading("Variables") },
    "agents/[agentId]/knowledge/page.tsx": { url: `${a}/knowledge`, ready: heading("Knowledge") },
    "agents/[agentId]/functions/page.tsx": { url: `${a}/functions`, ready: heading("Functions") },
    "agents/[agentId]/scenarios/page.tsx": {
      url: `${a}/scenarios`,
      ready: (p) => expect(p.getByTestId("scenario-row").first()).toBeVisible(),
    },
    "agents/[agentId]/functions/[functionId]/page.tsx": {
      url: `${a}/functions/${fnId}`,
      ready: (p) => expect(p.getByTestId("code-editor")).toHaveAttribute("data-ready", "true", { timeout: 30_000 }),
    },
    "agents/[agentId]/conversations/page.tsx": {
      url: `${a}/conversations`,
      ready: (p) => expect(p.getByTestId("conversation-row").first()).toBeVisible(),
    },
    "agents/[agentId]/conversations/[conversationId]/page.tsx": {
      url: `${a}/conversations/${stored.conversation.id}`,
      ready: (p) => expect(p.getByTestId("conversation")).toBeVisible(),
    },
    "agents/[agentId]/versions/page.tsx": { url: `${a}/versions`, ready: heading("Versions") },
    "agents/[agentId]/versions/[number]/page.tsx": {
      url: `${a}/versions/${published.version.number}`,
      ready: (p) => expect(p.getByRole("heading", { name: `Version ${published.version.number}` })).toBeVisible(),
    },
    "agents/[agentId]/versions/compare/page.tsx": {
      url: `${a}/versions/compare?from=${published.version.number}&to=draft`,
      ready: (p) => expect(p.getByRole("heading", { name: "Compare" })).toBeVisible(),
    },
    "agents/[agentId]/settings/page.tsx": {
      url: `${a}/settings`,
      ready: (p) => expect(p.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible(),
    },
    "agents/[agentId]/settings/members/page.tsx": {
      url: `${a}/settings/members`,
      ready: (p) => expect(p.getByRole("heading", { name: "Members", level: 2 })).toBeVisible(),
    },
    "agents/[agentId]/settings/audit/page.tsx": {
      url: `${a}/settings/audit`,
      ready: (p) => expect(p.getByRole("heading", { name: "Audit log", level: 2 })).toBeVisible(),
    },
    "agents/[agentId]/settings/telephony/page.tsx": {
      url: `${a}/settings/telephony`,
      ready: (p) => expect(p.getByRole("heading", { name: "Telephony", level: 2 })).toBeVisible(),
    },
  };
  const onDisk = pageFiles(path.join(process.cwd(), "app")).filter(
    (f) => !NOT_SWEPT.has(f) && f !== "sign-in/page.tsx",
  );
  expect(Object.keys(visits).sort(), "every page has a visit (add the new page here)").toEqual(onDisk.sort());

  const found: string[] = [];
  for (const [file, { url, ready }] of Object.entries(visits)) {
    await page.goto(url);
    await ready(page);
    found.push(...(await seriousViolations(page, file)));
  }
  // The editor's panels and a dialog, as people open them.
  await page.goto(`${a}/flows/${flowId}`);
  const editor = new FlowEditorPage(page);
  await editor.waitReady();
  await editor.select("intent");
  found.push(...(await seriousViolations(page, "flow editor, listen inspector")));
  await page.getByRole("tab", { name: "Simulate" }).click();
  await expect(page.getByRole("button", { name: "Start call" })).toBeVisible();
  found.push(...(await seriousViolations(page, "flow editor, simulate")));
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.openAdd();
  found.push(...(await seriousViolations(page, "destination dialog")));

  // Signed out: the sign-in page (where every other page sends a signed-out visitor).
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signedOut = await context.newPage();
  await signedOut.goto(`${a}/flows`);
  await expect(signedOut).toHaveURL(/\/sign-in\?next=/);
  await expect(signedOut.getByRole("heading", { name: "Sign in" })).toBeVisible();
  found.push(...(await seriousViolations(signedOut, "sign-in/page.tsx (signed out)")));
  await context.close();
  expect(found, found.join("\n")).toEqual([]);
});

test("keyboard only: add nodes from the palette, connect them with Connect to…, delete one", async ({
  page,
  agentId,
  db,
}) => {
  const created = createFlow(db, agentId, {
    name: "Keyboard",
    nodes: [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "Hello" } }],
    edges: [],
  });
  if (!created.ok) throw new Error("could not create the flow");
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, created.flow.id);

  // Focus the Start node and select it with Enter, as a keyboard user tabbing onto the canvas does.
  await editor.node("start").focus();
  await page.keyboard.press("Enter");
  await expect(editor.node("start")).toHaveClass(/selected/);

  // The palette's buttons add below the selected node and connect it; the new node is selected,
  // so the next one continues the chain.
  await page.getByTestId("palette-say").focus();
  await page.keyboard.press("Enter");
  await expect(editor.nodesOfKind("say")).toHaveCount(1);
  const say = await editor.selectedNodeId();
  await page.getByTestId("palette-end").focus();
  await page.keyboard.press("Enter");
  await expect(editor.nodesOfKind("end")).toHaveCount(1);
  const end = await editor.selectedNodeId();
  await expect(editor.edges()).toHaveCount(2);

  // Connect to…: Start's "Next" goes straight to End now, chosen from the keyboard.
  await editor.node("start").focus();
  await page.keyboard.press("Enter");
  await expect(editor.node("start")).toHaveClass(/selected/);
  const menu = editor.inspector.getByLabel("Connect “Next” to…");
  await menu.focus();
  await menu.selectOption({ label: "End" });
  await expect(menu).toHaveValue(end);
  await expect(editor.edges()).toHaveCount(2);
  await expect(editor.node(say).getByTestId("node-problem-count")).toBeVisible(); // unreachable now

  // Delete Say: focus it, select it with Enter, press Delete; its edge goes with it.
  await editor.node(say).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Delete");
  await expect(editor.node(say)).toHaveCount(0);
  await expect(editor.edges()).toHaveCount(1);
  await editor.node("start").focus();
  await page.keyboard.press("Enter");
  await expect(editor.inspector.getByLabel("Connect “Next” to…")).toHaveValue(end);
});
