// Body of PUT (whole destination) and PATCH (fields to change) on
// /api/v1/agents/{agentId}/handoffs/{handoffId}: the same body as POST.
export { apiDestinationBodySchema as bodySchema, parseApiDestinationBody as parseBody } from "@/lib/api/destinations";
