import type { Db } from "../client";
import { insertConversation } from "../repositories/conversations";
import type { Conversation, ConversationInput } from "../../lib/conversations/schema";

/** Stores test data that must be stored: insertConversation, throwing with the reason when it refuses. */
export function storeConversation(db: Db, input: ConversationInput): Conversation {
  const r = insertConversation(db, input);
  if (!r.ok) throw new Error(`Conversation not stored (${r.status}): ${JSON.stringify(r)}`);
  return r.conversation;
}
