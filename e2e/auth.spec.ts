import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { getFlow, listFlows } from "../db/repositories/flows";
import { listDestinations } from "../db/repositories/handoffs";
import { createApiKey } from "../db/repositories/api-keys";
import { findMemberByEmail } from "../db/repositories/users";
import { E2E_BASE_URL } from "../playwright.config";
import { E2E_MEMBERS, E2E_PASSWORD, ensureMember, signInState } from "./accounts";
import { test, expect } from "./fixtures";
import { AuditLogPage } from "./pages/AuditLogPage";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { HandoffsPage } from "./pages/HandoffsPage";
import { MembersPage } from "./pages/MembersPage";
import { SignInPage } from "./pages/SignInPage";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

test("first run: the first visit creates the admin account, then sign-up is closed", async ({ browser }) => {
  test.setTimeout(120_000);
  // A server of its own on a fresh database: the suite's server already has members.
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-first-run-"));
  const port = await freePort();
  const server = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      SWITCHBOARD_DB: path.join(dir, "fresh.db"),
      PORT: String(port),
      SWITCHBOARD_HOST: "127.0.0.1",
      WEB_CONCURRENCY: "1",
    },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await expect(async () => expect((await fetch(`${base}/sign-in`)).status).toBe(200)).toPass({ timeout: 60_000 });
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Create the admin account" })).toBeVisible();

    // Bad input is explained field by field and nothing is kept but what was typed.
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill("ada@example");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create admin account" }).click();
    await expect(page.getByText("Enter an email address like name@example.com")).toBeVisible();
    await expect(page.getByText("Passwords are at least 8 characters")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Ada Lovelace");

    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("analytical engine");
    await page.getByRole("button", { name: "Create admin account" }).click();
    // Signed in as the admin, on the seeded demo agent.
    await expect(page.getByTestId("agent-switcher")).toHaveText(/Acme Support/);
    await expect(page.getByTestId("viewer-role")).toHaveText("Admin");

    await new SignInPage(page).signOut();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByText("Create the admin account")).toHaveCount(0);
    await context.close();
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
});

