import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { agents, variables } from "../schema";
import type { Agent } from "../../lib/agents/types";
import { builtinVariableNames } from "../../lib/variables/variables";
import type { AgentVariable } from "../../lib/variables/schema";

type AgentRow = typeof agents.$inferSelect;

function toAgent(row: AgentRow): Agent {
  return {
    id: row.id,
    name: row.name,
    trunkHost: row.trunkHost,
    pbxHost: row.pbxHost,
    functionTimeoutMs: row.functionTimeoutMs,
    createdAt: row.createdAt,
    liveVersion: row.liveVersion,
    preReleaseVersion: row.preReleaseVersion,
  };
}

export function listAgents(db: Db): Agent[] {
  return db.select().from(agents).orderBy(asc(agents.createdAt), asc(agents.id)).all().map(toAgent);
}

// Every page and webhook reads its agent: drizzle builds and prepares a query on each call unless
// it is prepared once per connection (this was a fifth of a Twilio webhook turn's own time).
const agentById = new WeakMap<Db, ReturnType<typeof prepareAgentById>>();
const prepareAgentById = (db: Db) =>
  db
    .select()
    .from(agents)
    .where(eq(agents.id, sql.placeholder("id")))
    .prepare();

export function getAgent(db: Db, id: string): Agent | null {
  let query = agentById.get(db);
  if (!query) {
    query = prepareAgentById(db);
    agentById.set(db, query);
  }
  const row = query.get({ id });
  return row ? toAgent(row) : null;
}

/** For the CLI: an agent named by id, or by name (case-insensitive). */
export function findAgent(db: Db, idOrName: string): Agent | null {
  return (
    getAgent(db, idOrName) ??
    (() => {
      const row = db.select().from(agents).where(sql`lower(${agents.name}) = lower(${idOrName})`).get();
      return row ? toAgent(row) : null;
    })()
  );
}

export function createAgent(db: Db, name: string): Agent {
  const row = db
    .insert(agents)
    .values({ id: newId("agt"), name, createdAt: nowIso() })
    .returning()
    .get();
  return toAgent(row);
}

export function renameAgent(db: Db, id: string, name: string): Agent | null {
  const row = db.update(agents).set({ name }).where(eq(agents.id, id)).returning().get();
  return row ? toAgent(row) : null;
}

export type { AgentVariable } from "../../lib/variables/schema";

export function listAgentVariables(db: Db, agentId: string): AgentVariable[] {
  return db
    .select({ name: variables.name, sampleValue: variables.sampleValue, description: variables.description })
    .from(variables)
    .where(eq(variables.agentId, agentId))
    .orderBy(asc(variables.name))
    .all();
}

/** Every variable name usable in this agent's `$references`: built-ins first, then the agent's own. */
export function knownVariableNames(db: Db, agentId: string): string[] {
  return [...builtinVariableNames(), ...listAgentVariables(db, agentId).map((v) => v.name)];
}
