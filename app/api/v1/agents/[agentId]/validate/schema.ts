// Query of GET /api/v1/agents/{agentId}/validate: `version` (draft — the default —, pre-release, live or a number),
// as the export's.
export { parseQuery } from "@/app/api/v1/agents/[agentId]/export/schema";
