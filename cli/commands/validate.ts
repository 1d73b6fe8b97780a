import { openDb } from "../../db/client";
import { readDocument } from "../../db/repositories/versions";
import { createNodeFunctionRunner } from "../../lib/functions/node/node-runner";
import { validateAgentDocument } from "../../lib/agent-document/validate";
import { parseVersionRef, VERSION_REF_MESSAGE } from "../../lib/versions/types";
import { UsageError, requiredString, stringOption } from "../args";
import { defineCommand } from "../command";
import { AGENT_OPTION, requireAgent } from "../options";

export const validateCommand = defineCommand({
  name: "validate",
  summary: "Check a whole agent: flows, destinations, functions, topics and scenarios",
  synopsis: "--agent <id or name> [--version draft|pre-release|live|N] [--json]",
  about: `Checks the agent's draft (or a version): the document's rules (destinations as the Call Handoffs
form checks them, unique names, exactly one default), lint of every flow and topic, every function
compiled by Python, and every scenario's references (its flow, the nodes its path names, the
destinations and function it expects). Lists each problem; exit 1 when there is an error (warnings
alone pass), 0 otherwise.`,
  options: {
    agent: AGENT_OPTION,
    version: { type: "string", value: "<draft|pre-release|live|N>", help: "what to check; default the draft" },
    json: { type: "boolean", help: "print { ok, problems, checked }" },
  },
  async run(values, io) {
    const agentRef = requiredString(values, "agent");
    const rawVersion = stringOption(values, "version") ?? "draft";
    const ref = parseVersionRef(rawVersion);
    if (!ref) throw new UsageError(`--version: ${VERSION_REF_MESSAGE} (got "${rawVersion}")`);
    const db = openDb();
    const runner = createNodeFunctionRunner();
    try {
      const agent = requireAgent(db, agentRef);
      const found = readDocument(db, agent.id, ref);
      if (!found.ok) throw new UsageError(`"${agent.name}": ${found.message}`);
      const report = await validateAgentDocument(found.document, (code) => runner.check(code));
      if (values.json === true) io.out(JSON.stringify(report) + "\n");
      else {
        for (const p of report.problems) io.out(`${p.severity.padEnd(7)} ${p.where}: ${p.message}\n`);
        const errors = report.problems.filter((p) => p.severity === "error").length;
        const warnings = report.problems.length - errors;
        const c = report.checked;
        io.out(
          `${report.ok ? "OK" : "FAILED"}: "${agent.name}" (${found.version === null ? "draft" : `version ${found.version}`}): ` +
            `${c.flows} flows, ${c.destinations} destinations, ${c.functions} functions, ${c.scenarios} scenarios; ` +
            `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}\n`,
        );
      }
      return report.ok ? 0 : 1;
    } finally {
      runner.dispose();
      db.$client.close();
    }
  },
});
