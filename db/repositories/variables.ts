import { FLOW_ORDER } from "./flows";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { flows, functions, variables } from "../schema";
import { writeTransaction } from "../transaction";
import { listAgentVariables } from "./agents";
import { listDestinations } from "./handoffs";
import type { AgentVariable, ValidVariable } from "../../lib/variables/schema";
import { listTopics } from "./topics";
import { variableUsages, type VariableUse } from "../../lib/variables/usages";
import type { FieldErrors } from "../../lib/validation/field-errors";

/** An agent's variables (docs/design.md §1): name (unique per agent, exact case), sample value, description. */

export type VariableResult =
  | { ok: true; variable: AgentVariable }
  | { ok: false; status: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; status: "not_found" };

/** By name, as every list of variables is ordered. */
export const listVariables = listAgentVariables;

export function getVariable(db: Db, agentId: string, name: string): AgentVariable | null {
  return (
    db
      .select({ name: variables.name, sampleValue: variables.sampleValue, description: variables.description })
      .from(variables)
      .where(and(eq(variables.agentId, agentId), eq(variables.name, name)))
      .get() ?? null
  );
}

const nameTaken = (name: string): VariableResult => ({
  ok: false,
  status: "invalid",
  fieldErrors: { name: `This agent already has a variable named ${name}` },
});

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && "code" in e && (e as { code: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

export function createVariable(db: Db, agentId: string, input: ValidVariable): VariableResult {
  try {
    db.insert(variables)
      .values({ agentId, ...input })
      .run();
    return { ok: true, variable: { ...input } };
  } catch (e) {
    // The unique index decides, so two requests adding the same name cannot both succeed.
    if (isUniqueViolation(e)) return nameTaken(input.name);
    throw e;
  }
}

/** Changes a variable, its name included; references to the old name are not rewritten (the page lists them first). */
export function updateVariable(db: Db, agentId: string, name: string, input: ValidVariable): VariableResult {
  try {
    return writeTransaction(db, (tx): VariableResult => {
      if (!getVariable(db, agentId, name)) return { ok: false, status: "not_found" };
      if (input.name !== name && getVariable(db, agentId, input.name)) return nameTaken(input.name);
      tx.update(variables)
        .set(input)
        .where(and(eq(variables.agentId, agentId), eq(variables.name, name)))
        .run();
      return { ok: true, variable: { ...input } };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return nameTaken(input.name);
    throw e;
  }
}

export function deleteVariable(db: Db, agentId: string, name: string): boolean {
  const row = db
    .delete(variables)
    .where(and(eq(variables.agentId, agentId), eq(variables.name, name)))
    .returning({ name: variables.name })
    .get();
  return row !== undefined;
}

/** Where the agent uses `$name`: destination headers, flow nodes, functions (lib/variables/usages.ts). */
export function listVariableUsages(db: Db, agentId: string, name: string): VariableUse[] {
  const flowRows = db
    .select({ id: flows.id, name: flows.name, nodes: flows.nodes })
    .from(flows)
    .where(eq(flows.agentId, agentId))
    .orderBy(...FLOW_ORDER)
    .all();
  const fnRows = db
    .select({ id: functions.id, name: functions.name, code: functions.code })
    .from(functions)
    .where(eq(functions.agentId, agentId))
    .orderBy(asc(functions.name))
    .all();
  return variableUsages(name, {
    destinations: listDestinations(db, agentId),
    flows: flowRows.map((f) => ({ ...f, nodes: Array.isArray(f.nodes) ? f.nodes : [] })),
    functions: fnRows,
    topics: listTopics(db, agentId),
  });
}
