import { z } from "zod";
import { DESTINATION_BEHAVIOURS } from "../handoffs/outcomes";
import { HANDOFF_SOURCES, OUTCOMES } from "../handoffs/record";
import { HANDOFF_METHODS } from "../handoffs/types";
import { parseWith, type ParseResult } from "../validation/field-errors";
import { VARIABLE_NAME } from "../variables/variables";
import { parseVersionRef, VERSION_REF_MESSAGE } from "../versions/types";

/**
 * A scenario (docs/design.md §15): a saved call and what must happen in it. One object schema;
 * every field is optional except `expect.outcome`, so later fields (SIP headers, caller number,
 * clock, tags) are added beside these without touching stored scenarios.
 */

export const MAX_SCENARIO_NAME = 120;
const MAX_TEXT = 2_000;

const text = (max = MAX_TEXT) => z.string().max(max, `At most ${max} characters`);
const required = (what: string, max = MAX_TEXT) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `At most ${max} characters`);

export const scenarioTurnSchema = z.union([
  z.object({ say: required("what the caller says") }).strict(),
  z.object({ dtmf: z.string().regex(/^[0-9*#A-D]+$/, "Keypad digits 0-9, * and # only") }).strict(),
]);
export type ScenarioTurn = z.infer<typeof scenarioTurnSchema>;

export const scenarioBehaviourSchema = z.object({
  /** A destination's name (any case), the route of a code-based transfer, or `*` for any other. */
  destination: required("a destination"),
  /** One per attempt, the last repeating. */
  behaviours: z
    .array(z.enum(DESTINATION_BEHAVIOURS, { message: `One of ${DESTINATION_BEHAVIOURS.join(", ")}` }))
    .min(1, "Choose how it behaves"),
});
export type ScenarioBehaviour = z.infer<typeof scenarioBehaviourSchema>;

const headerSchema = z.object({ name: required("a header name", 200), value: text() });
const metricSchema = z.object({ name: required("a metric name", 200), value: text() });

export const handoffExpectationSchema = z.object({
  destination: text(500).optional(),
  method: z.enum(HANDOFF_METHODS).optional(),
  reason: text(200).optional(),
  source: z.enum(HANDOFF_SOURCES).optional(),
  /** The Python function that handed off (conv.handoff / conv.transfer_call). */
  function: text(200).optional(),
  /** Resolved headers as sent: each must be there with exactly this value. */
  headers: z.array(headerSchema).optional(),
  /** The utterance contains this text (ignoring case). */
  utterance: text().optional(),
});
export type HandoffExpectation = z.infer<typeof handoffExpectationSchema>;

export const scenarioExpectSchema = z.object({
  outcome: z.enum(OUTCOMES, { message: `Choose an outcome: ${OUTCOMES.join(", ")}` }),
  handoff: handoffExpectationSchema.optional(),
  /** Node titles that must be on the path (ignoring case), in any order. */
  path: z.array(required("a node title", 200)).optional(),
  /** Metrics written during the call: the last value of each name, compared as text. */
  metrics: z.array(metricSchema).optional(),
  /** Texts the transcript contains (ignoring case). */
  transcript: z.array(required("the text", MAX_TEXT)).optional(),
});
export type ScenarioExpect = z.infer<typeof scenarioExpectSchema>;

export const scenarioSchema = z.object({
  name: required("a name", MAX_SCENARIO_NAME),
  description: text().optional(),
  /** The flow's name; absent: the agent's first flow. */
  flow: text(200).optional(),
  /** `draft` (the default), `live` or a version number. */
  version: z
    .string()
    .refine((v) => parseVersionRef(v) !== null, VERSION_REF_MESSAGE)
    .optional(),
  /** Start values of variables (over the agent's samples); caller_id and called_number set the call's numbers. */
  variables: z.record(z.string().regex(VARIABLE_NAME, "Variable names look like customer_id"), text()).optional(),
  turns: z.array(scenarioTurnSchema).optional(),
  behaviours: z.array(scenarioBehaviourSchema).optional(),
  /** Seeds ids and traces; absent: the scenario's name, so a run always replays the same call. */
  seed: text(200).optional(),
  expect: scenarioExpectSchema,
});
export type Scenario = z.infer<typeof scenarioSchema>;

export function parseScenario(input: unknown): ParseResult<Scenario> {
  return parseWith(scenarioSchema, input);
}

/** The seed a scenario runs with. */
export const seedOf = (s: Scenario): string => (s.seed && s.seed !== "" ? s.seed : s.name);
