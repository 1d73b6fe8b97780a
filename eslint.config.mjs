import js from "@eslint/js";
import tseslint from "typescript-eslint";

const frameworkImports = [
  { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/ is pure TypeScript: no React." },
  { group: ["next", "next/*"], message: "lib/ is pure TypeScript: no Next.js." },
  { group: ["@xyflow/*"], message: "lib/ is pure TypeScript: no @xyflow." },
  { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"], message: "lib/ is pure TypeScript: persistence lives in db/." },
  { group: ["@/components/*", "@/db/*", "@/app/*", "../components/*", "../db/*", "../app/*"], message: "lib/ never imports the layers above it." },
];

export default tseslint.config(
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "public/**", "next-env.d.ts", "db/migrations/**", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", TextEncoder: "readonly", TextDecoder: "readonly", window: "readonly", document: "readonly", navigator: "readonly", self: "readonly", Worker: "readonly", performance: "readonly", fetch: "readonly", Response: "readonly", Request: "readonly", Blob: "readonly", crypto: "readonly", structuredClone: "readonly", queueMicrotask: "readonly", setInterval: "readonly", clearInterval: "readonly", requestAnimationFrame: "readonly", localStorage: "readonly", HTMLElement: "readonly", HTMLInputElement: "readonly", KeyboardEvent: "readonly", MouseEvent: "readonly", Event: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-undef": "off",
    },
  },
  {
    // A deferred transaction that reads and then writes fails with SQLITE_BUSY when another server
    // process commits in between; db/transaction.ts begins every transaction IMMEDIATE.
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "Use writeTransaction(db, fn) from db/transaction.ts: it begins IMMEDIATE.",
        },
      ],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: frameworkImports }] },
  },
);
