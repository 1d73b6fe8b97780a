// Body of POST /api/v1/agents/import: an agent document (lib/agent-document), checked by the same
// schema as the UI's and the CLI's import.
export { agentDocumentShapeSchema as bodySchema, parseAgentDocument as parseBody } from "@/lib/agent-document";
