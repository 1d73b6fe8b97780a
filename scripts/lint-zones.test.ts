import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer rules in eslint.config.mjs, checked on in-memory files: every zone reports a wrong
 * import (in both spellings, `@/x` and `../x`) and accepts a right one.
 */

const eslint = new ESLint({ cwd: new URL("..", import.meta.url).pathname });

async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
    .map((m) => m.message);
}

const use = (spec: string) => `${spec}\nexport const used = [x];\n`;

type Case = [file: string, importLine: string, expected: string];

/** `importLine` in a file at `file` draws a problem whose message contains `expected`. */
async function expectReported(file: string, importLine: string, expected: string): Promise<void> {
  const problems = await importProblems(file, use(importLine));
  expect(
    problems.some((p) => p.includes(expected)),
    problems.join("\n") || "no problem reported",
  ).toBe(true);
}

describe("layer zones report wrong imports", () => {
  it.each<Case>([
    ["lib/flow/scratch.ts", 'import { x } from "../../db/server";', "lib/ imports no other layer"],
    ["lib/flow/scratch.ts", 'import { x } from "@/components/ui/Button";', "lib/ imports no other layer"],
    ["lib/flow/scratch.ts", 'import { x } from "../../app/agents/actions";', "lib/ imports no other layer"],
    ["lib/flow/scratch.ts", 'import { x } from "../../cli/shared";', "lib/ imports no other layer"],
    ["lib/flow/scratch.ts", 'import x from "react";', "no React"],
    ["lib/flow/scratch.ts", 'import { x } from "drizzle-orm";', "persistence lives in db/"],
    ["db/repositories/scratch.ts", 'import { x } from "../../components/ui/Button";', "db/ imports only lib/"],
    ["db/repositories/scratch.ts", 'import { x } from "@/app/agents/actions";', "db/ imports only lib/"],
    ["db/scratch.ts", 'import { x } from "../cli/shared";', "db/ imports only lib/"],
    ["components/review/Scratch.tsx", 'import { x } from "@/db/repositories/flows";', "never import db/"],
    ["components/review/Scratch.tsx", 'import { x } from "../../db/repositories/flows";', "never import db/"],
    [
      "components/flows/Scratch.tsx",
      'import { x } from "@/app/agents/[agentId]/flows/save-flow";',
      "may import app/**/actions.ts (server actions) and nothing else",
    ],
    [
      "components/flows/save/Scratch.tsx",
      'import { x } from "../../../app/agents/[agentId]/flows/page";',
      "may import app/**/actions.ts (server actions) and nothing else",
    ],
    [
      "components/shell/Scratch.tsx",
      'import type { x } from "@/app/agents/actions";',
      "result type from lib/, not from app/",
    ],
    [
      "components/shell/Scratch.tsx",
      'import { createAgentAction, type x } from "@/app/agents/actions";\nvoid createAgentAction;',
      "result type from lib/, not from app/",
    ],
    [
      "components/review/Scratch.tsx",
      'import { x } from "@/components/handoffs/DestinationModal";',
      "components/review may not import components/handoffs",
    ],
    [
      "components/review/Scratch.tsx",
      'import { x } from "../handoffs/DestinationModal";',
      "components/review may not import components/handoffs",
    ],
    [
      "components/ui/Scratch.tsx",
      'import { x } from "@/components/sip/TraceViewer";',
      "components/ui may not import components/sip",
    ],
    ["components/sip/Scratch.tsx", 'import { x } from "@/cli/shared";', "never import the tools"],
    ["app/agents/scratch.ts", 'import { x } from "@/e2e/fixtures";', "app/ never imports the tools"],
    [
      "cli/commands/scratch.ts",
      'import { x } from "../../components/ui/Button";',
      "cli/ imports only lib/, db/ and auth/",
    ],
    ["cli/scratch.ts", 'import { x } from "@/app/agents/actions";', "cli/ imports only lib/, db/ and auth/"],
    ["auth/scratch.ts", 'import { x } from "../app/agents/actions";', "auth/ imports only db/ and lib/"],
    ["auth/scratch.ts", 'import { x } from "../components/ui/Button";', "auth/ imports only db/ and lib/"],
    ["db/scratch.ts", 'import { x } from "../auth/users";', "db/ imports only lib/"],
    ["components/shell/Scratch.tsx", 'import { x } from "@/auth/viewer";', "never import auth/ (server only)"],
    [
      "telephony/scratch.ts",
      'import { x } from "../app/voice/call/route";',
      "telephony/ imports only auth/, db/ and lib/",
    ],
    [
      "components/settings/Scratch.tsx",
      'import { x } from "@/telephony/sdk";',
      "never import telephony/ (server only)",
    ],
    ["db/scratch.ts", 'import { x } from "../telephony/sdk";', "db/ imports only lib/"],
    ["bench/scratch.ts", 'import { x } from "../components/ui/Button";', "bench/ measures lib/ and db/"],
    ["e2e/scratch.ts", 'import { x } from "../app/agents/actions";', "e2e/ drives the browser"],
  ])("%s: %s", expectReported);
});

