import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./db/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "proxy.test.ts",
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "auth/**/*.test.ts",
      "telephony/**/*.test.ts",
      "app/**/*.test.ts",
      "cli/**/*.test.ts",
      "components/**/*.test.ts",
      "scripts/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    environment: "node",
    // A stray .only would silently skip the rest of the suite.
    allowOnly: false,
    pool: "forks",
    testTimeout: 20_000,
  },
});
