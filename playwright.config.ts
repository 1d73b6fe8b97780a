import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;
export const E2E_DB = process.env.E2E_DB || ".e2e-data/switchboard.db";
// The server's database lives alone in its folder, which each run starts afresh; E2E_DB and
// E2E_PORT let several checkouts run their suites side by side.
const E2E_DATA = path.dirname(E2E_DB);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // A stray test.only would silently skip the rest of the suite.
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Playwright never downloads a browser here: use the system Chromium.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // Against the production build (npm test builds first) and the production server, on a fresh database.
    // Migrated before the workers start, so they never race to create the schema.
    command: `rm -rf ${E2E_DATA} && mkdir -p ${E2E_DATA} && SWITCHBOARD_DB=${E2E_DB} npx tsx db/migrate-cli.ts && SWITCHBOARD_DB=${E2E_DB} PORT=${PORT} SWITCHBOARD_HOST=127.0.0.1 node scripts/serve.mjs`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
