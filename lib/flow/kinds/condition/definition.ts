import { z } from "zod";
import { defineKind, truncate, type OutHandle } from "../../kind";
import {
  compact,
  itemIdSchema,
  kindTitle,
  MAX_ITEMS,
  textSchema,
  titleSchema,
  variableList,
  variableNameProblem,
} from "../../fields";

export const ELSE_HANDLE = "else";

export const CONDITION_OPERATORS = [
  "equals",
  "not_equals",
  "contains",
  "starts_with",
  "greater_than",
  "less_than",
  "is_set",
  "is_not_set",
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const OPERATOR_INFO: Record<ConditionOperator, { label: string; symbol: string; takesValue: boolean }> = {
  equals: { label: "equals", symbol: "=", takesValue: true },
  not_equals: { label: "does not equal", symbol: "≠", takesValue: true },
  contains: { label: "contains", symbol: "contains", takesValue: true },
  starts_with: { label: "starts with", symbol: "starts with", takesValue: true },
  greater_than: { label: "is greater than", symbol: ">", takesValue: true },
  less_than: { label: "is less than", symbol: "<", takesValue: true },
  is_set: { label: "is set", symbol: "is set", takesValue: false },
  is_not_set: { label: "is not set", symbol: "is not set", takesValue: false },
};

export const conditionRuleSchema = z.object({
  id: itemIdSchema,
  variable: z.string().max(64),
  operator: z.enum(CONDITION_OPERATORS),
  /** Ignored by is_set / is_not_set; may contain `$variables`. */
  value: textSchema,
});
export const conditionDataSchema = z.object({ title: titleSchema, rules: z.array(conditionRuleSchema).max(MAX_ITEMS) });
export type ConditionRule = z.output<typeof conditionRuleSchema>;
export type ConditionData = z.output<typeof conditionDataSchema>;

export function ruleLabel(r: ConditionRule): string {
  const op = OPERATOR_INFO[r.operator];
  return op.takesValue ? `$${r.variable} ${op.symbol} ${r.value}` : `$${r.variable} ${op.symbol}`;
}

export const conditionKind = defineKind<"condition", ConditionData>({
  kind: "condition",
  label: "Condition",
  description: "Checks variables; the first rule that holds picks the branch, else the else branch.",
  dataSchema: conditionDataSchema,
  defaults: () => ({ rules: [] }),
  outHandles: (d): OutHandle[] => [
    ...d.rules.map((r) => ({ id: r.id, label: truncate(ruleLabel(r), 40) })),
    { id: ELSE_HANDLE, label: "Else" },
  ],
  validate: (d, ctx) =>
    compact(d.rules.map((r, i) => variableNameProblem(ctx, r.variable, `data.rules[${i}].variable`))),
  summary: (d) => (d.rules.length === 0 ? "Always else" : truncate(`If ${d.rules.map(ruleLabel).join(" / ")}`)),
  defaultTitle: (d) => kindTitle("Condition", variableList(d.rules.map((r) => r.variable))),
  variableTexts: (d) =>
    d.rules
      .map((r, i) => ({
        path: `data.rules[${i}].value`,
        label: `the value compared with $${r.variable}`,
        text: r.value,
        r,
      }))
      .filter((t) => OPERATOR_INFO[t.r.operator].takesValue)
      .map(({ path, label, text }) => ({ path, label, text })),
  // A checked variable is a conv.state key set elsewhere (a function, the host): treat it as known.
  assignedVariables: (d) => d.rules.map((r) => r.variable),
});
