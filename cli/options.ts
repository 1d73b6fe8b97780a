import { writeFileSync } from "node:fs";
import type { Db } from "../db/client";
import { findAgent, listAgents } from "../db/repositories/agents";
import type { Agent } from "../lib/agents/types";
import { BEHAVIOUR_WORDS, parseBehaviourAssignment, type DestinationBehaviour } from "../lib/handoffs/outcomes";
import { traceToPcap, type PcapMessage } from "../lib/sip/pcap";
import { classifyRoute } from "../lib/sip/route";
import { VARIABLE_NAME } from "../lib/variables/variables";
import { stringOption, UsageError, type OptionValues } from "./args";
import type { CommandOption } from "./command";

// Options several commands share, declared once with their --help text.

export const AGENT_OPTION: CommandOption = {
  type: "string",
  value: "<id or name>",
  help: "the agent (its id, or its name in any case)",
};

export const VAR_OPTION: CommandOption = {
  type: "string",
  multiple: true,
  value: "<name=value>",
  help: "a variable value (repeatable); defaults are the agent's samples",
};

/** `--variant <success|busy>`; `busy` says what refuses in this command. */
export function variantOption(busy: string): CommandOption {
  return { type: "string", value: "<success|busy>", help: `busy: ${busy}` };
}

/** The `--variant` given, `success` by default. */
export function parseVariant(values: OptionValues): "success" | "busy" {
  const variant = stringOption(values, "variant") ?? "success";
  if (variant !== "success" && variant !== "busy")
    throw new UsageError(`--variant must be success or busy (got "${variant}")`);
  return variant;
}

export const BEHAVIOUR_OPTION: CommandOption = {
  type: "string",
  multiple: true,
  value: "<destination=behaviour>",
  help: `how a destination behaves when the call is transferred to it (repeatable): ${BEHAVIOUR_WORDS};
several, comma-separated, are one per attempt ("Front desk=busy,answers"); * is any other destination`,
};

/**
 * `--behaviour NAME=B[,B…]` items as the runtime's behaviours table. NAME is a destination of the
 * agent (any case), `*`, or the route of a code-based transfer; anything else is a usage error.
 */
export function parseBehaviours(
  items: readonly string[],
  destinations: readonly { name: string }[],
  variant: "success" | "busy",
): Record<string, DestinationBehaviour | DestinationBehaviour[]> | undefined {
  const out: Record<string, DestinationBehaviour | DestinationBehaviour[]> = {};
  if (variant === "busy") out["*"] = "busy";
  for (const item of items) {
    const parsed = parseBehaviourAssignment(item);
    if (!parsed.ok) throw new UsageError(`--behaviour: ${parsed.message}`);
    const known = destinations.find((d) => d.name.toLowerCase() === parsed.destination.toLowerCase());
    if (!known && parsed.destination !== "*" && classifyRoute(parsed.destination) === null) {
      const names = destinations.map((d) => `"${d.name}"`).join(", ") || "none";
      throw new UsageError(
        `--behaviour: no destination named "${parsed.destination}" (destinations: ${names}; * means any other)`,
      );
    }
    out[known?.name ?? parsed.destination] = parsed.behaviours.length === 1 ? parsed.behaviours[0]! : parsed.behaviours;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export const PCAP_OPTION: CommandOption = {
  type: "string",
  value: "<file>",
  help: "also write the SIP messages to FILE as a pcap capture (Wireshark, tshark, sngrep)",
};

/**
 * Writes `--pcap FILE` when given: the trace's SIP messages as frames at `startMs` plus their
 * times. A path that cannot be written is a usage error (exit 2), like any other bad argument.
 */
export function writePcapOption(values: OptionValues, messages: readonly PcapMessage[], startMs: number): void {
  const file = stringOption(values, "pcap");
  if (file === undefined) return;
  if (file.trim() === "") throw new UsageError("--pcap needs a file name");
  try {
    writeFileSync(file, traceToPcap(messages, startMs));
  } catch (e) {
    throw new UsageError(`--pcap: cannot write ${file}: ${(e as Error).message}`);
  }
}

/** `--var name=value` items as a record; a malformed item is a usage error (exit 2). */
export function parseVars(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    const name = eq < 0 ? item : item.slice(0, eq);
    if (eq < 0 || !VARIABLE_NAME.test(name)) {
      throw new UsageError(`--var expects name=value with a variable name like customer_id (got "${item}")`);
    }
    out[name] = item.slice(eq + 1);
  }
  return out;
}

/** The agent named by `--agent` (id or name), or a usage error listing the agents there are. */
export function requireAgent(db: Db, ref: string): Agent {
  const agent = findAgent(db, ref);
  if (agent) return agent;
  const known = listAgents(db)
    .map((a) => `"${a.name}" (${a.id})`)
    .join(", ");
  throw new UsageError(`Unknown agent "${ref}". Agents: ${known || "none"}`);
}
