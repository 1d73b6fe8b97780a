import { z } from "zod";
import { defineKind, type OutHandle } from "../../kind";
import { compact, kindTitle, titleSchema } from "../../fields";
import { nodeProblem, type NodeLintContext, type Problem } from "../../problems";

/** Where the call goes on when the flow it went to exits (`conv.exit_flow()`). */
export const RETURN_HANDLE: OutHandle = { id: "next", label: "After the flow exits" };

export const gotoFlowDataSchema = z.object({
  title: titleSchema,
  /** The target flow's name (flows are named uniquely per agent; compared ignoring case). */
  flow: z.string().max(100),
});
export type GotoFlowData = z.output<typeof gotoFlowDataSchema>;

export function unknownFlowProblem(ctx: NodeLintContext, flow: string, path: string): Problem | null {
  if (flow.trim() === "") return nodeProblem(ctx, "unknown-flow", "error", "Choose a flow to go to", path);
  if (ctx.flowNames === null || ctx.flowNames.has(flow.trim().toLowerCase())) return null;
  return nodeProblem(ctx, "unknown-flow", "error", `Unknown flow "${flow}": it was renamed or deleted`, path);
}

export const gotoFlowKind = defineKind<"goto_flow", GotoFlowData>({
  kind: "goto_flow",
  label: "Go to flow",
  description:
    "The call goes on in another flow of the agent, from its start node; when that flow exits (conv.exit_flow()), it comes back here and goes on.",
  dataSchema: gotoFlowDataSchema,
  defaults: () => ({ flow: "" }),
  outHandles: () => [RETURN_HANDLE],
  validate: (d, ctx) => compact([unknownFlowProblem(ctx, d.flow, "data.flow")]),
  summary: (d) => (d.flow.trim() ? `→ flow “${d.flow.trim()}”` : "Choose a flow"),
  defaultTitle: (d) => kindTitle("Go to flow", d.flow),
  variableTexts: () => [],
  assignedVariables: () => [],
});
