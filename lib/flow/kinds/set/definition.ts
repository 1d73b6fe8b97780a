import { z } from "zod";
import { defineKind, NEXT_HANDLE, truncate } from "../../kind";
import {
  compact,
  kindTitle,
  MAX_ITEMS,
  textSchema,
  titleSchema,
  variableList,
  variableNameProblem,
} from "../../fields";

export const assignmentSchema = z.object({ variable: z.string().max(64), value: textSchema });
export const setDataSchema = z.object({ title: titleSchema, assignments: z.array(assignmentSchema).max(MAX_ITEMS) });
export type Assignment = z.output<typeof assignmentSchema>;
export type SetData = z.output<typeof setDataSchema>;

export const setKind = defineKind<"set", SetData>({
  kind: "set",
  label: "Set variables",
  description: "Stores values in conversation state (every key is a $variable).",
  dataSchema: setDataSchema,
  defaults: () => ({ assignments: [] }),
  outHandles: () => [NEXT_HANDLE],
  validate: (d, ctx) =>
    compact(d.assignments.map((a, i) => variableNameProblem(ctx, a.variable, `data.assignments[${i}].variable`))),
  summary: (d) =>
    d.assignments.length === 0
      ? "Sets nothing yet"
      : truncate(d.assignments.map((a) => `$${a.variable} = ${a.value}`).join(", ")),
  defaultTitle: (d) => kindTitle("Set variables", variableList(d.assignments.map((a) => a.variable))),
  variableTexts: (d) =>
    d.assignments.map((a, i) => ({
      path: `data.assignments[${i}].value`,
      label: `the value of $${a.variable}`,
      text: a.value,
    })),
  assignedVariables: (d) => d.assignments.map((a) => a.variable),
});
