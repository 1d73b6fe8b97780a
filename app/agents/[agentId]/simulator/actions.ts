"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { getConversation, insertConversation } from "@/db/repositories/conversations";
import type { SaveCallResult } from "@/lib/conversations/action-results";
import { conversationInputSchema } from "@/lib/conversations/schema";

/** Stores a finished simulated call. The record is validated like any API input. */
export async function saveSimulatedCallAction(agentId: unknown, record: unknown): Promise<SaveCallResult> {
  const db = getDb();
  if (typeof agentId !== "string" || !getAgent(db, agentId)) return { ok: false, error: "This agent no longer exists" };
  const parsed = conversationInputSchema.safeParse(record);
  if (!parsed.success)
    return {
      ok: false,
      error: `The call record is invalid: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`,
    };
  if (parsed.data.agent_id !== agentId || parsed.data.channel !== "simulator")
    return { ok: false, error: "The call record belongs to another agent or channel" };
  if (parsed.data.id && getConversation(db, parsed.data.id))
    return { ok: false, error: `Conversation ${parsed.data.id} is already stored` };
  const saved = insertConversation(db, parsed.data);
  revalidatePath(`/agents/${agentId}/conversations`);
  return { ok: true, id: saved.id };
}
