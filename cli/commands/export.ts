import { openDb } from "../../db/client";
import { readDraftDocument } from "../../db/repositories/agent-document";
import { prettyCanonicalJson } from "../../lib/agent-document";
import { requiredString } from "../args";
import { defineCommand } from "../command";
import { AGENT_OPTION, requireAgent } from "../options";

export const exportCommand = defineCommand({
  name: "export",
  summary: "Print an agent as an agent document (JSON)",
  synopsis: "--agent <id or name> > agent.json",
  about: `Prints the agent's draft as an agent document (format 1: settings, variables, handoff
destinations, functions and flows, no ids) on stdout. Keys are in a stable order, so exporting,
importing and exporting again gives the same bytes.`,
  options: { agent: AGENT_OPTION },
  run(values, io) {
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
});
