import type { AgentDocument, DocumentFlow, DocumentNode } from "../agent-document/schema";
import { diffLines, unifiedDiff } from "./unified-diff";

/**
 * What changed between two agent documents (two versions, or a version and the draft), the way
 * people read it: settings, variables and destinations field by field, flows node by node (with
 * the changed fields of each node), functions as a unified diff of their code. Things are matched
 * by name (destinations and flows ignoring case, as the app treats them), nodes and edges by id.
 */

export type ChangeStatus = "added" | "removed" | "changed";

export interface FieldChange {
  /** `route`, `sip_headers`, `data.branches[0].examples`, `position`. */
  field: string;
  /** undefined when the field does not exist on that side. */
  before: unknown;
  after: unknown;
}

export interface ItemChange {
  name: string;
  status: ChangeStatus;
  /** For `changed`: what changed. For added/removed: every field of the item. */
  fields: FieldChange[];
}

export interface NodeChange {
  id: string;
  type: string;
  status: ChangeStatus;
  fields: FieldChange[];
}

export interface EdgeChange {
  id: string;
  status: ChangeStatus;
  /** `source —handle→ target` on each side. */
  before: string | null;
  after: string | null;
}

export interface FlowChange {
  name: string;
  status: ChangeStatus;
  nodes: NodeChange[];
  edges: EdgeChange[];
}

export interface FunctionChange {
  name: string;
  status: ChangeStatus;
  /** Description changes (code is in `patch`). */
  fields: FieldChange[];
  /** Unified diff of the code; "" when the code is the same. */
  patch: string;
  linesAdded: number;
  linesRemoved: number;
}

export interface DocumentDiff {
  agent: FieldChange[];
  variables: ItemChange[];
  destinations: ItemChange[];
  functions: FunctionChange[];
  flows: FlowChange[];
  /** Knowledge topics, field by field, matched by name ignoring case. */
  topics: ItemChange[];
  /** Scenarios, field by field (the call and the expectations), matched by name ignoring case. */
  scenarios: ItemChange[];
  /** Nothing at all differs. */
  identical: boolean;
}

/** Structural equality of JSON values (key order ignored), without serialising them. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Fields of two flat records that differ, in `order` (then any others, alphabetically). */
function fieldChanges(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  order: readonly string[],
): FieldChange[] {
  const keys = new Set([...order, ...Object.keys(before ?? {}).sort(), ...Object.keys(after ?? {}).sort()]);
  const out: FieldChange[] = [];
  for (const field of keys) {
    const b = before?.[field];
    const a = after?.[field];
    if (b === undefined && a === undefined) continue;
    if (!same(b, a)) out.push({ field, before: b, after: a });
  }
  return out;
}

/** Items matched by name; `fields` compares a matched pair. */
function matchByName<T extends { name: string }, C>(
  before: readonly T[],
  after: readonly T[],
  ignoreCase: boolean,
  change: (name: string, status: ChangeStatus, b: T | undefined, a: T | undefined) => C | null,
): C[] {
  const key = (n: string) => (ignoreCase ? n.toLowerCase() : n);
  const afterByKey = new Map(after.map((x) => [key(x.name), x]));
  const beforeKeys = new Set(before.map((x) => key(x.name)));
  const out: C[] = [];
  for (const b of before) {
    const a = afterByKey.get(key(b.name));
    const c = a ? change(a.name, "changed", b, a) : change(b.name, "removed", b, undefined);
    if (c) out.push(c);
  }
  for (const a of after) {
    if (beforeKeys.has(key(a.name))) continue;
    const c = change(a.name, "added", undefined, a);
    if (c) out.push(c);
  }
  return out;
}

const DESTINATION_FIELDS = [
  "name",
  "description",
  "method",
  "route",
  "sip_headers",
  "refer_header_placement",
  "ring_timeout_seconds",
  "attempts",
  "outbound_endpoint",
  "outbound_encryption",
  "is_default",
];
const VARIABLE_FIELDS = ["name", "sample_value", "description"];
const TOPIC_FIELDS = ["name", "sample_questions", "content", "action", "enabled"];
const SCENARIO_FIELDS = [
  "name",
  "description",
  "flow",
  "version",
  "variables",
  "turns",
  "behaviours",
  "seed",
  "expect",
];

function items<T extends { name: string }>(
  before: readonly T[],
  after: readonly T[],
  ignoreCase: boolean,
  order: readonly string[],
): ItemChange[] {
  return matchByName(before, after, ignoreCase, (name, status, b, a) => {
    const fields = fieldChanges(
      b as Record<string, unknown> | undefined,
      a as Record<string, unknown> | undefined,
      order,
    );
    return fields.length === 0 ? null : { name, status, fields };
  });
}

/**
 * A node's data flattened to `data.x.y[0].z` leaves. Arrays of plain values are one leaf (a list
 * of keywords reads better whole); arrays of objects are walked by index.
 */
