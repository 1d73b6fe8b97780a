import { writeFileSync } from "node:fs";
import { openDb } from "../../db/client";
import { listScenariosWithLastRun } from "../../db/repositories/scenarios";
import { runStoredScenarios } from "../../db/repositories/scenario-host";
import { createNodeFunctionRunner } from "../../lib/functions/node/node-runner";
import { formatResult, junitXml, parseTagFilter, scenariosWithTags, summaryLine } from "../../lib/scenarios";
import { parseVersionRef, VERSION_REF_MESSAGE } from "../../lib/versions/types";
import { UsageError, requiredString, stringList, stringOption } from "../args";
import { defineCommand } from "../command";
import { AGENT_OPTION, requireAgent } from "../options";

export const scenariosCommand = defineCommand({
  name: "scenarios",
  summary: "List or run an agent's scenarios (regression tests for calls; JUnit XML for CI)",
  synopsis: "<list|run> --agent <id or name> [options]",
  about: `Scenarios are saved calls with expectations (Build → Scenarios). They run in Node, Python
functions in a worker thread; each run is recorded with the scenario (never as a conversation).

  scenarios list --agent A [--json]          name, flow, version, last result and when
  scenarios run --agent A [--name N ...] [--tag T ...] [--version draft|live|N] [--json] [--junit FILE]
      one line per scenario (failed expectations under it, expected against actual), then
      "N passed, N failed"`,
  subcommands: ["list", "run"],
  options: {
    agent: AGENT_OPTION,
    name: {
      type: "string",
      multiple: true,
      value: "<name>",
      help: "run only this scenario (repeatable; names ignore case); default: all",
    },
    tag: {
      type: "string",
      multiple: true,
      value: "<tag>",
      help: "run only scenarios with this tag (repeatable or a comma list: --tag smoke,billing; any of them)",
    },
    version: {
      type: "string",
      value: "<draft|live|N>",
      help: "run every scenario against this (default: each scenario's own, usually the draft)",
    },
    json: { type: "boolean", help: "print JSON (list: the scenarios; run: passed, failed and every result)" },
    junit: { type: "string", value: "<file>", help: "also write the results as JUnit XML to FILE (run)" },
  },
  notes: "Exit codes: 0 all scenarios passed (or listed); 1 a scenario failed or could not run; 2 bad arguments.",
  async run(values, io, { subcommand: sub }) {
    const agentRef = requiredString(values, "agent");
    const names = stringList(values, "name");
    const tagFilter = parseTagFilter(stringList(values, "tag"));
    if (!tagFilter.ok) throw new UsageError(`--tag: ${tagFilter.message}`);
    const tags = tagFilter.tags;
    const version = stringOption(values, "version");
    if (version !== undefined && !parseVersionRef(version))
      throw new UsageError(`--version: ${VERSION_REF_MESSAGE} (got "${version}")`);
    const junit = stringOption(values, "junit");
    if (junit !== undefined && junit.trim() === "") throw new UsageError("--junit needs a file name");
    if (sub === "list" && (names.length > 0 || tags.length > 0 || version !== undefined || junit !== undefined))
      throw new UsageError("scenarios list takes only --agent and --json");

    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      const all = listScenariosWithLastRun(db, agent.id);
      if (sub === "list") {
        if (values.json === true) {
          io.out(
            JSON.stringify(
              all.map((s) => ({
                id: s.id,
                name: s.name,
                flow: s.scenario.flow ?? null,
                version: s.scenario.version ?? "draft",
                tags: s.scenario.tags ?? [],
                last_result: s.lastRun?.status ?? null,
                last_run_at: s.lastRun?.startedAt ?? null,
              })),
              null,
              2,
            ) + "\n",
          );
        } else if (all.length === 0) {
          io.out(`"${agent.name}" has no scenarios\n`);
        } else {
          for (const s of all) {
            const last = s.lastRun ? `${s.lastRun.status} at ${s.lastRun.startedAt}` : "never run";
            const tags = s.scenario.tags?.length ? ` [${s.scenario.tags.join(", ")}]` : "";
            io.out(
              `${s.name}${tags}  (${s.scenario.flow ?? "first flow"}, ${s.scenario.version ?? "draft"}; ${last})\n`,
            );
          }
        }
        return 0;
      }

      const wanted = names.map((n) => n.trim().toLowerCase());
      const unknown = names.filter((n) => !all.some((s) => s.name.toLowerCase() === n.trim().toLowerCase()));
      if (unknown.length > 0) {
        const known = all.map((s) => `"${s.name}"`).join(", ") || "none";
        throw new UsageError(`No scenario named ${unknown.map((n) => `"${n}"`).join(", ")}. Scenarios: ${known}`);
      }
      const named = wanted.length === 0 ? all : all.filter((s) => wanted.includes(s.name.toLowerCase()));
      const chosen = tags.length === 0 ? named : scenariosWithTags(named, tags);
      if (chosen.length === 0 && tags.length > 0)
        throw new UsageError(
          `No scenario${names.length > 0 ? " of those named" : ""} has the tag${tags.length === 1 ? "" : "s"} ${tags.join(", ")}` +
            ` (tags in use: ${[...new Set(all.flatMap((s) => s.scenario.tags ?? []))].sort().join(", ") || "none"})`,
        );
      const runner = createNodeFunctionRunner();
      let results;
      try {
        results = (await runStoredScenarios(db, agent.id, chosen, (r) => runner.run(r), { version })).map(
          (r) => r.result,
        );
      } finally {
        runner.dispose();
      }
      if (junit !== undefined) {
        try {
          writeFileSync(junit, junitXml(agent.name, results, new Date()));
        } catch (e) {
          throw new UsageError(`--junit: cannot write ${junit}: ${(e as Error).message}`);
        }
      }
      const passed = results.filter((r) => r.status === "pass").length;
      if (values.json === true) {
        io.out(
          JSON.stringify(
            {
              agent: agent.name,
              passed,
              failed: results.length - passed,
              cannot_run: results.filter((r) => r.status === "cannot_run").length,
              results,
            },
            null,
            2,
          ) + "\n",
        );
      } else {
        for (const r of results) io.out(formatResult(r) + "\n");
        io.out(summaryLine(results) + "\n");
      }
      return passed === results.length ? 0 : 1;
    } finally {
      db.$client.close();
    }
  },
});
