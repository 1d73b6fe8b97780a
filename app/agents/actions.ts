"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/server";
import { createAgent, getAgent, renameAgent } from "@/db/repositories/agents";
import type { AgentActionResult } from "@/lib/agents/action-results";
import { agentInputSchema } from "@/lib/agents/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

export async function createAgentAction(input: unknown): Promise<AgentActionResult> {
  const parsed = agentInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const agent = createAgent(getDb(), parsed.data.name);
  revalidatePath("/", "layout");
  return { ok: true, agent: { id: agent.id, name: agent.name } };
}

export async function renameAgentAction(agentId: unknown, input: unknown): Promise<AgentActionResult> {
  const parsed = agentInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const db = getDb();
  if (typeof agentId !== "string" || !getAgent(db, agentId)) {
    return { ok: false, fieldErrors: { _form: "This agent no longer exists; reload the page" } };
  }
  const agent = renameAgent(db, agentId, parsed.data.name)!;
  revalidatePath("/", "layout");
  return { ok: true, agent: { id: agent.id, name: agent.name } };
}
