import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { openDb } from "../../db/client";
import { createAgentFromDocument } from "../../db/repositories/agent-document";
import { appendAudit } from "../../db/repositories/audit";
import { replaceDraftKeepingIt } from "../../db/repositories/versions";
import { writeTransaction } from "../../db/transaction";
import { CLI_ACTOR } from "../../auth/users";
import { agentChange } from "../../lib/audit/changes";
import { beforeImportingNote } from "../../lib/versions/types";
import { MAX_DOCUMENT_BYTES, parseAgentDocumentText } from "../../lib/agent-document";
import { UsageError, requiredString, stringOption } from "../args";
import { defineCommand } from "../command";
import { requireAgent } from "../options";

function readDocumentText(file: string): string {
  if (file === "-") return readFileSync(0, "utf8");
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`Cannot read ${file}: no such file`);
  }
  if (size > MAX_DOCUMENT_BYTES) throw new UsageError(`${file} is larger than ${MAX_DOCUMENT_BYTES} bytes`);
  return readFileSync(file, "utf8");
}

export const importCommand = defineCommand({
  name: "import",
  summary: "Import an agent document as a new agent, or into an agent's draft",
  synopsis: "--file <agent.json | -> [--as-new | --into <id or name>]",
  about: `Imports an agent document (what \`export\` prints). By default, or with --as-new, it becomes a new
agent; with --into it replaces that agent's draft (destinations, functions and flows with the
same names keep their ids; the agent keeps its name; the draft it replaces is kept as a version
"Before importing <file>" unless it is the latest version already). An invalid file changes nothing: each
problem is printed with its path, and the exit code is 2.`,
  options: {
    file: { type: "string", value: "<path>", help: "the document; - reads standard input" },
    "as-new": { type: "boolean", help: "create a new agent (the default)" },
    into: { type: "string", value: "<id or name>", help: "replace this agent's draft" },
    json: { type: "boolean", help: "print the agent as { id, name }" },
  },
  run(values, io) {
    const file = requiredString(values, "file");
    const into = stringOption(values, "into");
    if (into !== undefined && values["as-new"] === true)
      throw new UsageError("Give either --as-new or --into, not both");
    if (into !== undefined && into.trim() === "") throw new UsageError("--into needs an agent id or name");
    const parsed = parseAgentDocumentText(readDocumentText(file));
    if (!parsed.ok) {
      io.err(`error: ${file === "-" ? "the document" : file} is not a valid agent document:\n`);
      for (const e of parsed.errors) io.err(`  ${e.path || "(document)"}: ${e.message}\n`);
      io.err("Nothing was imported.\n");
      return 2;
    }
    const db = openDb();
    try {
      let agent;
      if (into !== undefined) {
        agent = requireAgent(db, into);
        const source = file === "-" ? "standard input" : path.basename(file);
        const target = agent;
        writeTransaction(db, () => {
          replaceDraftKeepingIt(db, target.id, parsed.doc, beforeImportingNote(source), "CLI");
          appendAudit(db, CLI_ACTOR, agentChange("imported", target, `draft replaced from ${source}`));
        });
      } else {
        agent = writeTransaction(db, () => {
          const created = createAgentFromDocument(db, parsed.doc);
          appendAudit(db, CLI_ACTOR, agentChange("created", created, "imported from an agent file"));
          return created;
        });
      }
      if (values.json === true) io.out(JSON.stringify({ id: agent.id, name: agent.name }) + "\n");
      else
        io.out(
          into !== undefined
            ? `Replaced the draft of "${agent.name}" (${agent.id})\n`
            : `Created agent "${agent.name}" (${agent.id})\n`,
        );
      return 0;
    } finally {
      db.$client.close();
    }
  },
});
