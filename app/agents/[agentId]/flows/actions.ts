"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { appendAudit } from "@/db/repositories/audit";
import { writeTransaction } from "@/db/transaction";
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
  type RenameFlowResult,
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
import { flowChange } from "@/lib/audit/changes";
import { change, quote } from "@/lib/audit/summaries";
import { actorOf } from "@/lib/audit/types";
import type { Viewer } from "@/lib/auth/types";
import { saveFlowFromClient } from "./save-flow";

const GONE = { ok: false as const, fieldErrors: { _form: "This flow or agent no longer exists; reload the page" } };

const denied = (d: Denial): FlowActionResult => ({ ok: false, fieldErrors: { _form: d.message } });

/** A repository change and its audit entry in one transaction; `summary` describes the flow it made. */
function audited<R extends FlowNameResult>(
  viewer: Viewer,
  agentId: string,
  verb: string,
  run: () => R,
  summary: (flow: { id: string; name: string; nodes: unknown[] }, result: R & { ok: true }) => string,
): R {
  const db = getDb();
  return writeTransaction(db, () => {
    const result = run();
    if (result.ok)
      appendAudit(
        db,
        actorOf(viewer),
        flowChange(verb, { ...result.flow, agentId }, summary(result.flow, result as R & { ok: true })),
      );
    return result;
  });
}

const retargetedNodes = (n: number) => `updated ${n} Go to flow node${n === 1 ? "" : "s"}`;
const followedScenarios = (n: number) => `updated ${n} scenario${n === 1 ? "" : "s"}`;

const nodeCount = (flow: { nodes: unknown[] }) => `${flow.nodes.length} node${flow.nodes.length === 1 ? "" : "s"}`;

function validAgent(agentId: unknown): agentId is string {
  return typeof agentId === "string" && getAgent(getDb(), agentId) !== null;
}

function finish(agentId: string, result: RenameFlowResult, field = "name"): FlowActionResult {
  if (result.ok) {
    revalidatePath(`/agents/${agentId}/flows`);
    const { retargeted, scenariosFollowed, namedInCode } = result;
    return {
      ok: true,
      flowId: result.flow.id,
      name: result.flow.name,
      ...(retargeted ? { retargeted } : {}),
      ...(scenariosFollowed ? { scenariosFollowed } : {}),
      ...(namedInCode ? { namedInCode } : {}),
    };
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
export const createFlowAction = guardedAction(
  "flows.edit",
  denied,
  async (viewer, agentId: unknown, input: unknown): Promise<FlowActionResult> => {
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
    return finish(
      agentId,
      audited(
        viewer,
        agentId,
        "created",
        () => createFlow(db, agentId, doc),
        (f) => (template === "demo" ? `from the demo flow, ${nodeCount(f)}` : "empty"),
      ),
    );
  },
);

export const renameFlowAction = guardedAction(
  "flows.edit",
  denied,
  async (viewer, agentId: unknown, flowId: unknown, name: unknown): Promise<FlowActionResult> => {
    if (!validAgent(agentId) || typeof flowId !== "string") return GONE;
    const parsed = parseName(name);
    if (!parsed.ok) return parsed.error;
    const before = getFlow(getDb(), agentId, flowId);
    if (!before) return GONE;
    const result = finish(
      agentId,
      audited(
        viewer,
        agentId,
        "renamed",
        () => renameFlow(getDb(), agentId, flowId, parsed.name),
        (f, r) =>
          change("name", before.name, f.name) +
          (r.retargeted ? `; ${retargetedNodes(r.retargeted)}` : "") +
          (r.scenariosFollowed ? `; ${followedScenarios(r.scenariosFollowed)}` : ""),
      ),
    );
    // Every editor of the agent: Go to flow nodes elsewhere may name this flow.
    if (result.ok) revalidatePath(`/agents/${agentId}/flows`, "layout");
    return result;
  },
);

export const duplicateFlowAction = guardedAction(
  "flows.edit",
  denied,
  async (viewer, agentId: unknown, flowId: unknown): Promise<FlowActionResult> => {
    if (!validAgent(agentId) || typeof flowId !== "string") return GONE;
    const source = getFlow(getDb(), agentId, flowId);
    if (!source) return GONE;
    return finish(
      agentId,
      audited(
        viewer,
        agentId,
        "created",
        () => duplicateFlow(getDb(), agentId, flowId),
        (f) => `copy of ${quote(source.name)}, ${nodeCount(f)}`,
      ),
    );
  },
);

export const deleteFlowAction = guardedAction(
  "flows.edit",
  denied,
  async (viewer, agentId: unknown, flowId: unknown): Promise<FlowActionResult> => {
    if (!validAgent(agentId) || typeof flowId !== "string") return GONE;
    const db = getDb();
    const flow = getFlow(db, agentId, flowId);
    if (!flow) return GONE;
    const deleted = writeTransaction(db, () => {
      if (!deleteFlow(db, agentId, flowId)) return false;
      appendAudit(db, actorOf(viewer), flowChange("deleted", flow, `deleted (had ${nodeCount(flow)})`));
      return true;
    });
    if (!deleted) return GONE;
    revalidatePath(`/agents/${agentId}/flows`);
    return { ok: true, flowId, name: flow.name };
  },
);

/**
 * Imports a flow as a new flow. The browser reads the export file (`importFlow`: envelope,
 * format version, JSON positions) and sends the document, which is checked again here; an
 * invalid or oversized document saves nothing and lists each problem's path.
 */
export const importFlowAction = guardedAction(
  "flows.edit",
  denied,
  async (viewer, agentId: unknown, doc: unknown): Promise<FlowActionResult> => {
    if (!validAgent(agentId)) return GONE;
    const parsed = parseSizedDocument(doc);
    if (!parsed.ok) return { ok: false, fieldErrors: { file: "This file is not a valid flow" }, errors: parsed.errors };
    const db = getDb();
    const name = flowNameInUse(db, agentId, parsed.doc.name)
      ? freeCopyName(db, agentId, parsed.doc.name)
      : parsed.doc.name;
    return finish(
      agentId,
      audited(viewer, agentId, "imported", () => createFlow(db, agentId, { ...parsed.doc, name }), nodeCount),
      "file",
    );
  },
);

export const saveFlowAction = guardedAction(
  "flows.edit",
  (d: Denial): SaveFlowResult => ({ ok: false, status: "forbidden", message: d.message }),
  async (viewer, agentId: unknown, flowId: unknown, doc: unknown, baseRevision: unknown): Promise<SaveFlowResult> =>
    saveFlowFromClient(viewer, agentId, flowId, doc, baseRevision),
);

/** "Save mine as a copy" after a conflict: the editor's version becomes a new flow. */
export const saveFlowAsCopyAction = guardedAction(
  "flows.edit",
  denied,
  async (viewer, agentId: unknown, doc: unknown): Promise<FlowActionResult> => {
    if (!validAgent(agentId)) return GONE;
    const parsed = parseSizedDocument(doc);
    if (!parsed.ok) return { ok: false, fieldErrors: { _form: "The flow could not be read" }, errors: parsed.errors };
    const db = getDb();
    return finish(
      agentId,
      audited(
        viewer,
        agentId,
        "created",
        () => createFlow(db, agentId, { ...parsed.doc, name: freeCopyName(db, agentId, parsed.doc.name) }),
        (f) => `saved as a copy after a conflict, ${nodeCount(f)}`,
      ),
    );
  },
);
