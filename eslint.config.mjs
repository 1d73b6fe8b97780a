import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const frameworkImports = [
  { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/ is pure TypeScript: no React." },
  { group: ["next", "next/*"], message: "lib/ is pure TypeScript: no Next.js." },
  { group: ["@xyflow/*"], message: "lib/ is pure TypeScript: no @xyflow." },
  {
    group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"],
    message: "lib/ is pure TypeScript: persistence lives in db/.",
  },
  {
    group: ["@/components/*", "@/db/*", "@/app/*", "../components/*", "../db/*", "../app/*"],
    message: "lib/ never imports the layers above it.",
  },
];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "public/**",
      "next-env.d.ts",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-undef": "off",
    },
  },
  {
    files: ["**/*.tsx", "components/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
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
