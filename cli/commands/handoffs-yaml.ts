import { readFileSync, statSync, writeFileSync } from "node:fs";
import { openDb } from "../../db/client";
import { listDestinations } from "../../db/repositories/handoffs";
import { importCounts, importDestinationsAudited } from "../../db/repositories/handoffs-import";
import { CLI_ACTOR } from "../../auth/users";
import {
  exportHandoffsYaml,
  HANDOFFS_YAML_NAME,
  MAX_HANDOFFS_YAML_BYTES,
  parseHandoffsYaml,
} from "../../lib/handoffs/yaml";
import { UsageError, requiredString, stringOption } from "../args";
import { defineCommand } from "../command";
import { AGENT_OPTION, requireAgent } from "../options";

function readYaml(file: string): string {
  if (file === "-") return readFileSync(0, "utf8");
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`Cannot read ${file}: no such file`);
  }
  if (size > MAX_HANDOFFS_YAML_BYTES) throw new UsageError(`${file} is larger than ${MAX_HANDOFFS_YAML_BYTES} bytes`);
  return readFileSync(file, "utf8");
}

export const exportHandoffsCommand = defineCommand({
  name: "export-handoffs",
  summary: `Print an agent's destinations as PolyAI's ${HANDOFFS_YAML_NAME}`,
  synopsis: `--agent <id or name> [--file ${HANDOFFS_YAML_NAME}]`,
  about: `Writes the agent's handoff destinations (its draft), in board order, as a handoffs.yaml: a
handoffs: list with name, description, is_default, sip_config {method, phone_number or route,
outbound_endpoint, outbound_encryption} and sip_headers [{key, value}]; what the format lacks
(REFER header placement, ring timeout, attempts) is in x_switchboard. The same destinations always
give the same bytes, and import-handoffs reads it back unchanged.`,
  options: {
    agent: AGENT_OPTION,
    file: { type: "string", value: "<path>", help: "write to this file instead of stdout" },
  },
  run(values, io) {
    const agentRef = requiredString(values, "agent");
    const file = stringOption(values, "file");
    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      const text = exportHandoffsYaml(listDestinations(db, agent.id));
      if (file === undefined || file === "-") io.out(text);
      else {
        writeFileSync(file, text);
        io.err(`Wrote ${file}\n`);
      }
      return 0;
    } finally {
      db.$client.close();
    }
  },
});

export const importHandoffsCommand = defineCommand({
  name: "import-handoffs",
  summary: `Import a ${HANDOFFS_YAML_NAME} into an agent's destinations`,
  synopsis: `--agent <id or name> --file <${HANDOFFS_YAML_NAME} | -> [--replace]`,
  about: `Imports a handoffs.yaml (PolyAI's format, see export-handoffs) into the agent's destinations,
which are draft data. Destinations are matched by name ignoring case: a match is updated and keeps
its id (flow nodes still hand off to it), the others are added. With --replace the agent keeps only
the file's destinations; the others are deleted as Delete does. The file's default becomes the
agent's. An invalid file changes nothing: each problem is printed with its path
(handoffs[2].sip_config.method) and the exit code is 2. Every change is in the audit log.`,
  options: {
    agent: AGENT_OPTION,
    file: { type: "string", value: "<path>", help: "the file; - reads standard input" },
    replace: { type: "boolean", help: "delete the destinations the file does not name" },
  },
  run(values, io) {
    const agentRef = requiredString(values, "agent");
    const file = requiredString(values, "file");
    const text = readYaml(file);
    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      const parsed = parseHandoffsYaml(text);
      if (!parsed.ok) {
        io.err(`error: ${file === "-" ? "the file" : file} is not a valid ${HANDOFFS_YAML_NAME}:\n`);
        for (const e of parsed.errors) io.err(`  ${e.path}: ${e.message}\n`);
        io.err("Nothing was imported.\n");
        return 2;
      }
      const counts = importCounts(
        importDestinationsAudited(db, agent.id, parsed.destinations, { replace: values.replace === true }, CLI_ACTOR),
      );
      io.out(
        `Imported into "${agent.name}": ${counts.added} added, ${counts.changed} changed, ${counts.deleted} deleted\n`,
      );
      return 0;
    } finally {
      db.$client.close();
    }
  },
});
