import { getConversation } from "@/db/repositories/conversations";
import { notFound } from "@/lib/api/errors";
import { apiRoute } from "../../_lib/handler";

/** GET /api/v1/conversations/{conversationId}: the full record, with its `handoff` (or null). */
export const GET = apiRoute<{ conversationId: string }>(({ db, params }) => {
  const conversation = getConversation(db, params.conversationId);
  if (!conversation) throw notFound("conversation");
  return conversation;
});
