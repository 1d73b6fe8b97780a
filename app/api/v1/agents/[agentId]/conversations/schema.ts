// Query parameters of GET /api/v1/agents/{agentId}/conversations: the filter schema the Review UI
// shares (lib/conversations/filters.ts).
export {
  conversationFiltersSchema as querySchema,
  conversationFilterFields as queryFields,
  parseConversationQuery as parseQuery,
} from "@/lib/conversations/filters";
