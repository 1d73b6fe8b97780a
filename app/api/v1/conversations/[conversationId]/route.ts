import { getConversationJson } from "@/db/repositories/conversations";
import { notFound } from "@/lib/api/errors";
import { apiRoute, rawJson } from "@/app/api/v1/_lib/handler";

/** GET /api/v1/conversations/{conversationId}: the full record, with its `handoff` (or null). */
export const GET = apiRoute<{ conversationId: string }>(
  ({ db, params }) => {
    const json = getConversationJson(db, params.conversationId);
    if (json === null) throw notFound("conversation");
    return rawJson(200, json);
  },
  { permission: "review" },
);