test("signed out, a page sends you to sign in and back; a wrong password says so; sign out", async ({
  browser,
  agentId,
}) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const target = `/agents/${agentId}/handoffs`;
  await page.goto(target);
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(target)}`);

  const signIn = new SignInPage(page);
  await signIn.signIn(E2E_MEMBERS.admin.email, "not the password");
  await expect(signIn.formError()).toHaveText("Wrong email or password");
  await signIn.signIn("nobody@e2e.test", "not the password");
  await expect(signIn.formError()).toHaveText("Wrong email or password");

  await signIn.signIn(E2E_MEMBERS.admin.email, E2E_PASSWORD);
  await expect(page).toHaveURL(target);
  await expect(page.getByRole("heading", { name: "Call Handoffs" })).toBeVisible();
  await expect(page.getByTestId("user-menu")).toContainText(E2E_MEMBERS.admin.name);

  await signIn.signOut();
  await page.goto(target);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await context.close();
});

test("the return path after sign-in stays on this site", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in?next=//evil.example/steal");
  await new SignInPage(page).signIn(E2E_MEMBERS.admin.email, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/agents\/agt_/);
  await context.close();
});

test("QA sees destinations read-only, and the server refuses a crafted change", async ({
  page,
  pageAs,
  db,
  agentId,
}) => {
  // The admin's own edit, captured as the browser sends it: the server action's id and body.
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  const sent = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await handoffs.card("Front desk").getByRole("button", { name: "Edit" }).click();
  await handoffs.field("Description").fill("Edited by the admin");
  await handoffs.submit("Save");
  await expect(handoffs.modal).toBeHidden();
  const request = await sent;

  const qa = await pageAs("qa");
  await qa.goto(`/agents/${agentId}/handoffs`);
  await expect(qa.getByTestId("viewer-role")).toHaveText("QA");
  await expect(qa.getByTestId("destination-card")).toHaveCount(3);
  await expect(qa.getByRole("button", { name: "Add Handoff" })).toHaveCount(0);
  await expect(qa.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(qa.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(qa.getByTestId("read-only-note")).toBeVisible();

  // The same server action, replayed with QA's session and another description.
  const replay = await qa.request.post(request.url(), {
    headers: {
      "next-action": request.headers()["next-action"]!,
      "content-type": request.headers()["content-type"]!,
      accept: "text/x-component",
      origin: new URL(request.url()).origin,
    },
    data: request.postData()!.replace("Edited by the admin", "Forged by QA"),
  });
  expect(await replay.text()).toContain("Your role (QA) may not add, edit and delete handoff destinations");
  const frontDesk = () => listDestinations(db, agentId).find((d) => d.name === "Front desk")!;
  expect(frontDesk().description).toBe("Edited by the admin");

  // And through the API, with a key of QA's.
  const qaMember = findMemberByEmail(db, E2E_MEMBERS.qa.email)!;
  const { secret } = createApiKey(db, "qa key", qaMember);
  const api = await qa.request.patch(`/api/v1/agents/${agentId}/handoffs/${frontDesk().id}`, {
    headers: { authorization: `Bearer ${secret}` },
    data: { description: "Forged through the API" },
  });
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden");
  expect(frontDesk().description).toBe("Edited by the admin");
});

test("a designer edits flows but not functions", async ({ pageAs, db, agentId }) => {
  const designer = await pageAs("designer");
  await designer.goto(`/agents/${agentId}/flows`);
  await designer.getByRole("button", { name: "New flow" }).click();
  await designer.getByLabel("Flow name", { exact: true }).fill("Designer's flow");
  await designer.getByRole("button", { name: "Create", exact: true }).click();
  await designer.waitForURL(/\/flows\/flow_/);
  const editor = new FlowEditorPage(designer);
  await editor.waitReady();
  await expect(designer.getByTestId("palette-say")).toBeVisible();
  await editor.dragFromPalette("say", 0, 160);
  await editor.waitSaved();
  const saved = listFlows(db, agentId).find((f) => f.name === "Designer's flow")!;
  expect(saved.nodeCount).toBe(2);

  await designer.goto(`/agents/${agentId}/functions`);
  // The seeded route_vip and start_function.
  await expect(designer.getByTestId("function-row")).toHaveCount(2);
  await expect(designer.getByRole("button", { name: "New function" })).toHaveCount(0);
  await expect(designer.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await designer
    .getByTestId("function-row")
    .filter({ hasText: "route_vip" })
    .getByRole("button", { name: "View" })
    .click();
  await expect(designer.getByTestId("read-only-note")).toHaveText("Read-only: your role may not change functions");
  await expect(designer.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
});

test("QA opens a flow read-only: no palette, no Connect menus, the keyboard changes nothing", async ({
  pageAs,
  db,
  agentId,
}) => {
  const flow = listFlows(db, agentId).find((f) => f.name === "Main line")!;
  const before = JSON.stringify(getFlow(db, agentId, flow.id));
  const qa = await pageAs("qa");
  const editor = new FlowEditorPage(qa);
  await editor.goto(agentId, flow.id);
  await expect(qa.getByTestId("read-only-note")).toHaveText("Read-only: your role may not edit flows");
  await expect(qa.getByTestId("palette-say")).toHaveCount(0);
  await expect(qa.getByRole("button", { name: "Auto-layout" })).toHaveCount(0);
  const edges = await editor.edges().count();

  // Selected from the keyboard, a node shows its fields, all disabled, its Connect menu too.
  await editor.node("start").focus();
  await qa.keyboard.press("Enter");
  await expect(editor.node("start")).toHaveClass(/selected/);
  await expect(editor.inspector.getByLabel("Connect “Next” to…")).toBeDisabled();
  await qa.keyboard.press("Delete");
  await qa.keyboard.press("Control+v");
  await expect(editor.node("start")).toHaveCount(1);
  await expect(editor.edges()).toHaveCount(edges);
  await qa.reload();
  await editor.waitReady();
  expect(JSON.stringify(getFlow(db, agentId, flow.id))).toBe(before);
});

test("an admin changes a member's role and it applies on their next request", async ({
  page,
  browser,
  agentId,
}, testInfo) => {
  const email = `morgan-${testInfo.testId.slice(0, 8)}@e2e.test`;
  const members = new MembersPage(page);
  await members.goto(agentId);
  await members.add({ email, name: "Morgan", role: "designer", password: "morgan's password" });

  const context = await browser.newContext({
    storageState: await signInState(browser, E2E_BASE_URL, email, "morgan's password"),
  });
  const morgan = await context.newPage();
  await morgan.goto(`/agents/${agentId}/handoffs`);
  await expect(morgan.getByRole("button", { name: "Add Handoff" })).toBeVisible();

  await members.changeRole(email, "qa");
  await morgan.reload();
  await expect(morgan.getByTestId("viewer-role")).toHaveText("QA");
  await expect(morgan.getByRole("button", { name: "Add Handoff" })).toHaveCount(0);
  // Members is an admin page: a QA member gets a 403.
  const forbidden = await morgan.goto(`/agents/${agentId}/settings/members`);
  expect(forbidden?.status()).toBe(403);
  await expect(morgan.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await context.close();
});

test("the audit log shows a destination edit with its author", async ({ pageAs, page, agentId }) => {
  const designer = await pageAs("designer");
  const handoffs = new HandoffsPage(designer);
  await handoffs.goto(agentId);
  await handoffs.card("Billing Support").getByRole("button", { name: "Edit" }).click();
  await handoffs.field("Route").fill("sip:billing-2@pbx.acme.example");
  await handoffs.submit("Save");
  await expect(handoffs.modal).toBeHidden();

  const audit = new AuditLogPage(page);
  await audit.goto(agentId);
  await audit.filter("Agent", agentId);
  await expect(page).toHaveURL(new RegExp(`agent=${agentId}`));
  const row = audit.rows("destination.updated").first();
  await expect(row.getByTestId("audit-actor")).toHaveText(E2E_MEMBERS.designer.name);
  await expect(row.getByTestId("audit-target")).toHaveText("Billing Support");
  await expect(row.getByTestId("audit-summary")).toHaveText(
    'route "sip:billing@pbx.acme.example" → "sip:billing-2@pbx.acme.example"',
  );
});

test("sign out everywhere ends the member's sessions in every browser", async ({ browser, workerDb, agentId }) => {
  // A member of its own: signing the shared admin out everywhere would end other tests' sessions.
  const email = `everywhere-${test.info().workerIndex}@e2e.test`;
  await ensureMember(workerDb, email, "Eve Everywhere", "designer");
  const target = `/agents/${agentId}/handoffs`;
  const laptop = await browser.newContext({ storageState: await signInState(browser, E2E_BASE_URL, email) });
  const phone = await browser.newContext({ storageState: await signInState(browser, E2E_BASE_URL, email) });
  const onLaptop = await laptop.newPage();
  const onPhone = await phone.newPage();
  await onPhone.goto(target);
  await expect(onPhone.getByRole("heading", { name: "Call Handoffs" })).toBeVisible();

  await onLaptop.goto(target);
  await onLaptop.getByTestId("user-menu").click();
  await onLaptop.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  await expect(onLaptop).toHaveURL(/\/sign-in/);

  // The other browser's next request finds its session gone.
  await onPhone.reload();
  await expect(onPhone).toHaveURL(`/sign-in?next=${encodeURIComponent(target)}`);
  await laptop.close();
  await phone.close();
});
