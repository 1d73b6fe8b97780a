import { z } from "zod";
import { builtinVariableNames, VARIABLE_NAME } from "./variables";

/**
 * An agent variable's rules (docs/design.md §1), defined once: the Variables page, its server
 * actions and the agent document (lib/agent-document) all check these.
 */

export const MAX_VARIABLE_NAME_LENGTH = 64;
export const MAX_SAMPLE_VALUE_LENGTH = 1000;
export const MAX_VARIABLE_DESCRIPTION_LENGTH = 500;

export const variableNameSchema = z
  .string()
  .min(1, "Give the variable a name")
  .max(MAX_VARIABLE_NAME_LENGTH, `Names are at most ${MAX_VARIABLE_NAME_LENGTH} characters`)
  .regex(VARIABLE_NAME, "Use letters, digits and _, not starting with a digit")
  .refine((n) => !builtinVariableNames().includes(n), "This is a built-in variable; it is always present");

export const variableSampleSchema = z
  .string()
  .max(MAX_SAMPLE_VALUE_LENGTH, `At most ${MAX_SAMPLE_VALUE_LENGTH} characters`);

export const variableDescriptionSchema = z
  .string()
  .max(MAX_VARIABLE_DESCRIPTION_LENGTH, `At most ${MAX_VARIABLE_DESCRIPTION_LENGTH} characters`);

/** What the Variables form sends. The name is trimmed (a stray space is never part of a name); the `$` is optional. */
export const variableInputSchema = z.object({
  name: z.preprocess((v) => (typeof v === "string" ? v.trim().replace(/^\$/, "") : v), variableNameSchema),
  sampleValue: variableSampleSchema,
  description: variableDescriptionSchema,
});
export type VariableInput = z.input<typeof variableInputSchema>;
export type ValidVariable = z.output<typeof variableInputSchema>;

/** A stored agent variable, as repositories return it. */
export interface AgentVariable {
  name: string;
  sampleValue: string;
  description: string;
}
