import type { Db } from "@/db/client";
import { listConversations, listNewerConversations } from "@/db/repositories/conversations";
import type { ConversationSummary } from "@/lib/conversations/schema";
import type { ParsedConversationQuery } from "@/lib/conversations/filters";

export interface ReviewPage {
  data: ConversationSummary[];
  nextCursor: string | null;
  hasNewer: boolean;
}

/**
 * One page of the Review list by keyset: older than `cursor`, or (Newer) the page just above it.
 * A Newer page that reaches the top is replaced by the newest page, so it is full even when calls
 * were stored since.
 */
export function loadReviewPage(
  db: Db,
  agentId: string,
  query: ParsedConversationQuery,
  direction: "older" | "newer",
): ReviewPage {
  const { filters, cursor, limit } = query;
  if (direction === "newer" && cursor) {
    const page = listNewerConversations(db, agentId, filters, cursor, limit);
    if (page.has_newer) return { data: page.data, nextCursor: page.next_cursor, hasNewer: true };
    const top = listConversations(db, agentId, filters, null, limit);
    return { data: top.data, nextCursor: top.next_cursor, hasNewer: false };
  }
  const page = listConversations(db, agentId, filters, cursor, limit);
  return { data: page.data, nextCursor: page.next_cursor, hasNewer: cursor !== null };
}
