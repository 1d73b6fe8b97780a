"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { listDestinations } from "@/db/repositories/handoffs";
import {
  createFlow,
  deleteFlow,
  duplicateFlow,
  flowNameInUse,
  freeCopyName,
  getFlow,
  renameFlow,
  type FlowNameResult,
} from "@/db/repositories/flows";
import {
  demoFlow,
  flowNameSchema,
  parseFlowDocument,
  type DocumentParseResult,
  type FlowActionResult,
  type FlowDocument,
  type SaveFlowResult,
} from "@/lib/flow";
import { flowSizeError } from "@/lib/flow/size";
import { saveFlowFromClient } from "./save-flow";

const GONE = { ok: false as const, fieldErrors: { _form: "This flow or agent no longer exists; reload the page" } };

function validAgent(agentId: unknown): agentId is string {
  return typeof agentId === "string" && getAgent(getDb(), agentId) !== null;
}

function finish(agentId: string, result: FlowNameResult, field = "name"): FlowActionResult {
  if (result.ok) {
    revalidatePath(`/agents/${agentId}/flows`);
    return { ok: true, flowId: result.flow.id, name: result.flow.name };
  }
  return result.status === "name_taken" ? { ok: false, fieldErrors: { [field]: result.message } } : GONE;
}

/** A flow document within the schema and the size limit. */
function parseSizedDocument(doc: unknown): DocumentParseResult {
  const parsed = parseFlowDocument(doc);
  if (!parsed.ok) return parsed;
  const tooLarge = flowSizeError(parsed.doc);
  return tooLarge ? { ok: false, errors: [tooLarge] } : parsed;
}

function parseName(name: unknown): { ok: true; name: string } | { ok: false; error: FlowActionResult } {
  const parsed = flowNameSchema.safeParse(name);
  if (parsed.success) return { ok: true, name: parsed.data };
  return { ok: false, error: { ok: false, fieldErrors: { name: parsed.error.issues[0]?.message ?? "Enter a name" } } };
}

/** A new flow starts with a start node, or as a copy of the demo flow when asked. */
export async function createFlowAction(agentId: unknown, input: unknown): Promise<FlowActionResult> {
  if (!validAgent(agentId)) return GONE;
  const { name: rawName, template } = (typeof input === "object" && input !== null ? input : {}) as {
    name?: unknown;
    template?: unknown;
  };
  const name = parseName(rawName);
  if (!name.ok) return name.error;
  const db = getDb();
  const doc: FlowDocument =
    template === "demo"
      ? { ...demoFlow({ destinations: listDestinations(db, agentId) }), name: name.name }
      : {
          name: name.name,
          nodes: [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "" } }],
          edges: [],
        };
  return finish(agentId, createFlow(db, agentId, doc));
}

export async function renameFlowAction(agentId: unknown, flowId: unknown, name: unknown): Promise<FlowActionResult> {
  if (!validAgent(agentId) || typeof flowId !== "string") return GONE;
  const parsed = parseName(name);
  if (!parsed.ok) return parsed.error;
  const result = finish(agentId, renameFlow(getDb(), agentId, flowId, parsed.name));
  if (result.ok) revalidatePath(`/agents/${agentId}/flows/${flowId}`);
  return result;
}

export async function duplicateFlowAction(agentId: unknown, flowId: unknown): Promise<FlowActionResult> {
  if (!validAgent(agentId) || typeof flowId !== "string") return GONE;
  return finish(agentId, duplicateFlow(getDb(), agentId, flowId));
}

export async function deleteFlowAction(agentId: unknown, flowId: unknown): Promise<FlowActionResult> {
  if (!validAgent(agentId) || typeof flowId !== "string") return GONE;
  const flow = getFlow(getDb(), agentId, flowId);
  if (!flow || !deleteFlow(getDb(), agentId, flowId)) return GONE;
  revalidatePath(`/agents/${agentId}/flows`);
  return { ok: true, flowId, name: flow.name };
}

/**
 * Imports a flow as a new flow. The browser reads the export file (`importFlow`: envelope,
 * format version, JSON positions) and sends the document, which is checked again here; an
 * invalid or oversized document saves nothing and lists each problem's path.
 */
export async function importFlowAction(agentId: unknown, doc: unknown): Promise<FlowActionResult> {
  if (!validAgent(agentId)) return GONE;
  const parsed = parseSizedDocument(doc);
  if (!parsed.ok) return { ok: false, fieldErrors: { file: "This file is not a valid flow" }, errors: parsed.errors };
  const db = getDb();
  const name = flowNameInUse(db, agentId, parsed.doc.name)
    ? freeCopyName(db, agentId, parsed.doc.name)
    : parsed.doc.name;
  return finish(agentId, createFlow(db, agentId, { ...parsed.doc, name }), "file");
}

export async function saveFlowAction(
  agentId: unknown,
  flowId: unknown,
  doc: unknown,
  baseRevision: unknown,
): Promise<SaveFlowResult> {
  return saveFlowFromClient(agentId, flowId, doc, baseRevision);
}

/** "Save mine as a copy" after a conflict: the editor's version becomes a new flow. */
export async function saveFlowAsCopyAction(agentId: unknown, doc: unknown): Promise<FlowActionResult> {
  if (!validAgent(agentId)) return GONE;
  const parsed = parseSizedDocument(doc);
  if (!parsed.ok) return { ok: false, fieldErrors: { _form: "The flow could not be read" }, errors: parsed.errors };
  const db = getDb();
  return finish(agentId, createFlow(db, agentId, { ...parsed.doc, name: freeCopyName(db, agentId, parsed.doc.name) }));
}
