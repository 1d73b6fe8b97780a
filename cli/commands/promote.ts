import { openDb } from "../../db/client";
import { promoteToEnvironment, rollbackEnvironment } from "../../db/repositories/environments";
import { listVersions } from "../../db/repositories/versions";
import { CLI_ACTOR } from "../../auth/users";
import { changeLines } from "../../lib/versions/change-lines";
import { ENVIRONMENT_MESSAGE, parseEnvironment } from "../../lib/versions/environments";
import { parseVersionNumber } from "../../lib/versions/types";
import { UsageError, requiredString, stringOption } from "../args";
import { defineCommand } from "../command";
import { AGENT_OPTION, requireAgent } from "../options";

export const promoteCommand = defineCommand({
  name: "promote",
  summary: "Move a published version one step: into pre-release, then live",
  synopsis: "--agent <id or name> --to pre-release|live [--version N] [--dry-run]",
  about: `Moves a version one environment on: --to pre-release (default version: the latest), then
--to live (default: the version in pre-release). Nothing reaches live without having been in
pre-release. --dry-run prints the version, the target and what would change for its calls, and
moves nothing. Exit 1 when the move is refused (and why).`,
  options: {
    agent: AGENT_OPTION,
    to: { type: "string", value: "<pre-release | live>", help: "the environment" },
    version: { type: "string", value: "<N>", help: "the version number (see above for the default)" },
    "dry-run": { type: "boolean", help: "show what would change; move nothing" },
  },
  run(values, io) {
    const agentRef = requiredString(values, "agent");
    const rawTo = requiredString(values, "to");
    const to = parseEnvironment(rawTo);
    if (to === null) throw new UsageError(`--to: ${ENVIRONMENT_MESSAGE} (got "${rawTo}")`);
    const raw = stringOption(values, "version");
    const number = raw === undefined ? undefined : parseVersionNumber(raw);
    if (number === null) throw new UsageError(`--version expects a version number like 3 (got "${raw}")`);
    const dryRun = values["dry-run"] === true;
    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      const r = promoteToEnvironment(db, agent.id, { to, version: number, dryRun, actor: CLI_ACTOR });
      if (!r.ok) {
        if (r.status === "not_found") {
          const known = listVersions(db, agent.id).map((v) => v.number);
          throw new UsageError(
            `"${agent.name}": ${r.message}. ${known.length ? `Versions: ${known.join(", ")}` : "Publish one first."}`,
          );
        }
        io.err(`error: ${r.message}\n`);
        return 1;
      }
      const from = r.from === null ? "none" : `version ${r.from}`;
      if (dryRun) {
        io.out(`Dry run: version ${r.version} of "${agent.name}" → ${to} (now ${from})\nChanges:\n`);
        for (const line of changeLines(r.changes)) io.out(`  ${line}\n`);
        io.out("Nothing was moved.\n");
      } else io.out(`Version ${r.version} of "${agent.name}" is in ${to} (was ${from})\n`);
      return 0;
    } finally {
      db.$client.close();
    }
  },
});

export const rollbackCommand = defineCommand({
  name: "rollback",
  summary: "Return an environment to the version it had before",
  synopsis: "--agent <id or name> --env live|pre-release",
  about: `Returns the environment to the version it had before its last promotion; rolling back again goes
one further back. Exit 1 when there is nothing to return to.`,
  options: {
    agent: AGENT_OPTION,
    env: { type: "string", value: "<live | pre-release>", help: "the environment" },
  },
  run(values, io) {
    const agentRef = requiredString(values, "agent");
    const rawEnv = requiredString(values, "env");
    const env = parseEnvironment(rawEnv);
    if (env === null) throw new UsageError(`--env: ${ENVIRONMENT_MESSAGE} (got "${rawEnv}")`);
    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      const r = rollbackEnvironment(db, agent.id, env, CLI_ACTOR);
      if (!r.ok) {
        io.err(`error: ${r.message}\n`);
        return 1;
      }
      const name = (n: number | null) => (n === null ? "no version" : `version ${n}`);
      io.out(`${env} of "${agent.name}" is back to ${name(r.to)} (was ${name(r.from)})\n`);
      return 0;
    } finally {
      db.$client.close();
    }
  },
});
