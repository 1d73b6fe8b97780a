import { z } from "zod";
import type { Agent } from "../agents/types";
import type { HandoffDestination } from "../handoffs/types";
import type { Flow } from "../flow/types";
import { apiDestinationSchema, toApiDestination } from "./destinations";
import { flowExportSchema, toFlowExport } from "./flows";

export const AGENT_EXPORT_FORMAT = "switchboard.agent";
export const AGENT_EXPORT_VERSION = 1;

const exportedDestination = apiDestinationSchema.omit({ id: true, agent_id: true, created_at: true });

/** An agent as portable JSON (no ids), for `GET /api/v1/agents/{id}/export` and later `cli export`. */
export const agentExportSchema = z.object({
  format: z.literal(AGENT_EXPORT_FORMAT),
  version: z.literal(AGENT_EXPORT_VERSION),
  exported_at: z.string(),
  agent: z.object({
    name: z.string(),
    trunk_host: z.string(),
    pbx_host: z.string(),
    function_timeout_ms: z.number().int(),
  }),
  variables: z.array(z.object({ name: z.string(), sample_value: z.string(), description: z.string() })),
  handoffs: z.array(exportedDestination),
  /** Each flow in the flow editor's own export format. */
  flows: z.array(flowExportSchema),
});
export type AgentExport = z.infer<typeof agentExportSchema>;

export function buildAgentExport(
  agent: Agent,
  variables: readonly { name: string; sampleValue: string; description: string }[],
  destinations: readonly HandoffDestination[],
  flows: readonly Flow[],
  exportedAt: string,
): AgentExport {
  return {
    format: AGENT_EXPORT_FORMAT,
    version: AGENT_EXPORT_VERSION,
    exported_at: exportedAt,
    agent: {
      name: agent.name,
      trunk_host: agent.trunkHost,
      pbx_host: agent.pbxHost,
      function_timeout_ms: agent.functionTimeoutMs,
    },
    variables: variables.map((v) => ({ name: v.name, sample_value: v.sampleValue, description: v.description })),
    handoffs: destinations.map((d) => {
      const { id: _i, agent_id: _a, created_at: _c, ...rest } = toApiDestination(d);
      return rest;
    }),
    flows: flows.map(toFlowExport),
  };
}
