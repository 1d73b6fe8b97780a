import { z } from "zod";
import { defineKind, NEXT_HANDLE, truncate } from "../../kind";
import {
  compact,
  kindTitle,
  MAX_ITEMS,
  textSchema,
  titleSchema,
  unknownFunctionProblem,
  variableNameProblem,
} from "../../fields";
import type { Problem } from "../../problems";

export const ERROR_HANDLE = "error";

export const functionArgumentSchema = z.object({ name: z.string().max(64), value: textSchema });
export const functionDataSchema = z.object({
  title: titleSchema,
  functionName: z.string().max(64),
  arguments: z.array(functionArgumentSchema).max(MAX_ITEMS),
});
export type FunctionArgument = z.output<typeof functionArgumentSchema>;
export type FunctionData = z.output<typeof functionDataSchema>;

export const functionKind = defineKind<"function", FunctionData>({
  kind: "function",
  label: "Function",
  description: "Runs one of the agent's Python functions; continues on next, or on error if it raises.",
  dataSchema: functionDataSchema,
  defaults: () => ({ functionName: "", arguments: [] }),
  outHandles: () => [NEXT_HANDLE, { id: ERROR_HANDLE, label: "Error" }],
  validate: (d, ctx): Problem[] =>
    compact([
      unknownFunctionProblem(ctx, d.functionName, "data.functionName"),
      // Arguments become Python keyword arguments, so they follow the same identifier rule.
      ...d.arguments.map((a, i) => variableNameProblem(ctx, a.name, `data.arguments[${i}].name`)),
    ]),
  summary: (d) =>
    d.functionName
      ? truncate(`${d.functionName}(${d.arguments.map((a) => `${a.name}=${a.value}`).join(", ")})`)
      : "Choose a function",
  defaultTitle: (d) => kindTitle("Function", d.functionName),
  variableTexts: (d) =>
    d.arguments.map((a, i) => ({ path: `data.arguments[${i}].value`, label: `argument ${a.name}`, text: a.value })),
  assignedVariables: () => [],
});
