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
import { nodeProblem, type NodeLintContext, type Problem } from "../../problems";
import { argumentProblems, functionSignature } from "../../../functions/parameters";
import { flowJumps, type FlowJump } from "../../../functions/flow-jumps";

export const ERROR_HANDLE = "error";

export const functionArgumentSchema = z.object({ name: z.string().max(64), value: textSchema });
export const functionDataSchema = z.object({
  title: titleSchema,
  functionName: z.string().max(64),
  arguments: z.array(functionArgumentSchema).max(MAX_ITEMS),
});
export type FunctionArgument = z.output<typeof functionArgumentSchema>;
export type FunctionData = z.output<typeof functionDataSchema>;

/** Typed parameters (docs/design.md §4): names the function takes, literal values of the declared type. */
function parameterProblems(d: FunctionData, ctx: NodeLintContext): Problem[] {
  const fn = ctx.functionsByName.get(d.functionName);
  const signature = fn ? functionSignature(fn.code, fn.name) : null;
  if (!signature) return [];
  // A value with a $variable is only known during the call; the runtime checks it then.
  return argumentProblems(fn!.name, signature, d.arguments, (v) => !v.includes("$")).map((p) =>
    nodeProblem(
      ctx,
      p.kind === "unknown" ? "unknown-parameter" : "invalid-argument",
      "error",
      p.message,
      p.index === null ? "data.arguments" : `data.arguments[${p.index}].${p.kind === "unknown" ? "name" : "value"}`,
      p.index === null ? p.message : undefined,
    ),
  );
}

/** Parsed once per source text: every Function node using a function lints its jumps. */
const jumpsByCode = new Map<string, FlowJump[]>();
function jumpsOf(code: string): FlowJump[] {
  let jumps = jumpsByCode.get(code);
  if (!jumps) {
    if (jumpsByCode.size >= 256) jumpsByCode.clear();
    jumps = flowJumps(code);
    jumpsByCode.set(code, jumps);
  }
  return jumps;
}

/** `conv.goto_flow("Name")` to a flow the agent does not have: renaming or deleting a flow leaves Python as it is. */
function flowJumpProblems(d: FunctionData, ctx: NodeLintContext): Problem[] {
  const fn = ctx.functionsByName.get(d.functionName);
  const flows = ctx.flowNames;
  if (!fn || flows === null) return [];
  return jumpsOf(fn.code)
    .filter((j) => !flows.has(j.flow.trim().toLowerCase()))
    .map((j) =>
      nodeProblem(
        ctx,
        "unknown-flow-jump",
        "warning",
        `${fn.name} goes to flow "${j.flow}" (conv.goto_flow, line ${j.line}), which this agent does not have: it was renamed or deleted`,
        "data.functionName",
        `${j.flow}:${j.line}`,
      ),
    );
}

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
      ...parameterProblems(d, ctx),
      ...flowJumpProblems(d, ctx),
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
