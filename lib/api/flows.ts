import { z } from "zod";
import { NODE_KINDS } from "../flow/catalogue";
import { FLOW_FORMAT, FLOW_FORMAT_VERSION, exportFlow } from "../flow/import-export";
import type { Flow } from "../flow/types";

const node = z.object({
  id: z.string(),
  type: z.string().describe(`${NODE_KINDS.slice(0, -1).join(", ")} or ${NODE_KINDS.at(-1)}`),
  position: z.object({ x: z.number(), y: z.number() }),
  data: z.record(z.string(), z.unknown()).describe("The node kind's data (docs/design.md §2)"),
});
const edge = z.object({ id: z.string(), source: z.string(), sourceHandle: z.string(), target: z.string() });

export const apiFlowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  revision: z.number().int(),
  node_count: z.number().int(),
  updated_at: z.string(),
});
export type ApiFlowSummary = z.infer<typeof apiFlowSummarySchema>;

export const apiFlowSchema = z.object({
  id: z.string(),
  agent_id: z.string(),
  name: z.string(),
  revision: z.number().int().describe("Bumped on every save"),
  nodes: z.array(node),
  edges: z.array(edge),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ApiFlow = z.infer<typeof apiFlowSchema>;

/** The same JSON the flow editor downloads and imports (lib/flow/import-export.ts). */
export const flowExportSchema = z.object({
  format: z.literal(FLOW_FORMAT),
  version: z.literal(FLOW_FORMAT_VERSION),
  name: z.string(),
  nodes: z.array(node),
  edges: z.array(edge),
});
export type FlowExport = z.infer<typeof flowExportSchema>;

export function toApiFlowSummary(f: {
  id: string;
  name: string;
  revision: number;
  nodeCount: number;
  updatedAt: string;
}): ApiFlowSummary {
  return { id: f.id, name: f.name, revision: f.revision, node_count: f.nodeCount, updated_at: f.updatedAt };
}

export function toApiFlow(f: Flow & { agentId: string; createdAt: string; updatedAt: string }): ApiFlow {
  return {
    id: f.id,
    agent_id: f.agentId,
    name: f.name,
    revision: f.revision,
    nodes: f.nodes as unknown as ApiFlow["nodes"],
    edges: f.edges,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
  };
}

export function toFlowExport(f: Flow): FlowExport {
  return JSON.parse(exportFlow(f)) as FlowExport;
}
