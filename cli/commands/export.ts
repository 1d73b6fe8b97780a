import { openDb } from "../../db/client";
import { readDocument } from "../../db/repositories/versions";
import { prettyCanonicalJson } from "../../lib/agent-document";
import { parseVersionRef, VERSION_REF_MESSAGE } from "../../lib/versions/types";
import { UsageError, requiredString, stringOption } from "../args";
import { defineCommand } from "../command";
import { AGENT_OPTION, requireAgent } from "../options";

export const exportCommand = defineCommand({
  name: "export",
  summary: "Print an agent as an agent document (JSON)",
  synopsis: "--agent <id or name> [--version N | live] > agent.json",
  about: `Prints the agent's draft (or a published version) as an agent document (format 1: settings,
variables, handoff destinations, functions and flows, no ids) on stdout. Keys are in a stable
order, so exporting, importing and exporting again gives the same bytes.`,
  options: {
    agent: AGENT_OPTION,
    version: { type: "string", value: "<N | live>", help: "a published version instead of the draft" },
  },
  run(values, io) {
    const agentRef = requiredString(values, "agent");
    const rawVersion = stringOption(values, "version") ?? "draft";
    const ref = parseVersionRef(rawVersion);
    if (!ref) throw new UsageError(`--version: ${VERSION_REF_MESSAGE} (got "${rawVersion}")`);
    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      const found = readDocument(db, agent.id, ref);
      if (!found.ok) throw new UsageError(`"${agent.name}": ${found.message}`);
      io.out(prettyCanonicalJson(found.document));
      return 0;
    } finally {
      db.$client.close();
    }
  },
});
