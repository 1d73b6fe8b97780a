import { openDb } from "../../db/client";
import { listAgentVariables } from "../../db/repositories/agents";
import { findDestinationByName, listDestinations } from "../../db/repositories/handoffs";
import { isReasonCode, REASON_CODE_PATTERN } from "../../lib/handoffs/record";
import { METHOD_INFO } from "../../lib/handoffs/types";
import { buildHandoffTrace, formatTraceText, methodNote, type TraceVariant } from "../../lib/sip/index";
import { BUILTIN_VARIABLES } from "../../lib/variables/variables";
import { UsageError, parseOptions, requiredString, stringList, stringOption } from "../args";
import type { Command } from "../command";
import { parseVars, requireAgent } from "../options";

const USAGE = `Usage: handoff-trace --agent <id or name> --destination <name> [options]

Prints the SIP a handoff to one destination would exchange, from the inbound call on.

Options:
  --agent <id or name>     the agent (its id, or its name in any case)
  --destination <name>     one of the agent's handoff destinations
  --reason <code>          reason code (${REASON_CODE_PATTERN.source}); default: the destination's name
  --utterance <text>       what the agent says before handing off
  --var <name=value>       a variable value (repeatable); defaults are the agent's samples
  --variant <success|busy> busy: the destination or the transfer answers 486 Busy Here
  --soft                   attended transfer (consult, whisper, REFER with Replaces)
  --whisper <text>         what the agent tells the destination in a soft transfer
  --seed <n>               seed for Call-IDs, tags and branches (same seed, same trace)
  --json                   print {messages, warnings} as JSON
  -h, --help               show this help`;

export const handoffTraceCommand: Command = {
  name: "handoff-trace",
  summary: "Print the SIP trace of one destination's handoff",
  usage: USAGE,
  run(argv, io) {
    const values = parseOptions(argv, {
      agent: { type: "string" },
      destination: { type: "string" },
      reason: { type: "string" },
      utterance: { type: "string" },
      var: { type: "string", multiple: true },
      variant: { type: "string" },
      soft: { type: "boolean" },
      whisper: { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help === true) {
      io.out(USAGE + "\n");
      return 0;
    }
    const agentRef = requiredString(values, "agent");
    const destinationName = requiredString(values, "destination");
    const reason = stringOption(values, "reason");
    if (reason !== undefined && !isReasonCode(reason)) {
      throw new UsageError(
        `--reason must be a reason code matching ${REASON_CODE_PATTERN.source}, e.g. needs_human (got "${reason}")`,
      );
    }
    const variant = stringOption(values, "variant") ?? "success";
    if (variant !== "success" && variant !== "busy")
      throw new UsageError(`--variant must be success or busy (got "${variant}")`);
    const seedText = stringOption(values, "seed");
    const seed = seedText === undefined ? undefined : /^-?\d{1,15}$/.test(seedText) ? Number(seedText) : seedText;
    const overrides = parseVars(stringList(values, "var"));

    const db = openDb();
    try {
      const agent = requireAgent(db, agentRef);
      const destination = findDestinationByName(db, agent.id, destinationName);
      if (!destination) {
        const names = listDestinations(db, agent.id)
          .map((d) => `"${d.name}"`)
          .join(", ");
        throw new UsageError(
          `Unknown destination "${destinationName}" for agent "${agent.name}". Available: ${names || "none"}`,
        );
      }
      const variables: Record<string, string> = {};
      for (const v of BUILTIN_VARIABLES) variables[v.name] = v.sample;
      for (const v of listAgentVariables(db, agent.id)) variables[v.name] = v.sampleValue;
      Object.assign(variables, overrides);

      const soft = values.soft === true;
      const trace = buildHandoffTrace({
        destination,
        reason,
        utterance: stringOption(values, "utterance"),
        variables,
        hosts: { trunkHost: agent.trunkHost, pbxHost: agent.pbxHost },
        seed,
        variant: variant as TraceVariant,
        soft,
        whisper: stringOption(values, "whisper"),
        agentName: agent.name,
      });
      if (values.json === true) {
        io.out(JSON.stringify({ messages: trace.messages, warnings: trace.warnings }, null, 2) + "\n");
      } else {
        const kind = soft && destination.method !== "bye" ? "attended transfer" : METHOD_INFO[destination.method].label;
        io.out(
          `# ${agent.name} → ${destination.name} (${kind}${destination.route ? `, route ${destination.route}` : ""})\n`,
        );
        io.out(`# ${methodNote(destination.method, soft)}\n\n`);
        io.out(formatTraceText(trace));
      }
      return 0;
    } finally {
      db.$client.close();
    }
  },
};
