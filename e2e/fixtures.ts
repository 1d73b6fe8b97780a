import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page } from "@playwright/test";
import { openDb, type Db } from "../db/client";
import { seedDemoAgent } from "../db/seed";
import { renameAgent } from "../db/repositories/agents";
import type { Role } from "../lib/auth/roles";
import { E2E_BASE_URL, E2E_DB } from "../playwright.config";
import { E2E_MEMBERS, ensureMember, signInState, type StorageState } from "./accounts";

/**
 * Each test gets its own freshly seeded demo agent, written straight into the server's database
 * file, so tests can run in parallel without seeing each other's changes. Every page needs a
 * signed-in member: each worker signs the admin in once (through the sign-in page) and every test
 * starts with that session; `pageAs(role)` opens a page signed in as another role, also once per worker.
 *
 * Every test also fails on a Content-Security-Policy violation anywhere in its browser contexts
 * (see `watchCspViolations`).
 */
export const test = base.extend<
  { db: Db; agentId: string; pageAs: (role: Role) => Promise<Page> },
  { workerDb: Db; stateFor: (role: Role) => Promise<StorageState> }
>({
  context: async ({ context }, use) => {
    const violations = await watchCspViolations(context);
    await use(context);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
  workerDb: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const db = openDb(E2E_DB);
      await use(db);
      db.$client.close();
    },
    { scope: "worker" },
  ],
  stateFor: [
    async ({ browser, workerDb }, use) => {
      const states = new Map<Role, Promise<StorageState>>();
      await use((role) => {
        let state = states.get(role);
        if (!state) {
          const { email, name } = E2E_MEMBERS[role];
          state = ensureMember(workerDb, email, name, role).then(() => signInState(browser, E2E_BASE_URL, email));
          states.set(role, state);
        }
        return state;
      });
    },
    { scope: "worker" },
  ],
  storageState: async ({ stateFor }, use) => {
    await use(await stateFor("admin"));
  },
  pageAs: async ({ browser, stateFor }, use) => {
    const contexts: { context: BrowserContext; violations: string[] }[] = [];
    await use(async (role) => {
      const context = await browser.newContext({ baseURL: E2E_BASE_URL, storageState: await stateFor(role) });
      contexts.push({ context, violations: await watchCspViolations(context) });
      return context.newPage();
    });
    for (const { context, violations } of contexts) {
      await context.close();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    }
  },
  // eslint-disable-next-line no-empty-pattern
  db: async ({}, use) => {
    const db = openDb(E2E_DB);
    await use(db);
    db.$client.close();
  },
  agentId: async ({ db }, use, testInfo) => {
    const id = seedDemoAgent(db);
    renameAgent(db, id, `Acme ${testInfo.testId.slice(0, 6)}`);
    await use(id);
  },
});

export { expect };

/**
 * Collects, from now on, every Content-Security-Policy violation in the context's pages and in
 * the workers they start from blob: URLs, and console messages that mention the policy.
 */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding("__reportCspViolation", ({ page }, text: string) => {
    violations.push(`${page.url()}: ${text}`);
  });
  await context.addInitScript(listenForViolations);
  const onConsole = (message: ConsoleMessage) => {
    if (/content[ -]security[ -]policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  };
  context.on("console", onConsole);
  context.on("page", (page) => page.on("worker", (worker) => worker.on("console", onConsole)));
  return violations;
}

/**
 * Runs in every document before its scripts: reports each `securitypolicyviolation` to the test.
 * Chromium logs no console message for most violations, and fires the event only in the global
 * scope where it happened, so workers need their own listener. A worker started from a blob: URL
 * runs under the page's policy (Monaco starts its workers so); it is started instead from a
 * wrapper that listens, tells the page over a BroadcastChannel, then loads the original script.
 * Workers from same-origin URLs run under their own response's policy and are left alone.
 */
function listenForViolations() {
  const report = (text: string) =>
    (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(text);
  const describe = (e: SecurityPolicyViolationEvent) =>
    `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`;
  document.addEventListener("securitypolicyviolation", (e) => report(describe(e)));

  const CHANNEL = "__csp-violations";
  new BroadcastChannel(CHANNEL).onmessage = (m) => report(`in a worker: ${m.data}`);
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = createObjectURL(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  const listen = `const c = new BroadcastChannel(${JSON.stringify(CHANNEL)});
self.addEventListener("securitypolicyviolation", (e) => c.postMessage(
  e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber + " " + e.sample));
`;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      const blob = blobs.get(String(url));
      if (!blob) {
        super(url, options);
        return;
      }
      // A copy of the original under a URL of our own, which the page cannot revoke too early.
      const original = JSON.stringify(createObjectURL(blob));
      const load = options?.type === "module" ? `await import(${original});` : `importScripts(${original});`;
      super(createObjectURL(new Blob([listen + load], { type: "text/javascript" })), options);
    }
  };
}
