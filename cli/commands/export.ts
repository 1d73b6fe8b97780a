import { openDb } from "../../db/client";
import { readDraftDocument } from "../../db/repositories/agent-document";
import { prettyCanonicalJson } from "../../lib/agent-document";
import { parseOptions, requiredString } from "../args";
import type { Command } from "../command";
import { requireAgent } from "../options";

const USAGE = `Usage: export --agent <id or name> > agent.json

Prints the agent's draft as an agent document (format 1: settings, variables, handoff
destinations, functions and flows, no ids) on stdout. Keys are in a stable order, so exporting,
importing and exporting again gives the same bytes.

Options:
  --agent <id or name>   the agent (its id, or its name in any case)
  -h, --help             show this help`;

export const exportCommand: Command = {
  name: "export",
  summary: "Print an agent as an agent document (JSON)",
  usage: USAGE,
  run(argv, io) {
    const values = parseOptions(argv, { agent: { type: "string" }, help: { type: "boolean", short: "h" } });
    if (values.help === true) {
      io.out(USAGE + "\n");
      return 0;
    }
    const agentRef = requiredString(values, "agent");
    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      io.out(prettyCanonicalJson(readDraftDocument(db, agent.id)!));
      return 0;
    } finally {
      db.$client.close();
    }
  },
};
