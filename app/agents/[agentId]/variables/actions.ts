"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { appendAudit } from "@/db/repositories/audit";
import { writeTransaction } from "@/db/transaction";
import { getAgent } from "@/db/repositories/agents";
import {
  createVariable,
  deleteVariable,
  getVariable,
  listVariableUsages,
  updateVariable,
  type VariableResult,
} from "@/db/repositories/variables";
import { variableChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import type { Viewer } from "@/lib/auth/types";
import type { VariableActionResult, VariableUsagesResult } from "@/lib/variables/action-results";
import { variableInputSchema, type AgentVariable } from "@/lib/variables/schema";
import { parseWith } from "@/lib/validation/field-errors";

const GONE_AGENT: VariableActionResult = {
  ok: false,
  fieldErrors: {},
  formError: "This agent no longer exists; reload the page",
};
const GONE_VARIABLE: VariableActionResult = {
  ok: false,
  fieldErrors: {},
  formError: "This variable was deleted in the meantime; reload to see the current list",
};

const denied = (d: Denial): VariableActionResult => ({ ok: false, fieldErrors: {}, formError: d.message });

function agentExists(agentId: unknown): agentId is string {
  return typeof agentId === "string" && getAgent(getDb(), agentId) !== null;
}

/** Runs a repository change and appends its audit entry (before → after) in one transaction. */
function audited(
  viewer: Viewer,
  agentId: string,
  before: AgentVariable | null,
  change: () => VariableResult,
): VariableResult {
  const db = getDb();
  return writeTransaction(db, () => {
    const result = change();
    if (result.ok) appendAudit(db, actorOf(viewer), variableChange(agentId, before, result.variable));
    return result;
  });
}

/** Pages that read the agent's variables: this one, and lint, autocomplete and the simulator elsewhere. */
function revalidate(agentId: string) {
  revalidatePath(`/agents/${agentId}`, "layout");
}

function finish(agentId: string, result: VariableResult): VariableActionResult {
  if (result.ok) {
    revalidate(agentId);
    return { ok: true, variable: result.variable };
  }
  return result.status === "not_found" ? GONE_VARIABLE : { ok: false, fieldErrors: result.fieldErrors };
}

// Every argument is `unknown`: a server action is a public endpoint and must validate what it gets.

export const createVariableAction = guardedAction(
  "variables.edit",
  denied,
  async (viewer, agentId: unknown, input: unknown): Promise<VariableActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    const parsed = parseWith(variableInputSchema, input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    return finish(
      agentId,
      audited(viewer, agentId, null, () => createVariable(getDb(), agentId, parsed.value)),
    );
  },
);

/** Renaming a variable that is used needs `confirmUsed: true`: the references keep the old name. */
export const updateVariableAction = guardedAction(
  "variables.edit",
  denied,
  async (
    viewer,
    agentId: unknown,
    name: unknown,
    input: unknown,
    confirmUsed: unknown = false,
  ): Promise<VariableActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof name !== "string") return GONE_VARIABLE;
    const parsed = parseWith(variableInputSchema, input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    const db = getDb();
    const before = getVariable(db, agentId, name);
    if (!before) return GONE_VARIABLE;
    if (parsed.value.name !== name && confirmUsed !== true) {
      const usages = listVariableUsages(db, agentId, name);
      if (usages.length > 0) return { ok: false, fieldErrors: {}, usages };
    }
    return finish(
      agentId,
      audited(viewer, agentId, before, () => updateVariable(db, agentId, name, parsed.value)),
    );
  },
);

/** Where a variable is used now (the delete and rename confirmations list it). */
export const variableUsagesAction = guardedAction(
  "variables.edit",
  (d: Denial): VariableUsagesResult => ({ ok: false, error: d.message }),
  async (_viewer, agentId: unknown, name: unknown): Promise<VariableUsagesResult> => {
    if (!agentExists(agentId) || typeof name !== "string") return { ok: true, usages: [] };
    return { ok: true, usages: listVariableUsages(getDb(), agentId, name) };
  },
);

/** Deletes; when something uses the variable, only with `confirmUsed: true` (the dialog listed the uses). */
export const deleteVariableAction = guardedAction(
  "variables.edit",
  denied,
  async (viewer, agentId: unknown, name: unknown, confirmUsed: unknown = false): Promise<VariableActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof name !== "string") return GONE_VARIABLE;
    const db = getDb();
    if (confirmUsed !== true) {
      const usages = listVariableUsages(db, agentId, name);
      if (usages.length > 0) return { ok: false, fieldErrors: {}, usages };
    }
    const deleted = writeTransaction(db, () => {
      const before = getVariable(db, agentId, name);
      if (!before || !deleteVariable(db, agentId, name)) return false;
      appendAudit(db, actorOf(viewer), variableChange(agentId, before, null));
      return true;
    });
    if (!deleted) return GONE_VARIABLE;
    revalidate(agentId);
    return { ok: true };
  },
);
