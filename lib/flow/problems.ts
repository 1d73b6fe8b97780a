import type { HandoffDestination } from "../handoffs/types";
import { builtinVariableNames } from "../variables/variables";

export const LINT_RULES = [
  "no-start",
  "multiple-start",
  "unreachable",
  "dangling-edge",
  "duplicate-handle",
  "ambiguous-edge",
  "dead-end",
  "handoff-no-fallback",
  "listen-branch-empty",
  "invalid-regex",
  "handoff-no-destination",
  "destination-deleted",
  "invalid-reason",
  "unknown-function",
  "override-never-transfers",
  "invalid-header",
  "twilio-header",
  "long-utterance",
  "unknown-variable",
  "invalid-variable-name",
  "unknown-flow",
  "flow-jump-loop",
  "unknown-flow-jump",
  "unknown-parameter",
  "invalid-argument",
] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** `info` is a suggestion: shown in Problems and the inspector, never on a node's badge or in publishing. */
export type Severity = "error" | "warning" | "info";

export interface Problem {
  /** Stable across runs (rule + node/edge + detail) so the UI can key and dismiss problems. */
  id: string;
  rule: LintRule;
  severity: Severity;
  nodeId?: string;
  edgeId?: string;
  /** Field inside the node, `data.reason`, `data.branches[0].regex`. */
  path?: string;
  message: string;
}

/** What lint needs to know about a destination; a full HandoffDestination fits. */
export type LintDestination = Pick<HandoffDestination, "id" | "name" | "isDefault" | "method" | "sipHeaders">;

export interface LintFunction {
  name: string;
  code: string;
}

export interface LintContext {
  destinations: readonly LintDestination[];
  functions: readonly LintFunction[];
  /** The agent's variables; built-ins are always known. */
  variables: readonly string[];
  /** The agent answers on a Twilio number: destinations' headers must follow Twilio's rules too. */
  twilio?: boolean;
  /** The agent's flow names (Go to flow targets); absent: not checked. */
  flows?: readonly string[];
  /** The name of the flow being linted (a Go to flow node naming it jumps back to itself). */
  flowName?: string;
}

/**
 * LintContext indexed once per lint run, so each per-node check is O(1) and the whole
 * lint stays O(nodes + edges) while the user types.
 */
export interface FlowContext {
  destinationsById: ReadonlyMap<string, LintDestination>;
  defaultDestination: LintDestination | null;
  functionsByName: ReadonlyMap<string, LintFunction>;
  knownVariables: ReadonlySet<string>;
  twilio: boolean;
  /** Flow names in lower case; null when the context does not list them. */
  flowNames: ReadonlySet<string> | null;
}

export interface NodeLintContext extends FlowContext {
  nodeId: string;
}

export function prepareContext(ctx: LintContext, assignedVariables: Iterable<string> = []): FlowContext {
  const destinationsById = new Map(ctx.destinations.map((d) => [d.id, d]));
  const functionsByName = new Map(ctx.functions.map((f) => [f.name, f]));
  const knownVariables = new Set([...builtinVariableNames(), ...ctx.variables, ...assignedVariables]);
  return {
    destinationsById,
    defaultDestination: ctx.destinations.find((d) => d.isDefault) ?? null,
    functionsByName,
    knownVariables,
    twilio: ctx.twilio === true,
    flowNames: ctx.flows ? new Set(ctx.flows.map((f) => f.trim().toLowerCase())) : null,
  };
}

export const EMPTY_CONTEXT: LintContext = { destinations: [], functions: [], variables: [] };

export function problemId(rule: LintRule, subject: string, detail = ""): string {
  return detail ? `${rule}:${subject}:${detail}` : `${rule}:${subject}`;
}

export function nodeProblem(
  ctx: { nodeId: string },
  rule: LintRule,
  severity: Severity,
  message: string,
  path?: string,
  detail?: string,
): Problem {
  const p: Problem = { id: problemId(rule, ctx.nodeId, detail ?? path), rule, severity, nodeId: ctx.nodeId, message };
  if (path !== undefined) p.path = path;
  return p;
}
