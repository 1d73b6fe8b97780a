import { isReasonCode, INVALID_REASON_MESSAGE } from "../handoffs/record";
import { branchLabel, nodeTitle, titleContextOf, type FlowDocument, type LintDestination } from "../flow";
import type { Severity } from "../flow/problems";
import type { Topic } from "./types";

/**
 * Topic lint (docs/design.md §13): what the Knowledge page shows on each topic and what publishing
 * counts with the flows' problems. The rule ids match the flow node's where the check is the same.
 */
export const TOPIC_LINT_RULES = [
  "handoff-no-destination",
  "destination-deleted",
  "invalid-reason",
  "unknown-function",
  "topic-shadowed-by-branch",
] as const;
export type TopicLintRule = (typeof TOPIC_LINT_RULES)[number];

export interface TopicProblem {
  rule: TopicLintRule;
  severity: Severity;
  /** The topic's name (names are unique per agent). */
  topic: string;
  /** The form field: `action.destinationId`, `action.reason`, `action.functionName`, `sampleQuestions`. */
  path: string;
  message: string;
}

export interface TopicLintContext {
  destinations: readonly Pick<LintDestination, "id" | "name" | "isDefault">[];
  functions: readonly { name: string }[];
  flows: readonly Pick<FlowDocument, "name" | "nodes">[];
}

const normalised = (q: string) => q.trim().toLowerCase().replace(/\s+/g, " ");

export function lintTopics(
  topics: readonly Pick<Topic, "name" | "sampleQuestions" | "action">[],
  ctx: TopicLintContext,
): TopicProblem[] {
  const out: TopicProblem[] = [];
  const titles = titleContextOf(ctx.destinations);
  const branches = ctx.flows.flatMap((flow) =>
    flow.nodes.flatMap((node) =>
      node.type === "listen"
        ? node.data.branches.map((b, i) => ({
            where: `"${branchLabel(b, i)}" of "${nodeTitle(node, titles)}" in flow "${flow.name}"`,
            examples: new Set(b.examples.map(normalised)),
          }))
        : [],
    ),
  );
  for (const t of topics) {
    const problem = (rule: TopicLintRule, severity: Severity, path: string, message: string) =>
      out.push({ rule, severity, topic: t.name, path, message });
    const a = t.action;
    if (a.kind === "builtin-handoff") {
      if (a.destinationId === null) {
        if (!ctx.destinations.some((d) => d.isDefault))
          problem(
            "handoff-no-destination",
            "error",
            "action.destinationId",
            "Choose a destination: the agent has no default destination",
          );
      } else if (!ctx.destinations.some((d) => d.id === a.destinationId)) {
        problem("destination-deleted", "error", "action.destinationId", "The destination was deleted: choose another");
      }
      if (a.reason !== "" && !isReasonCode(a.reason))
        problem("invalid-reason", "error", "action.reason", INVALID_REASON_MESSAGE);
    }
    if (a.kind === "function" && !ctx.functions.some((f) => f.name === a.functionName)) {
      problem("unknown-function", "error", "action.functionName", `Unknown function ${a.functionName}`);
    }
    // A branch that already has every sample question as an example answers them first, always.
    const questions = t.sampleQuestions.map(normalised);
    const shadow = branches.find((b) => questions.length > 0 && questions.every((q) => b.examples.has(q)));
    if (shadow) {
      problem(
        "topic-shadowed-by-branch",
        "warning",
        "sampleQuestions",
        `Branch ${shadow.where} has these sample questions as examples: the branch will always win`,
      );
    }
  }
  return out;
}

/** `Topic "Speak to a human": message` lines (publishing lists errors like this beside the flows'). */
export function topicProblemLines(problems: readonly TopicProblem[], severity: Severity = "error"): string[] {
  return problems.filter((p) => p.severity === severity).map((p) => `Topic "${p.topic}": ${p.message}`);
}
