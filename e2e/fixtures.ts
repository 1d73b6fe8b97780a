import { test as base, expect } from "@playwright/test";
import { openDb, type Db } from "../db/client";
import { seedDemoAgent } from "../db/seed";
import { renameAgent } from "../db/repositories/agents";
import { E2E_DB } from "../playwright.config";

/**
 * Each test gets its own freshly seeded demo agent, written straight into the server's database
 * file, so tests can run in parallel without seeing each other's changes.
 */
export const test = base.extend<{ db: Db; agentId: string }>({
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
