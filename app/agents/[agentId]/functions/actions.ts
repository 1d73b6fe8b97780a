"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/server";
import { getAgent, listAgentVariables } from "@/db/repositories/agents";
import { listDestinations } from "@/db/repositories/handoffs";
import {
  createFunction,
  deleteFunction,
  functionUsages,
  getFunction,
  renameFunction,
  saveFunction,
  type FunctionResult,
} from "@/db/repositories/functions";
import { createFunctionSchema, parseWith, renameFunctionSchema, saveFunctionSchema } from "@/lib/functions/schema";
import type { DeleteFunctionResult, FunctionActionResult, FunctionEditorData } from "@/lib/functions/action-results";
import { templateById } from "@/lib/functions/templates";
import { toFunctionDestination } from "@/lib/functions/sample";
import type { FunctionUsage } from "@/lib/functions/types";

const GONE_AGENT = { ok: false as const, fieldErrors: {}, formError: "This agent no longer exists; reload the page" };
const GONE_FUNCTION = {
  ok: false as const,
  fieldErrors: {},
  formError: "This function was deleted in the meantime; reload to see the current list",
};

function agentExists(agentId: unknown): agentId is string {
  return typeof agentId === "string" && getAgent(getDb(), agentId) !== null;
}

function finish(agentId: string, result: FunctionResult & { updatedNodes?: number }): FunctionActionResult {
  if (result.ok) {
    revalidatePath(`/agents/${agentId}/functions`, "layout");
    return { ok: true, function: result.function, updatedNodes: result.updatedNodes };
  }
  return result.status === "not_found" ? GONE_FUNCTION : { ok: false, fieldErrors: result.fieldErrors };
}

// Every argument is `unknown`: a server action is a public endpoint and must validate what it gets.

export async function createFunctionAction(agentId: unknown, input: unknown): Promise<FunctionActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  const parsed = parseWith(createFunctionSchema, input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  const { name, description, template } = parsed.value;
  return finish(
    agentId,
    createFunction(getDb(), agentId, { name, description, code: templateById(template).code(name) }),
  );
}

export async function renameFunctionAction(
  agentId: unknown,
  id: unknown,
  input: unknown,
): Promise<FunctionActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  if (typeof id !== "string") return GONE_FUNCTION;
  const parsed = parseWith(renameFunctionSchema, input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  return finish(agentId, renameFunction(getDb(), agentId, id, parsed.value.name));
}

export async function saveFunctionAction(agentId: unknown, id: unknown, input: unknown): Promise<FunctionActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  if (typeof id !== "string") return GONE_FUNCTION;
  const parsed = parseWith(saveFunctionSchema, input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  return finish(agentId, saveFunction(getDb(), agentId, id, parsed.value));
}

export async function functionUsagesAction(agentId: unknown, id: unknown): Promise<FunctionUsage[]> {
  if (!agentExists(agentId) || typeof id !== "string") return [];
  const fn = getFunction(getDb(), agentId, id);
  return fn ? functionUsages(getDb(), agentId, fn.name) : [];
}

/** Deletes; when flow nodes use the function, only with `confirmUsed: true` (the dialog named them). */
export async function deleteFunctionAction(
  agentId: unknown,
  id: unknown,
  confirmUsed: unknown,
): Promise<DeleteFunctionResult> {
  if (!agentExists(agentId)) return { ok: false, usages: [], formError: GONE_AGENT.formError };
  if (typeof id !== "string") return { ok: false, usages: [], formError: GONE_FUNCTION.formError };
  const db = getDb();
  const fn = getFunction(db, agentId, id);
  if (!fn) return { ok: false, usages: [], formError: GONE_FUNCTION.formError };
  const usages = functionUsages(db, agentId, fn.name);
  if (usages.length > 0 && confirmUsed !== true) return { ok: false, usages };
  deleteFunction(db, agentId, id);
  revalidatePath(`/agents/${agentId}/functions`, "layout");
  return { ok: true };
}

export async function loadFunctionEditorData(agentId: unknown, id: unknown): Promise<FunctionEditorData | null> {
  if (typeof agentId !== "string" || typeof id !== "string") return null;
  return functionEditorData(agentId, id);
}

async function functionEditorData(agentId: string, id: string): Promise<FunctionEditorData | null> {
  const db = getDb();
  const agent = getAgent(db, agentId);
  const fn = agent ? getFunction(db, agentId, id) : null;
  if (!agent || !fn) return null;
  return {
    agentId,
    function: fn,
    destinations: listDestinations(db, agentId).map(toFunctionDestination),
    variables: listAgentVariables(db, agentId).map((v) => ({ name: v.name, sampleValue: v.sampleValue })),
    timeoutMs: agent.functionTimeoutMs,
  };
}
