// Body of POST /api/v1/agents/{agentId}/handoffs/import: { yaml, replace? }; the file is checked by
// the same parser as Call Handoffs → Import and the CLI (lib/handoffs/yaml.ts).
export {
  apiHandoffsImportBodySchema as bodySchema,
  parseHandoffsImportBody as parseBody,
} from "@/lib/api/handoffs-yaml";
