import { z } from "zod";
import type { Agent } from "../agents/types";

export const apiAgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  trunk_host: z.string().describe("Host that E.164 routes are sent through"),
  pbx_host: z.string().describe("Host that extension routes are sent to"),
  function_timeout_ms: z.number().int(),
  created_at: z.string(),
  live_version: z.number().int().nullable().describe("The version real calls run; null until one is promoted"),
  pre_release_version: z
    .number()
    .int()
    .nullable()
    .describe("The version in pre-release, the step before live; null until one is promoted"),
});
export type ApiAgent = z.infer<typeof apiAgentSchema>;

export function toApiAgent(a: Agent): ApiAgent {
  return {
    id: a.id,
    name: a.name,
    trunk_host: a.trunkHost,
    pbx_host: a.pbxHost,
    function_timeout_ms: a.functionTimeoutMs,
    created_at: a.createdAt,
    live_version: a.liveVersion,
    pre_release_version: a.preReleaseVersion,
  };
}
