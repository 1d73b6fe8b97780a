import { openDb } from "../../db/client";
import { listAgentVariables } from "../../db/repositories/agents";
import { findDestinationByName, listDestinations } from "../../db/repositories/handoffs";
import { isReasonCode, REASON_CODE_PATTERN } from "../../lib/handoffs/record";
import { METHOD_INFO } from "../../lib/handoffs/types";
import { buildHandoffTrace, formatTraceText, methodNote } from "../../lib/sip/index";
import { BUILTIN_VARIABLES } from "../../lib/variables/variables";
import { UsageError, requiredString, stringList, stringOption } from "../args";
import { defineCommand } from "../command";
import {
  AGENT_OPTION,
  PCAP_OPTION,
  parseVariant,
  parseVars,
  requireAgent,
  VAR_OPTION,
  variantOption,
  writePcapOption,
} from "../options";

export const handoffTraceCommand = defineCommand({
  name: "handoff-trace",
  summary: "Print the SIP trace of one destination's handoff",
  synopsis: "--agent <id or name> --destination <name> [options]",
  about: "Prints the SIP a handoff to one destination would exchange, from the inbound call on.",
  options: {
    agent: AGENT_OPTION,
    destination: { type: "string", value: "<name>", help: "one of the agent's handoff destinations" },
    reason: {
      type: "string",
      value: "<code>",
      help: `reason code (${REASON_CODE_PATTERN.source}); default: the destination's name`,
    },
    utterance: { type: "string", value: "<text>", help: "what the agent says before handing off" },
    var: VAR_OPTION,
    variant: variantOption("the destination or the transfer answers 486 Busy Here"),
    soft: { type: "boolean", help: "attended transfer (consult, whisper, REFER with Replaces)" },
    whisper: { type: "string", value: "<text>", help: "what the agent tells the destination in a soft transfer" },
    seed: { type: "string", value: "<n>", help: "seed for Call-IDs, tags and branches (same seed, same trace)" },
    json: { type: "boolean", help: "print {messages, warnings} as JSON" },
    pcap: PCAP_OPTION,
  },
  run(values, io) {
    const agentRef = requiredString(values, "agent");
    const destinationName = requiredString(values, "destination");
    const reason = stringOption(values, "reason");
    if (reason !== undefined && !isReasonCode(reason)) {
      throw new UsageError(
        `--reason must be a reason code matching ${REASON_CODE_PATTERN.source}, e.g. needs_human (got "${reason}")`,
      );
    }
    const variant = parseVariant(values);
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
        behaviour: variant === "busy" ? "busy" : "answers",
        soft,
        whisper: stringOption(values, "whisper"),
        agentName: agent.name,
      });
      // A preview has no real call: its capture starts now.
      writePcapOption(values, trace.messages, Date.now());
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
});
