import { readdirSync } from "node:fs";
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/*
 * Layers (ARCHITECTURE.md): imports point down app → components → lib, app → auth → db → lib; cli,
 * bench, e2e and scripts are tools over lib, db and auth. Each rule below is written for both spellings of an
 * import: `@/db/x` and `../../db/x`. scripts/lint-zones.test.ts proves every zone reports a wrong
 * import and accepts a right one.
 */

/** An import of `layer` in either spelling. */
const layer = (name) => `^(@/|(\\.\\./)+)${name}(/|$)`;

const forbid = (names, message) => names.map((name) => ({ regex: layer(name), message }));

const frameworkImports = [
  { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/ is pure TypeScript: no React." },
  { group: ["next", "next/*"], message: "lib/ is pure TypeScript: no Next.js." },
  { group: ["@xyflow/*"], message: "lib/ is pure TypeScript: no @xyflow." },
  {
    group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"],
    message: "lib/ is pure TypeScript: persistence lives in db/.",
  },
];

const TOOLS = ["cli", "bench", "scripts", "e2e"];

// Import style, one per layer: app/ and components/ reach other folders through `@/` (`./` for the
// same folder); everything that also runs outside Next (lib, db, auth, cli, bench, scripts, e2e) is relative.
const aliasOnly = {
  regex: "^\\.\\./",
  message: "In app/ and components/, import other folders as `@/…` (`./` only for the same folder).",
};
const relativeOnly = {
  regex: "^@/",
  message: "lib/, db/, auth/ and the tools import with relative paths, not `@/…`.",
};

// Test helpers live in `testing/` folders and only tests import them.
const testingFolder = { regex: "(^|/)testing(/|$)", message: "Only tests import from testing/ folders." };

/** What each layer may not import, apart from test helpers. */
const zones = {
  lib: [
    ...frameworkImports,
    ...forbid(["app", "components", "db", "telephony", ...TOOLS], "lib/ imports no other layer."),
    relativeOnly,
  ],
  db: [...forbid(["app", "components", "auth", "telephony", ...TOOLS], "db/ imports only lib/."), relativeOnly],
  // Sign-in, sessions and the permission check on the server (better-auth); also run by the CLI.
  auth: [...forbid(["app", "components", "telephony", ...TOOLS], "auth/ imports only db/ and lib/."), relativeOnly],
  // Twilio on the server: the sealed token, the SDK, the voice webhooks' call host; also run by the CLI.
  telephony: [...forbid(["app", "components", ...TOOLS], "telephony/ imports only auth/, db/ and lib/."), relativeOnly],
  components: [
    ...forbid(["db"], "components/ never import db/: pages and server actions read the database."),
    ...forbid(["auth"], "components/ never import auth/ (server only): ask components/ui/viewer what the role may do."),
    ...forbid(["telephony"], "components/ never import telephony/ (server only): call a server action."),
    ...forbid(TOOLS, "components/ never import the tools."),
    {
      regex: "^(@/|(\\.\\./)+)app/(?!(.*/)?actions$)",
      message: "components/ may import app/**/actions.ts (server actions) and nothing else from app/.",
    },
    aliasOnly,
  ],
  app: [...forbid(TOOLS, "app/ never imports the tools."), aliasOnly],
  cli: [
    ...forbid(["app", "components", "bench", "scripts", "e2e"], "cli/ imports only lib/, db/ and auth/."),
    relativeOnly,
  ],
  bench: [
    ...forbid(["app", "components", "cli", "e2e"], "bench/ measures lib/ and db/ (and the server)."),
    relativeOnly,
  ],
  e2e: [
    ...forbid(
      ["app", "components", "cli", "bench"],
      "e2e/ drives the browser; it may set up data through lib/ and db/.",
    ),
    relativeOnly,
  ],
  scripts: [relativeOnly],
};

/*
 * Feature folders under components/ import each other only through components/ui, except these
 * pairs, each with its reason (ARCHITECTURE.md lists them too). A new folder under components/ is
 * a feature automatically.
 */
const FEATURE_IMPORTS = {
  // The flow editor hosts other features beside its canvas.
  flows: [
    "functions", // FunctionEditorPanel: edit a function node's code in the side panel
    "handoffs", // DestinationModal: create a destination from the handoff inspector
    "simulator", // SimulatorPanel: simulate the flow being edited
  ],
  // One warm Python runner per page, shared by the simulator and the function editor.
  simulator: ["functions", "sip"],
  functions: ["code"], // the Monaco editor
  handoffs: ["sip"], // the routing preview's ladder (TraceViewer)
  topics: ["handoffs"], // HandoffTargetFields: a topic's builtin handoff is edited like the flow node's
  review: ["sip"], // a stored call's SIP trace (TraceViewer)
  scenarios: ["sip"], // a scenario run's SIP trace (TraceViewer)
};
const FEATURES = readdirSync(new URL("./components", import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const featureZone = (feature) => {
  const allowed = new Set(["ui", feature, ...(FEATURE_IMPORTS[feature] ?? [])]);
  return FEATURES.filter((other) => !allowed.has(other)).map((other) => ({
    regex: `^(@/components/|(\\.\\./)+)${other}(/|$)`,
    message: `components/${feature} may not import components/${other}: share it through components/ui (or list the pair in eslint.config.mjs).`,
  }));
};

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

// A deferred transaction that reads and then writes fails with SQLITE_BUSY when another server
// process commits in between; db/transaction.ts begins every transaction IMMEDIATE.
const bareTransaction = {
  selector: "CallExpression[callee.property.name='transaction']",
  message: "Use writeTransaction(db, fn) from db/transaction.ts: it begins IMMEDIATE.",
};
// Server actions are the one thing components take from app/; their result types live in lib/.
const actionTypeImport = "Import a server action's result type from lib/, not from app/.";
const actionTypes = [
  { selector: "ImportDeclaration[importKind='type'][source.value=/^@.app./]", message: actionTypeImport },
  {
    selector: "ImportDeclaration[source.value=/^@.app./] > ImportSpecifier[importKind='type']",
    message: actionTypeImport,
  },
];

const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx", "**/testing/**"];

/** Each layer's zone; its tests and testing/ helpers get the same zone without the testing/ rule. */
const zoneBlocks = Object.entries(zones).flatMap(([name, patterns]) => {
  const files = [`${name}/**/*.ts`, `${name}/**/*.tsx`, `${name}/**/*.mjs`];
  const feature =
    name === "components"
      ? FEATURES.flatMap((f) => [
          {
            files: [`components/${f}/**/*.ts`, `components/${f}/**/*.tsx`],
            rules: restrict([...patterns, ...featureZone(f), testingFolder]),
          },
          {
            files: TEST_FILES.map((t) => `components/${f}/${t}`),
            rules: restrict([...patterns, ...featureZone(f)]),
          },
        ])
      : [];
  return [
    { files, rules: restrict([...patterns, testingFolder]) },
    { files: TEST_FILES.map((t) => `${name}/${t}`), rules: restrict(patterns) },
    ...feature,
  ];
});

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
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    rules: { "no-restricted-syntax": ["error", bareTransaction] },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: { "no-restricted-syntax": ["error", bareTransaction, ...actionTypes] },
  },
  ...zoneBlocks,
);
