"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { appendAudit } from "@/db/repositories/audit";
import { writeTransaction } from "@/db/transaction";
import { functionChange } from "@/lib/audit/changes";
import { change, functionSaveSummary } from "@/lib/audit/summaries";
import { actorOf, type AuditChange } from "@/lib/audit/types";
import type { Viewer } from "@/lib/auth/types";
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
import type {
  DeleteFunctionResult,
  FunctionActionResult,
  FunctionEditorData,
  FunctionUsagesResult,
  LoadFunctionResult,
} from "@/lib/functions/action-results";
import { templateById } from "@/lib/functions/templates";
import { toFunctionDestination } from "@/lib/functions/sample";
import type { AgentFunction } from "@/lib/functions/types";

const GONE_AGENT = { ok: false as const, fieldErrors: {}, formError: "This agent no longer exists; reload the page" };
const GONE_FUNCTION = {
  ok: false as const,
  fieldErrors: {},
  formError: "This function was deleted in the meantime; reload to see the current list",
};

const denied = (d: Denial): FunctionActionResult => ({ ok: false, fieldErrors: {}, formError: d.message });

/** A repository change and its audit entry in one transaction. */
function audited<R extends FunctionResult>(viewer: Viewer, run: () => R, entry: (fn: AgentFunction) => AuditChange): R {
  const db = getDb();
  return writeTransaction(db, () => {
    const result = run();
    if (result.ok) appendAudit(db, actorOf(viewer), entry(result.function));
    return result;
  });
}

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

export const createFunctionAction = guardedAction(
  "functions.edit",
  denied,
  async (viewer, agentId: unknown, input: unknown): Promise<FunctionActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    const parsed = parseWith(createFunctionSchema, input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    const { name, description, template } = parsed.value;
    return finish(
      agentId,
      audited(
        viewer,
        () => createFunction(getDb(), agentId, { name, description, code: templateById(template).code(name) }),
        (fn) => functionChange("created", fn, `from the ${template} template`),
      ),
    );
  },
);

export const renameFunctionAction = guardedAction(
  "functions.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown, input: unknown): Promise<FunctionActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_FUNCTION;
    const parsed = parseWith(renameFunctionSchema, input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    const before = getFunction(getDb(), agentId, id);
    if (!before) return GONE_FUNCTION;
    return finish(
      agentId,
      audited(
        viewer,
        () => renameFunction(getDb(), agentId, id, parsed.value.name),
        (fn) => functionChange("renamed", fn, change("name", before.name, fn.name)),
      ),
    );
  },
);

export const saveFunctionAction = guardedAction(
  "functions.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown, input: unknown): Promise<FunctionActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_FUNCTION;
    const parsed = parseWith(saveFunctionSchema, input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    const before = getFunction(getDb(), agentId, id);
    if (!before) return GONE_FUNCTION;
    return finish(
      agentId,
      audited(
        viewer,
        () => saveFunction(getDb(), agentId, id, parsed.value),
        (fn) => functionChange("saved", fn, functionSaveSummary(before, fn)),
      ),
    );
  },
);

/** The flow nodes that name a function, for the delete dialog. */
export const functionUsagesAction = guardedAction(
  "functions.edit",
  (d: Denial): FunctionUsagesResult => ({ ok: false, error: d.message }),
  async (_viewer, agentId: unknown, id: unknown): Promise<FunctionUsagesResult> => {
    if (!agentExists(agentId) || typeof id !== "string") return { ok: true, usages: [] };
    const fn = getFunction(getDb(), agentId, id);
    return { ok: true, usages: fn ? functionUsages(getDb(), agentId, fn.name) : [] };
  },
);

/** Deletes; when flow nodes use the function, only with `confirmUsed: true` (the dialog named them). */
export const deleteFunctionAction = guardedAction(
  "functions.edit",
  (d: Denial): DeleteFunctionResult => ({ ok: false, usages: [], formError: d.message }),
  async (viewer, agentId: unknown, id: unknown, confirmUsed: unknown): Promise<DeleteFunctionResult> => {
    if (!agentExists(agentId)) return { ok: false, usages: [], formError: GONE_AGENT.formError };
    if (typeof id !== "string") return { ok: false, usages: [], formError: GONE_FUNCTION.formError };
    const db = getDb();
    const fn = getFunction(db, agentId, id);
    if (!fn) return { ok: false, usages: [], formError: GONE_FUNCTION.formError };
    const usages = functionUsages(db, agentId, fn.name);
    if (usages.length > 0 && confirmUsed !== true) return { ok: false, usages };
    writeTransaction(db, () => {
      if (deleteFunction(db, agentId, id))
        appendAudit(
          db,
          actorOf(viewer),
          functionChange(
            "deleted",
            fn,
            usages.length ? `deleted; ${usages.length} flow node(s) still name it` : "deleted",
          ),
        );
    });
    revalidatePath(`/agents/${agentId}/functions`, "layout");
    return { ok: true };
  },
);

/** What the editor panel needs; everyone may look (only functions.edit may save). */
export const loadFunctionEditorData = guardedAction(
  "view",
  (d: Denial): LoadFunctionResult => ({ ok: false, error: d.message }),
  async (_viewer, agentId: unknown, id: unknown): Promise<LoadFunctionResult> => {
    const data = typeof agentId === "string" && typeof id === "string" ? await functionEditorData(agentId, id) : null;
    return data ? { ok: true, data } : { ok: false, error: "This function no longer exists." };
  },
);

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
