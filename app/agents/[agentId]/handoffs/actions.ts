"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { appendAudit } from "@/db/repositories/audit";
import { writeTransaction } from "@/db/transaction";
import { getAgent } from "@/db/repositories/agents";
import {
  createDestination,
  deleteDestination,
  duplicateDestination,
  getDestination,
  listDestinationUsages,
  listTopicDestinationUsages,
  setDefaultDestination,
  updateDestination,
  type MutationResult,
} from "@/db/repositories/handoffs";
import { importCounts, importDestinationsAudited } from "@/db/repositories/handoffs-import";
import type { DestinationUsagesResult, HandoffActionResult, HandoffsImportResult } from "@/lib/handoffs/action-results";
import { parseHandoffsYaml } from "@/lib/handoffs/yaml";
import { parseDestination } from "@/lib/handoffs/schema";
import type { HandoffDestination } from "@/lib/handoffs/types";
import { destinationChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import type { Viewer } from "@/lib/auth/types";

const GONE_AGENT: HandoffActionResult = {
  ok: false,
  fieldErrors: {},
  formError: "This agent no longer exists; reload the page",
};
const GONE_DESTINATION: HandoffActionResult = {
  ok: false,
  fieldErrors: {},
  formError: "This destination was deleted in the meantime; reload to see the current list",
};

const denied = (d: Denial): HandoffActionResult => ({ ok: false, fieldErrors: {}, formError: d.message });

function agentExists(agentId: unknown): agentId is string {
  return typeof agentId === "string" && getAgent(getDb(), agentId) !== null;
}

/** Runs a repository change and appends its audit entry (before → after) in one transaction. */
function audited(
  viewer: Viewer,
  agentId: string,
  before: HandoffDestination | null,
  change: () => MutationResult,
  verb?: string,
) {
  const db = getDb();
  return writeTransaction(db, () => {
    const result = change();
    if (result.ok) appendAudit(db, actorOf(viewer), destinationChange(before, result.destination, verb));
    return result;
  });
}

function finish(agentId: string, result: MutationResult): HandoffActionResult {
  if (result.ok) {
    revalidatePath(`/agents/${agentId}/handoffs`);
    return { ok: true, destination: result.destination };
  }
  return result.status === "not_found" ? GONE_DESTINATION : { ok: false, fieldErrors: result.fieldErrors };
}

// Every argument is `unknown`: a server action is a public endpoint and must validate what it gets.

export const createDestinationAction = guardedAction(
  "destinations.edit",
  denied,
  async (viewer, agentId: unknown, input: unknown): Promise<HandoffActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    const parsed = parseDestination(input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    return finish(
      agentId,
      audited(viewer, agentId, null, () => createDestination(getDb(), agentId, parsed.value)),
    );
  },
);

export const updateDestinationAction = guardedAction(
  "destinations.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown, input: unknown): Promise<HandoffActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_DESTINATION;
    const parsed = parseDestination(input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    const before = getDestination(getDb(), agentId, id);
    if (!before) return GONE_DESTINATION;
    return finish(
      agentId,
      audited(viewer, agentId, before, () => updateDestination(getDb(), agentId, id, parsed.value)),
    );
  },
);

export const duplicateDestinationAction = guardedAction(
  "destinations.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown): Promise<HandoffActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_DESTINATION;
    return finish(
      agentId,
      audited(viewer, agentId, null, () => duplicateDestination(getDb(), agentId, id)),
    );
  },
);

export const setDefaultDestinationAction = guardedAction(
  "destinations.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown): Promise<HandoffActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_DESTINATION;
    const before = getDestination(getDb(), agentId, id);
    if (!before) return GONE_DESTINATION;
    if (before.isDefault) return { ok: true, destination: before };
    return finish(
      agentId,
      audited(viewer, agentId, before, () => setDefaultDestination(getDb(), agentId, id), "made_default"),
    );
  },
);

/** The flow nodes that hand off to a destination now (the delete confirmation lists them). */
export const destinationUsagesAction = guardedAction(
  "destinations.edit",
  (d: Denial): DestinationUsagesResult => ({ ok: false, error: d.message }),
  async (_viewer, agentId: unknown, id: unknown): Promise<DestinationUsagesResult> => {
    if (!agentExists(agentId) || typeof id !== "string") return { ok: true, usages: [], topics: [] };
    const db = getDb();
    return {
      ok: true,
      usages: listDestinationUsages(db, agentId)[id] ?? [],
      topics: listTopicDestinationUsages(db, agentId)[id] ?? [],
    };
  },
);

export const deleteDestinationAction = guardedAction(
  "destinations.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown, confirmation: unknown): Promise<HandoffActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_DESTINATION;
    const db = getDb();
    const existing = getDestination(db, agentId, id);
    if (!existing) return GONE_DESTINATION;
    // The typed confirmation is checked here too, so a stray request cannot delete by id alone.
    if (confirmation !== existing.name) {
      return { ok: false, fieldErrors: { confirmation: `Type "${existing.name}" exactly to delete it` } };
    }
    const deleted = writeTransaction(db, () => {
      const result = deleteDestination(db, agentId, id);
      if (!result.ok) return null;
      appendAudit(db, actorOf(viewer), destinationChange(existing, null));
      return result;
    });
    if (!deleted) return GONE_DESTINATION;
    revalidatePath(`/agents/${agentId}/handoffs`);
    // Orphaned handoff nodes now carry the deleted name: their flows changed.
    if (deleted.orphanedNodes > 0) revalidatePath(`/agents/${agentId}/flows`, "layout");
    return { ok: true };
  },
);

/**
 * Imports a handoffs.yaml into the agent's destinations (draft data): merged by name, or with
 * `replace` the file's destinations are all the agent keeps. Any problem: nothing is imported.
 */
export const importHandoffsYamlAction = guardedAction(
  "destinations.edit",
  (d: Denial): HandoffsImportResult => ({ ok: false, errors: [{ path: "", message: d.message }] }),
  async (viewer, agentId: unknown, text: unknown, replace: unknown): Promise<HandoffsImportResult> => {
    if (!agentExists(agentId)) return { ok: false, errors: [{ path: "", message: GONE_AGENT.formError! }] };
    if (typeof text !== "string") return { ok: false, errors: [{ path: "", message: "Choose a handoffs.yaml file" }] };
    const parsed = parseHandoffsYaml(text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const result = importDestinationsAudited(
      getDb(),
      agentId,
      parsed.destinations,
      { replace: replace === true },
      actorOf(viewer),
    );
    revalidatePath(`/agents/${agentId}/handoffs`);
    if (result.deleted.length > 0) revalidatePath(`/agents/${agentId}/flows`, "layout");
    return { ok: true, ...importCounts(result) };
  },
);
