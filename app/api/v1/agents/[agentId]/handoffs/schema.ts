// Body of POST /api/v1/agents/{agentId}/handoffs: snake_case, validated by the destination schema
// the Call Handoffs form uses (lib/handoffs/schema.ts), mapped in lib/api/destinations.ts.
export { apiDestinationBodySchema as bodySchema, parseApiDestinationBody as parseBody } from "@/lib/api/destinations";