function flatten(value: unknown, path: string, out: Record<string, unknown>): void {
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === "object")) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
    if (value.length === 0) out[path] = [];
  } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) out[path] = {};
    for (const k of keys.sort()) flatten((value as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else out[path] = value;
}

function nodeFields(n: DocumentNode | undefined): Record<string, unknown> | undefined {
  if (!n) return undefined;
  const out: Record<string, unknown> = { type: n.type, position: n.position };
  flatten(n.data, "data", out);
  return out;
}

const edgeText = (e: { source: string; sourceHandle: string; target: string }) =>
  `${e.source} —${e.sourceHandle}→ ${e.target}`;

function flowChange(
  name: string,
  status: ChangeStatus,
  before: DocumentFlow | undefined,
  after: DocumentFlow | undefined,
): FlowChange | null {
  const nodes: NodeChange[] = [];
  const afterNodes = new Map((after?.nodes ?? []).map((n) => [n.id, n]));
  const beforeIds = new Set((before?.nodes ?? []).map((n) => n.id));
  for (const b of before?.nodes ?? []) {
    const a = afterNodes.get(b.id);
    // Most nodes of a big flow are untouched: compare whole nodes before flattening any.
    if (a && same(a, b)) continue;
    const fields = fieldChanges(nodeFields(b), nodeFields(a), ["type", "position"]);
    if (fields.length > 0) nodes.push({ id: b.id, type: (a ?? b).type, status: a ? "changed" : "removed", fields });
  }
  for (const a of after?.nodes ?? []) {
    if (!beforeIds.has(a.id))
      nodes.push({
        id: a.id,
        type: a.type,
        status: "added",
        fields: fieldChanges(undefined, nodeFields(a), ["type", "position"]),
      });
  }
  const edges: EdgeChange[] = [];
  const afterEdges = new Map((after?.edges ?? []).map((e) => [e.id, e]));
  const beforeEdgeIds = new Set((before?.edges ?? []).map((e) => e.id));
  for (const b of before?.edges ?? []) {
    const a = afterEdges.get(b.id);
    if (!a) edges.push({ id: b.id, status: "removed", before: edgeText(b), after: null });
    else if (edgeText(a) !== edgeText(b))
      edges.push({ id: b.id, status: "changed", before: edgeText(b), after: edgeText(a) });
  }
  for (const a of after?.edges ?? []) {
    if (!beforeEdgeIds.has(a.id)) edges.push({ id: a.id, status: "added", before: null, after: edgeText(a) });
  }
  const renamed = status === "changed" && before!.name !== after!.name;
  if (status === "changed" && nodes.length === 0 && edges.length === 0 && !renamed) return null;
  return { name, status, nodes, edges };
}

function functionChange(
  name: string,
  status: ChangeStatus,
  before: AgentDocument["functions"][number] | undefined,
  after: AgentDocument["functions"][number] | undefined,
): FunctionChange | null {
  const fields = fieldChanges(
    before && { description: before.description },
    after && { description: after.description },
    ["description"],
  );
  const oldCode = before?.code ?? "";
  const newCode = after?.code ?? "";
  const patch = oldCode === newCode ? "" : unifiedDiff(oldCode, newCode, `${name}.py`);
  if (status === "changed" && patch === "" && fields.length === 0) return null;
  const lines = patch === "" ? [] : diffLines(oldCode, newCode);
  return {
    name,
    status,
    fields,
    patch,
    linesAdded: lines.filter((l) => l.kind === "+").length,
    linesRemoved: lines.filter((l) => l.kind === "-").length,
  };
}

export function diffDocuments(before: AgentDocument, after: AgentDocument): DocumentDiff {
  const diff: Omit<DocumentDiff, "identical"> = {
    agent: fieldChanges(before.agent, after.agent, ["name", "trunk_host", "pbx_host", "function_timeout_ms"]),
    variables: items(before.variables, after.variables, false, VARIABLE_FIELDS),
    destinations: items(before.destinations, after.destinations, true, DESTINATION_FIELDS),
    functions: matchByName(before.functions, after.functions, false, (n, s, b, a) => functionChange(n, s, b, a)),
    flows: matchByName(before.flows, after.flows, true, (n, s, b, a) => flowChange(n, s, b, a)),
    topics: items(before.topics ?? [], after.topics ?? [], true, TOPIC_FIELDS),
    scenarios: items(before.scenarios ?? [], after.scenarios ?? [], true, SCENARIO_FIELDS),
  };
  const identical = Object.values(diff).every((list) => list.length === 0);
  return { ...diff, identical };
}

/** How many things changed, for a one-line summary ("3 changes"). */
export function countChanges(d: DocumentDiff): number {
  return (
    d.agent.length +
    d.variables.length +
    d.destinations.length +
    d.functions.length +
    d.topics.length +
    d.scenarios.length +
    d.flows.reduce((sum, f) => sum + Math.max(1, f.nodes.length + f.edges.length), 0)
  );
}
