"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { getAgent } from "@/db/repositories/agents";
import { insertConversation } from "@/db/repositories/conversations";
import type { SaveCallResult } from "@/lib/conversations/action-results";

/** Stores a finished simulated call. The repository validates the record like any API input. */
export const saveSimulatedCallAction = guardedAction(
  "simulate",
  (d: Denial): SaveCallResult => ({ ok: false, error: d.message }),
  async (_viewer, agentId: unknown, record: unknown): Promise<SaveCallResult> => {
    const db = getDb();
    if (typeof agentId !== "string" || !getAgent(db, agentId))
      return { ok: false, error: "This agent no longer exists" };
    const saved = insertConversation(db, record, { agentId, channel: "simulator" });
    if (!saved.ok) {
      if (saved.status === "duplicate") return { ok: false, error: `Conversation ${saved.id} is already stored` };
      const [field, message] = Object.entries(saved.fieldErrors)[0] ?? ["_form", "Malformed record"];
      return { ok: false, error: `The call record is invalid: ${field}: ${message}` };
    }
    revalidatePath(`/agents/${agentId}/conversations`);
    return { ok: true, id: saved.conversation.id };
  },
);
