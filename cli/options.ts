import type { Db } from "../db/client";
import { findAgent, listAgents } from "../db/repositories/agents";
import type { Agent } from "../lib/agents/types";
import { VARIABLE_NAME } from "../lib/variables/variables";
import { UsageError } from "./args";

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
