import { z } from "zod";
import { SCENARIO_TAG, scenarioSchema, type ScenarioListItem, type ScenarioResult } from "../scenarios";
import { parseVersionRef, VERSION_REF_MESSAGE } from "../versions/types";

/** The API's view of scenarios (docs/design.md §15), snake_case like the rest of /api/v1. */

export const apiScenarioSchema = z.object({
  id: z.string(),
  name: z.string(),
  scenario: scenarioSchema.describe("The scenario as stored (what Build → Scenarios edits)"),
  last_result: z.enum(["pass", "fail", "cannot_run"]).nullable().describe("The last run's result; null: never run"),
  last_run_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const apiScenarioListSchema = z.object({ data: z.array(apiScenarioSchema) });

export function toApiScenario(s: ScenarioListItem): z.infer<typeof apiScenarioSchema> {
  return {
    id: s.id,
    name: s.name,
    scenario: s.scenario,
    last_result: s.lastRun?.status ?? null,
    last_run_at: s.lastRun?.startedAt ?? null,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

export const apiRunBodySchema = z.strictObject({
  names: z
    .array(z.string().min(1, "Enter a scenario name").max(200))
    .max(1000)
    .optional()
    .describe("Run only these scenarios (names ignore case); default: all"),
  tags: z
    .array(z.string().regex(SCENARIO_TAG, "Tags are lower case letters, digits, - and _"))
    .min(1, "Name at least one tag, or leave tags out")
    .max(100)
    .optional()
    .describe("Run only scenarios with any of these tags (with names: those of the named ones); default: all"),
  version: z
    .string()
    .refine((v) => parseVersionRef(v) !== null, VERSION_REF_MESSAGE)
    .optional()
    .describe("Run every scenario against draft, live or version N; default: each scenario's own"),
});

const expectationSchema = z.object({
  key: z.string(),
  label: z.string(),
  expected: z.string(),
  actual: z.string(),
  pass: z.boolean(),
});

export const apiScenarioResultSchema = z.object({
  scenario_id: z.string(),
  name: z.string(),
  status: z.enum(["pass", "fail", "cannot_run"]),
  reason: z.string().nullable().describe("Why it could not run: a deleted flow or destination, a missing version"),
  flow: z.string().nullable(),
  version: z.number().int().nullable().describe("The version it ran against; null: the draft"),
  expectations: z.array(expectationSchema).describe("Each expectation, expected against actual"),
  function_calls: z
    .array(
      z.object({
        name: z.string(),
        args: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
        purpose: z.enum(["node", "override", "topic", "start", "end"]),
      }),
    )
    .describe("Every function the call ran, with its arguments (what expect.functions is checked against)"),
  call: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("The call as it happened (conversation fields: turns, path, handoff, sip_trace…; channel scenario)"),
  warnings: z.array(z.string()),
});

export const apiRunResponseSchema = z.object({
  passed: z.number().int(),
  failed: z.number().int().describe("Failed or could not run"),
  cannot_run: z.number().int(),
  results: z.array(apiScenarioResultSchema),
});

export function toApiRun(results: readonly { scenarioId: string; result: ScenarioResult }[]) {
  const passed = results.filter((r) => r.result.status === "pass").length;
  return {
    passed,
    failed: results.length - passed,
    cannot_run: results.filter((r) => r.result.status === "cannot_run").length,
    results: results.map(({ scenarioId, result: r }) => ({
      scenario_id: scenarioId,
      name: r.name,
      status: r.status,
      reason: r.reason,
      flow: r.flow,
      version: r.version,
      expectations: r.expectations,
      function_calls: r.functionCalls ?? [],
      call: (r.call as Record<string, unknown> | null) ?? null,
      warnings: r.warnings,
    })),
  };
}
