import { z } from "zod";
import { DESTINATION_BEHAVIOURS } from "../handoffs/outcomes";
import { HANDOFF_SOURCES, OUTCOMES } from "../handoffs/record";
import { HANDOFF_METHODS } from "../handoffs/types";
import { headerNameError, headerValueError } from "../sip/header-rules";
import { ISO_INSTANT_MESSAGE, normaliseIsoInstant } from "../time/iso-instant";
import { parseWith, type ParseResult } from "../validation/field-errors";
import { VARIABLE_NAME } from "../variables/variables";
import { parseVersionRef, VERSION_REF_MESSAGE } from "../versions/types";

/**
 * A scenario (docs/design.md §15): a saved call and what must happen in it. One object schema;
 * every field is optional except `expect.outcome`, so fields added later (SIP headers, caller
 * number, clock, tags, function calls) sit beside the first ones without touching stored scenarios.
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

/** An inbound INVITE header: a SIP token name the engine does not write itself (as the Call Handoffs form). */
const inboundHeaderSchema = z
  .object({ name: z.string().max(200, "At most 200 characters"), value: z.string() })
  .superRefine((h, ctx) => {
    const nameErr = headerNameError(h.name.trim());
    if (nameErr) ctx.addIssue({ code: "custom", path: ["name"], message: nameErr });
    const valueErr = headerValueError(h.value);
    if (valueErr) ctx.addIssue({ code: "custom", path: ["value"], message: valueErr });
  });

export const SCENARIO_TAG = /^[a-z0-9][a-z0-9_-]*$/;
export const MAX_SCENARIO_TAGS = 20;
const TAG_MESSAGE = "Tags are lower case letters, digits, - and _ (e.g. smoke, billing-vip)";

export const ARGUMENT_TYPES = ["string", "integer", "number", "boolean"] as const;
export type ArgumentType = (typeof ARGUMENT_TYPES)[number];

/** An expected argument value as text, checked against its type (the form types text; JSON may send any). */
export const functionArgExpectationSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Argument names are Python names, e.g. customer_id"),
    value: text(),
    type: z.enum(ARGUMENT_TYPES, { message: `One of ${ARGUMENT_TYPES.join(", ")}` }),
  })
  .superRefine((a, ctx) => {
    const problem = typedValueProblem(a.type, a.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });
export type FunctionArgExpectation = z.infer<typeof functionArgExpectationSchema>;

export const functionExpectationSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Enter a function name, e.g. lookup_account"),
  /** Every one must match in the same call of the function; absent or empty: any call. */
  args: z.array(functionArgExpectationSchema).optional(),
});
export type FunctionExpectation = z.infer<typeof functionExpectationSchema>;

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;

/** Why `value` is not a value of `type`, or null. */
export function typedValueProblem(type: ArgumentType, value: string): string | null {
  const v = value.trim();
  if (type === "integer" && !INTEGER.test(v)) return "A whole number, e.g. 42";
  if (type === "number" && !NUMBER.test(v)) return "A number, e.g. 12.5";
  if (type === "boolean" && !BOOLEAN.test(v)) return "true or false";
  return null;
}

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
  /** Functions that must have been called (any order), each optionally with argument values. */
  functions: z.array(functionExpectationSchema).optional(),
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
  /** Headers of the inbound INVITE (`conv.sip_headers`). */
  sip_headers: z.array(inboundHeaderSchema).optional(),
  /** The caller's number (`conv.caller_number`, `$caller_id`), over `variables.caller_id`; "" = withheld. */
  caller_number: text(64).optional(),
  /** The test clock: ISO 8601 with an offset, stored as given; `conv.now()` reads it (in UTC). */
  simulated_at: z
    .string()
    .refine((v) => normaliseIsoInstant(v) !== null, ISO_INSTANT_MESSAGE)
    .optional(),
  /** Run by tag (`scenarios run --tag smoke`); duplicates are dropped. */
  tags: z
    .array(z.string().regex(SCENARIO_TAG, TAG_MESSAGE))
    .transform((tags) => [...new Set(tags)])
    .refine((tags) => tags.length <= MAX_SCENARIO_TAGS, `At most ${MAX_SCENARIO_TAGS} tags`)
    .optional(),
  expect: scenarioExpectSchema,
});
export type Scenario = z.infer<typeof scenarioSchema>;

export function parseScenario(input: unknown): ParseResult<Scenario> {
  return parseWith(scenarioSchema, input);
}

/** The scenario's clock in UTC (`2026-03-01T09:30:00.000Z`), or null when it has none. */
export const simulatedAtOf = (s: Pick<Scenario, "simulated_at">): string | null =>
  s.simulated_at ? normaliseIsoInstant(s.simulated_at) : null;

/** The seed a scenario runs with. */
export const seedOf = (s: Scenario): string => (s.seed && s.seed !== "" ? s.seed : s.name);
