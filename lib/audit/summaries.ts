import type { HandoffDestination } from "../handoffs/types";
import type { Topic } from "../topics/types";

/**
 * Short before → after summaries for audit entries. They name what changed, not every value: an
 * entry should fit on one line of the Audit log.
 */

const MAX_VALUE = 60;

export function quote(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "(none)";
  const oneLine = value.replace(/\s+/g, " ");
  return `"${oneLine.length > MAX_VALUE ? `${oneLine.slice(0, MAX_VALUE - 1)}…` : oneLine}"`;
}

export function change(field: string, before: string | null | undefined, after: string | null | undefined): string {
  return `${field} ${quote(before)} → ${quote(after)}`;
}

function headersText(d: HandoffDestination): string {
  return d.sipHeaders.map((h) => `${h.name}: ${h.value}`).join(", ");
}

function destinationLine(d: HandoffDestination): string {
  return d.route ? `${d.method.toUpperCase()} to ${d.route}` : d.method.toUpperCase();
}

/** Created, deleted, or the fields that differ. */
export function destinationSummary(before: HandoffDestination | null, after: HandoffDestination | null): string {
  if (!before && after) return `created: ${destinationLine(after)}${after.isDefault ? " (default)" : ""}`;
  if (before && !after) return `deleted (was ${destinationLine(before)})`;
  if (!before || !after) return "";
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(change("name", before.name, after.name));
  if (before.method !== after.method)
    parts.push(`method ${before.method.toUpperCase()} → ${after.method.toUpperCase()}`);
  if (before.route !== after.route) parts.push(change("route", before.route, after.route));
  if (headersText(before) !== headersText(after))
    parts.push(change("headers", headersText(before), headersText(after)));
  if (before.referHeaderPlacement !== after.referHeaderPlacement)
    parts.push(`header placement ${before.referHeaderPlacement} → ${after.referHeaderPlacement}`);
  if (before.ringTimeoutSeconds !== after.ringTimeoutSeconds)
    parts.push(`ring timeout ${before.ringTimeoutSeconds} s → ${after.ringTimeoutSeconds} s`);
  if (before.attempts !== after.attempts) parts.push(`attempts ${before.attempts} → ${after.attempts}`);
  if (before.outboundEndpoint !== after.outboundEndpoint)
    parts.push(change("outbound endpoint", before.outboundEndpoint, after.outboundEndpoint));
  if (before.outboundEncryption !== after.outboundEncryption)
    parts.push(`encryption ${before.outboundEncryption} → ${after.outboundEncryption}`);
  if (before.description !== after.description)
    parts.push(change("description", before.description, after.description));
  if (before.isDefault !== after.isDefault) parts.push(after.isDefault ? "made the default" : "no longer the default");
  return parts.length ? parts.join("; ") : "no change";
}

/** A variable created, deleted, or the fields that differ (renames included). */
export function variableSummary(
  before: { name: string; sampleValue: string; description: string } | null,
  after: { name: string; sampleValue: string; description: string } | null,
): string {
  if (!before && after) return `created: sample ${quote(after.sampleValue)}`;
  if (before && !after) return `deleted (sample was ${quote(before.sampleValue)})`;
  if (!before || !after) return "";
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(change("name", before.name, after.name));
  if (before.sampleValue !== after.sampleValue) parts.push(change("sample", before.sampleValue, after.sampleValue));
  if (before.description !== after.description)
    parts.push(change("description", before.description, after.description));
  return parts.length ? parts.join("; ") : "no change";
}

function topicActionLine(t: Topic, destinationName: (id: string) => string): string {
  const a = t.action;
  if (a.kind === "builtin-handoff")
    return `hand off to ${a.destinationId === null ? "the agent default" : destinationName(a.destinationId)}${a.reason ? ` (${a.reason})` : ""}`;
  if (a.kind === "function") return `run ${a.functionName}`;
  return "no action";
}

/** Created, deleted, or the fields that differ (sample questions by count). */
export function topicSummary(
  before: Topic | null,
  after: Topic | null,
  destinationName: (id: string) => string = (id) => id,
): string {
  const q = (t: Topic) => `${t.sampleQuestions.length} sample question${t.sampleQuestions.length === 1 ? "" : "s"}`;
  if (!before && after) return `created: ${q(after)}, ${topicActionLine(after, destinationName)}`;
  if (before && !after) return `deleted (was ${topicActionLine(before, destinationName)})`;
  if (!before || !after) return "";
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(change("name", before.name, after.name));
  if (before.sampleQuestions.join("\n") !== after.sampleQuestions.join("\n"))
    parts.push(`sample questions ${before.sampleQuestions.length} → ${after.sampleQuestions.length}`);
  if (before.content !== after.content) parts.push(change("content", before.content, after.content));
  const actionBefore = topicActionLine(before, destinationName);
  const actionAfter = topicActionLine(after, destinationName);
  if (actionBefore !== actionAfter) parts.push(`action ${actionBefore} → ${actionAfter}`);
  else if (JSON.stringify(before.action) !== JSON.stringify(after.action)) parts.push("action's utterance changed");
  if (before.enabled !== after.enabled) parts.push(after.enabled ? "enabled" : "disabled");
  return parts.length ? parts.join("; ") : "no change";
}

/** What is kept of a flow to describe a save: its node ids and edge count. */
export interface FlowDigest {
  nodes: string[];
  edges: number;
}

export function flowDigest(doc: { nodes: readonly { id: string }[]; edges: readonly unknown[] }): FlowDigest {
  return { nodes: doc.nodes.map((n) => n.id), edges: doc.edges.length };
}

function listSome(ids: string[]): string {
  return ids.length <= 3 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more`;
}

export function flowSaveSummary(before: FlowDigest, after: FlowDigest): string {
  const had = new Set(before.nodes);
  const has = new Set(after.nodes);
  const added = after.nodes.filter((id) => !had.has(id));
  const removed = before.nodes.filter((id) => !has.has(id));
  const parts = [`nodes ${before.nodes.length} → ${after.nodes.length}`, `edges ${before.edges} → ${after.edges}`];
  if (added.length) parts.push(`added ${listSome(added)}`);
  if (removed.length) parts.push(`removed ${listSome(removed)}`);
  if (!added.length && !removed.length && before.edges === after.edges) parts.push("node settings changed");
  return parts.join("; ");
}

function lineCount(code: string): number {
  return code === "" ? 0 : code.split("\n").length;
}

export function functionSaveSummary(
  before: { description: string; code: string },
  after: { description: string; code: string },
): string {
  const parts: string[] = [];
  if (before.code !== after.code) parts.push(`code ${lineCount(before.code)} → ${lineCount(after.code)} lines`);
  if (before.description !== after.description)
    parts.push(change("description", before.description, after.description));
  return parts.length ? parts.join("; ") : "no change";
}
