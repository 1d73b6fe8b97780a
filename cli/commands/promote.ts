import { openDb } from "../../db/client";
import { appendAudit } from "../../db/repositories/audit";
import { listVersions, promoteVersion } from "../../db/repositories/versions";
import { writeTransaction } from "../../db/transaction";
import { CLI_ACTOR } from "../../auth/users";
import { versionChange } from "../../lib/audit/changes";
import { parseVersionNumber } from "../../lib/versions/types";
import { UsageError, requiredString } from "../args";
import { defineCommand } from "../command";
import { AGENT_OPTION, requireAgent } from "../options";

export const promoteCommand = defineCommand({
  name: "promote",
  summary: "Make a published version live",
  synopsis: "--agent <id or name> --version N",
  about: `Makes version N the agent's live version: the one real calls run. Promoting an older version is
a rollback.`,
  options: {
    agent: AGENT_OPTION,
    version: { type: "string", value: "<N>", help: "the version number" },
  },
  run(values, io) {
    const agentRef = requiredString(values, "agent");
    const raw = requiredString(values, "version");
    const number = parseVersionNumber(raw);
    if (number === null) throw new UsageError(`--version expects a version number like 3 (got "${raw}")`);
    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      const promoted = writeTransaction(db, () => {
        if (!promoteVersion(db, agent.id, number)) return false;
        const before = agent.liveVersion === null ? "none" : `version ${agent.liveVersion}`;
        appendAudit(db, CLI_ACTOR, versionChange("promoted", agent, number, `live ${before} → version ${number}`));
        return true;
      });
      if (!promoted) {
        const known = listVersions(db, agent.id).map((v) => v.number);
        throw new UsageError(
          `"${agent.name}" has no version ${number}. ${known.length ? `Versions: ${known.join(", ")}` : "Publish one first."}`,
        );
      }
      io.out(`Version ${number} of "${agent.name}" is live\n`);
      return 0;
    } finally {
      db.$client.close();
    }
  },
});
