import { z } from "zod";

/** The answer of GET /api/v1/agents/{agentId}/validate (lib/agent-document/validate.ts). */
export const apiValidationSchema = z.object({
  ok: z.boolean().describe("false when any problem is an error"),
  problems: z.array(
    z.object({
      area: z.enum(["document", "flow", "topic", "function", "scenario"]),
      severity: z.enum(["error", "warning"]),
      where: z
        .string()
        .describe('destinations[1].route, Flow "Main line", node n3, Function lookup, line 3, Scenario "Gold"'),
      message: z.string(),
    }),
  ),
  checked: z.object({
    flows: z.number().int(),
    destinations: z.number().int(),
    functions: z.number().int(),
    scenarios: z.number().int(),
  }),
});
