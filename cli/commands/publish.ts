import { openDb } from "../../db/client";
import { appendAudit } from "../../db/repositories/audit";
import { publishDraft } from "../../db/repositories/versions";
import { writeTransaction } from "../../db/transaction";
import { CLI_ACTOR } from "../../auth/users";
import { versionChange } from "../../lib/audit/changes";
import { quote } from "../../lib/audit/summaries";
import { publishNoteSchema } from "../../lib/versions/types";
import { UsageError, requiredString, stringOption } from "../args";
import { defineCommand } from "../command";
import { AGENT_OPTION, requireAgent } from "../options";

export const publishCommand = defineCommand({
  name: "publish",
  summary: "Publish an agent's draft as its next version",
  synopsis: "--agent <id or name> [--note TEXT] [--force] [--json]",
  about: "Freezes the agent's draft as its next version (immutable; note, author, time, content hash).",
  options: {
    agent: AGENT_OPTION,
    note: { type: "string", value: "<text>", help: "what changed (optional)" },
    force: { type: "boolean", help: "publish even when flow lint finds errors in the draft" },
    json: {
      type: "boolean",
      help: "print { published, version, note, content_hash } or { published: false, latest }",
    },
  },
  notes: `Exit codes: 0 published, or nothing to publish (the draft is the latest version: "Nothing
changed since version N"); 1 the draft has lint errors (listed) and --force was not given;
2 bad arguments.`,
  run(values, io) {
    const agentRef = requiredString(values, "agent");
    const note = publishNoteSchema.safeParse(stringOption(values, "note") ?? "");
    if (!note.success) throw new UsageError(`--note: ${note.error.issues[0]?.message}`);
    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      const r = writeTransaction(db, () => {
        const r = publishDraft(db, agent.id, {
          note: note.data,
          author: "CLI",
          acceptLintErrors: values.force === true,
        });
        if (r.ok)
          appendAudit(
            db,
            CLI_ACTOR,
            versionChange("published", agent, r.version.number, note.data ? `note ${quote(note.data)}` : "no note"),
          );
        return r;
      });
      const json = values.json === true;
      if (r.ok) {
        const v = r.version;
        io.out(
          json
            ? JSON.stringify({ published: true, version: v.number, note: v.note, content_hash: v.contentHash }) + "\n"
            : `Published version ${v.number} of "${agent.name}"${v.note ? `: ${v.note}` : ""}\n`,
        );
        return 0;
      }
      if (r.status === "unchanged") {
        io.out(json ? JSON.stringify({ published: false, latest: r.latest }) + "\n" : `${r.message}\n`);
        return 0;
      }
      if (r.status === "lint_errors") {
        io.err(`error: the draft of "${agent.name}" has ${r.errors.length} lint error(s):\n`);
        for (const e of r.errors) io.err(`  ${e}\n`);
        io.err("Nothing was published. Fix them, or publish anyway with --force.\n");
        return 1;
      }
      throw new Error(r.status === "invalid" ? Object.values(r.fieldErrors).join("; ") : r.message);
    } finally {
      db.$client.close();
    }
  },
});
