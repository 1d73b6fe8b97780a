"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import {
  createVariable,
  deleteVariable,
  getVariable,
  listVariableUsages,
  updateVariable,
  type VariableResult,
} from "@/db/repositories/variables";
import type { VariableActionResult } from "@/lib/variables/action-results";
import { variableInputSchema } from "@/lib/variables/schema";
import type { VariableUse } from "@/lib/variables/usages";
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

function agentExists(agentId: unknown): agentId is string {
  return typeof agentId === "string" && getAgent(getDb(), agentId) !== null;
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

export async function createVariableAction(agentId: unknown, input: unknown): Promise<VariableActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  const parsed = parseWith(variableInputSchema, input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  return finish(agentId, createVariable(getDb(), agentId, parsed.value));
}

/** Renaming a variable that is used needs `confirmUsed: true`: the references keep the old name. */
export async function updateVariableAction(
  agentId: unknown,
  name: unknown,
  input: unknown,
  confirmUsed: unknown = false,
): Promise<VariableActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  if (typeof name !== "string") return GONE_VARIABLE;
  const parsed = parseWith(variableInputSchema, input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  const db = getDb();
  if (!getVariable(db, agentId, name)) return GONE_VARIABLE;
  if (parsed.value.name !== name && confirmUsed !== true) {
    const usages = listVariableUsages(db, agentId, name);
    if (usages.length > 0) return { ok: false, fieldErrors: {}, usages };
  }
  return finish(agentId, updateVariable(db, agentId, name, parsed.value));
}

export async function variableUsagesAction(agentId: unknown, name: unknown): Promise<VariableUse[]> {
  if (!agentExists(agentId) || typeof name !== "string") return [];
  return listVariableUsages(getDb(), agentId, name);
}

/** Deletes; when something uses the variable, only with `confirmUsed: true` (the dialog listed the uses). */
export async function deleteVariableAction(
  agentId: unknown,
  name: unknown,
  confirmUsed: unknown = false,
): Promise<VariableActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  if (typeof name !== "string") return GONE_VARIABLE;
  const db = getDb();
  if (confirmUsed !== true) {
    const usages = listVariableUsages(db, agentId, name);
    if (usages.length > 0) return { ok: false, fieldErrors: {}, usages };
  }
  if (!deleteVariable(db, agentId, name)) return GONE_VARIABLE;
  revalidate(agentId);
  return { ok: true };
}