describe("import style: one per layer", () => {
  it.each<Case>([
    [
      "components/flows/inspectors/Scratch.tsx",
      'import { x } from "../store/context";',
      "import other folders as `@/…`",
    ],
    ["app/api/v1/agents/scratch.ts", 'import { x } from "../_lib/handler";', "import other folders as `@/…`"],
    ["lib/runtime/scratch.ts", 'import { x } from "@/lib/flow";', "import with relative paths"],
    ["db/scratch.ts", 'import { x } from "@/lib/flow";', "import with relative paths"],
    ["cli/scratch.ts", 'import { x } from "@/lib/flow";', "import with relative paths"],
    ["auth/scratch.ts", 'import { x } from "@/db/server";', "import with relative paths"],
  ])("%s: %s", expectReported);
});

const ONLY_TESTS = "Only tests import from testing/ folders.";
const stringContaining = (s: string) => expect.stringContaining(s) as unknown as string;

describe("test helpers", () => {
  it("only tests import from testing/ folders", async () => {
    const line = 'import { x } from "../runtime/testing/demo-agent";';
    expect(await importProblems("lib/simulation/scratch.ts", use(line))).toEqual([stringContaining(ONLY_TESTS)]);
    expect(await importProblems("lib/simulation/scratch.test.ts", use(line))).toEqual([]);
    expect(await importProblems("lib/simulation/testing/more.ts", use(line))).toEqual([]);
    expect(
      await importProblems("components/simulator/scratch.test.ts", use('import { x } from "@/lib/runtime/testing/x";')),
    ).toEqual([]);
    expect(
      await importProblems("components/simulator/Scratch.tsx", use('import { x } from "@/lib/runtime/testing/x";')),
    ).toEqual([stringContaining(ONLY_TESTS)]);
  });
});

describe("right imports pass", () => {
  it.each<[file: string, importLine: string]>([
    ["lib/flow/scratch.ts", 'import { x } from "../sip";'],
    ["lib/flow/scratch.ts", 'import { z as x } from "zod";'],
    ["db/repositories/scratch.ts", 'import { x } from "../../lib/flow";'],
    ["db/repositories/scratch.ts", 'import { sql as x } from "drizzle-orm";'],
    ["components/review/Scratch.tsx", 'import { x } from "@/components/ui/Tabs";'],
    ["components/review/Scratch.tsx", 'import { x } from "@/components/sip/TraceViewer";'],
    ["components/review/Scratch.tsx", 'import { x } from "./format";'],
    ["components/review/Scratch.tsx", 'import type { x } from "@/lib/conversations/schema";'],
    ["components/flows/inspectors/Scratch.tsx", 'import { x } from "@/components/handoffs/DestinationModal";'],
    ["components/flows/inspectors/Scratch.tsx", 'import { x } from "@/components/flows/store/context";'],
    ["components/shell/Scratch.tsx", 'import { createAgentAction as x } from "@/app/agents/actions";'],
    ["components/flows/save/Scratch.tsx", 'import { x } from "@/app/agents/[agentId]/flows/actions";'],
    ["app/agents/scratch.ts", 'import { x } from "@/db/server";'],
    ["app/agents/scratch.ts", 'import { x } from "@/components/shell/AgentSwitcher";'],
    ["app/agents/scratch.ts", 'import { x } from "./actions";'],
    ["cli/commands/scratch.ts", 'import { x } from "../../db/client";'],
    ["cli/commands/scratch.ts", 'import { x } from "../../auth/users";'],
    ["cli/commands/scratch.ts", 'import { x } from "../../telephony/connection";'],
    ["telephony/scratch.ts", 'import { x } from "../db/client";'],
    ["auth/scratch.ts", 'import { x } from "../db/server";'],
    ["app/agents/scratch.ts", 'import { x } from "@/auth/viewer";'],
    ["components/shell/Scratch.tsx", 'import { x } from "@/components/ui/viewer";'],
    ["cli/commands/scratch.ts", 'import { x } from "../../lib/sip";'],
    ["bench/scratch.ts", 'import { x } from "../db/client";'],
    ["e2e/scratch.ts", 'import { x } from "../lib/flow";'],
  ])("%s: %s", async (file, line) => {
    expect(await importProblems(file, use(line))).toEqual([]);
  });
});
