"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import {
  createDestination,
  deleteDestination,
  duplicateDestination,
  getDestination,
  listDestinationUsages,
  setDefaultDestination,
  updateDestination,
  type MutationResult,
} from "@/db/repositories/handoffs";
import type { HandoffActionResult } from "@/lib/handoffs/action-results";
import type { DestinationUsage } from "@/lib/flow/destination-usages";
import { parseDestination } from "@/lib/handoffs/schema";

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

function agentExists(agentId: unknown): agentId is string {
  return typeof agentId === "string" && getAgent(getDb(), agentId) !== null;
}

function finish(agentId: string, result: MutationResult): HandoffActionResult {
  if (result.ok) {
    revalidatePath(`/agents/${agentId}/handoffs`);
    return { ok: true, destination: result.destination };
  }
  return result.status === "not_found" ? GONE_DESTINATION : { ok: false, fieldErrors: result.fieldErrors };
}

// Every argument is `unknown`: a server action is a public endpoint and must validate what it gets.

export async function createDestinationAction(agentId: unknown, input: unknown): Promise<HandoffActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  const parsed = parseDestination(input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  return finish(agentId, createDestination(getDb(), agentId, parsed.value));
}

export async function updateDestinationAction(
  agentId: unknown,
  id: unknown,
  input: unknown,
): Promise<HandoffActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  if (typeof id !== "string") return GONE_DESTINATION;
  const parsed = parseDestination(input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  return finish(agentId, updateDestination(getDb(), agentId, id, parsed.value));
}

export async function duplicateDestinationAction(agentId: unknown, id: unknown): Promise<HandoffActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  if (typeof id !== "string") return GONE_DESTINATION;
  return finish(agentId, duplicateDestination(getDb(), agentId, id));
}

export async function setDefaultDestinationAction(agentId: unknown, id: unknown): Promise<HandoffActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  if (typeof id !== "string") return GONE_DESTINATION;
  return finish(agentId, setDefaultDestination(getDb(), agentId, id));
}

/** The flow nodes that hand off to a destination now (the delete confirmation lists them). */
export async function destinationUsagesAction(agentId: unknown, id: unknown): Promise<DestinationUsage[]> {
  if (!agentExists(agentId) || typeof id !== "string") return [];
  return listDestinationUsages(getDb(), agentId)[id] ?? [];
}

export async function deleteDestinationAction(
  agentId: unknown,
  id: unknown,
  confirmation: unknown,
): Promise<HandoffActionResult> {
  if (!agentExists(agentId)) return GONE_AGENT;
  if (typeof id !== "string") return GONE_DESTINATION;
  const db = getDb();
  const existing = getDestination(db, agentId, id);
  if (!existing) return GONE_DESTINATION;
  // The typed confirmation is checked here too, so a stray request cannot delete by id alone.
  if (confirmation !== existing.name) {
    return { ok: false, fieldErrors: { confirmation: `Type "${existing.name}" exactly to delete it` } };
  }
  const result = deleteDestination(db, agentId, id);
  if (!result.ok) return GONE_DESTINATION;
  revalidatePath(`/agents/${agentId}/handoffs`);
  // Orphaned handoff nodes now carry the deleted name: their flows changed.
  if (result.orphanedNodes > 0) revalidatePath(`/agents/${agentId}/flows`, "layout");
  return { ok: true };
}
