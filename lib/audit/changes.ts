import type { HandoffDestination } from "../handoffs/types";
import { destinationSummary, topicSummary, variableSummary } from "./summaries";
import type { Topic } from "../topics/types";
import type { Scenario } from "../scenarios/schema";
import type { AuditChange } from "./types";

/** A destination change as an audit entry; `before` null for a creation, `after` null for a deletion. */
export function destinationChange(
  before: HandoffDestination | null,
  after: HandoffDestination | null,
  verb?: string,
): AuditChange {
  const d = (after ?? before)!;
  return {
    action: `destination.${verb ?? (!before ? "created" : !after ? "deleted" : "updated")}`,
    targetType: "destination",
    targetId: d.id,
    targetName: d.name,
    agentId: d.agentId,
    summary: destinationSummary(before, after),
  };
}

type VariableFields = { name: string; sampleValue: string; description: string };

/**
 * A variable change as an audit entry. Variables have no id of their own (an agent's variable is
 * its name), so the target id is `<agentId>/$<name>`, the name after the change.
 */
export function variableChange(
  agentId: string,
  before: VariableFields | null,
  after: VariableFields | null,
): AuditChange {
  const name = (after ?? before)!.name;
  return {
    action: `variable.${!before ? "created" : !after ? "deleted" : "updated"}`,
    targetType: "variable",
    targetId: `${agentId}/$${name}`,
    targetName: `$${name}`,
    agentId,
    summary: variableSummary(before, after),
  };
}

export function topicChange(
  before: Topic | null,
  after: Topic | null,
  destinationName?: (id: string) => string,
  verb?: string,
): AuditChange {
  const t = (after ?? before)!;
  return {
    action: `topic.${verb ?? (!before ? "created" : !after ? "deleted" : "updated")}`,
    targetType: "topic",
    targetId: t.id,
    targetName: t.name,
    agentId: t.agentId,
    summary: topicSummary(before, after, destinationName),
  };
}

export function flowChange(
  verb: string,
  flow: { id: string; name: string; agentId: string },
  summary: string,
): AuditChange {
  return {
    action: `flow.${verb}`,
    targetType: "flow",
    targetId: flow.id,
    targetName: flow.name,
    agentId: flow.agentId,
    summary,
  };
}

export function functionChange(
  verb: string,
  fn: { id: string; name: string; agentId: string },
  summary: string,
): AuditChange {
  return {
    action: `function.${verb}`,
    targetType: "function",
    targetId: fn.id,
    targetName: fn.name,
    agentId: fn.agentId,
    summary,
  };
}

export function agentChange(verb: string, agent: { id: string; name: string }, summary: string): AuditChange {
  return {
    action: `agent.${verb}`,
    targetType: "agent",
    targetId: agent.id,
    targetName: agent.name,
    agentId: agent.id,
    summary,
  };
}

export function versionChange(
  verb: string,
  agent: { id: string; name: string },
  number: number,
  summary: string,
): AuditChange {
  return {
    action: `version.${verb}`,
    targetType: "version",
    targetId: `${agent.id}@${number}`,
    targetName: `${agent.name} version ${number}`,
    agentId: agent.id,
    summary,
  };
}

/** A scenario created, edited or deleted; the summary names its outcome and what it expects of a handoff. */
export function scenarioChange(
  before: { id: string; agentId: string; name: string; scenario: Scenario } | null,
  after: { id: string; agentId: string; name: string; scenario: Scenario } | null,
): AuditChange {
  const s = (after ?? before)!;
  const line = (x: Scenario) =>
    `expects ${x.expect.outcome}${x.expect.handoff?.destination ? ` to ${x.expect.handoff.destination}` : ""}, ${x.turns?.length ?? 0} caller turn${x.turns?.length === 1 ? "" : "s"}`;
  return {
    action: `scenario.${!before ? "created" : !after ? "deleted" : "updated"}`,
    targetType: "scenario",
    targetId: s.id,
    targetName: s.name,
    agentId: s.agentId,
    summary: !before
      ? `created: ${line(after!.scenario)}`
      : !after
        ? `deleted (${line(before.scenario)})`
        : before.name !== after.name
          ? `renamed "${before.name}" → "${after.name}"; ${line(after.scenario)}`
          : line(before.scenario) === line(after.scenario)
            ? "edited"
            : `${line(before.scenario)} → ${line(after.scenario)}`,
  };
}
