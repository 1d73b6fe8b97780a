// Body of POST /api/v1/agents/{agentId}/versions/{version}/promote (optional): { to?, dry_run? }.
export { apiPromoteBodySchema as bodySchema, parseApiPromoteBody as parseBody } from "@/lib/api/versions";
