import { anyKind, isNodeKind } from "../flow/catalogue";
import { nodeTitle, titleContextOf } from "../flow/titles";
import type { FlowNode } from "../flow/types";
import { referencedVariables } from "./variables";

/**
 * Where an agent variable is used (pure): header values, flow texts and knowledge topics that say
 * `$name`, Set nodes that assign it and Condition nodes that check it, and Python functions that
 * read or write it. The Variables page lists these before a delete or rename leaves them pointing at nothing.
 */

export type VariableUseKind = "header" | "node" | "topic" | "function";

export interface VariableUse {
  kind: VariableUseKind;
  /** For a person: `Billing Support: header X-Customer-ID`, `Main line: “Handoff: Billing Support” (the pre-handoff utterance)`. */
  text: string;
  /** Where to go to change it (relative to /agents/{agentId}). */
  section: "handoffs" | "flows" | "knowledge" | "functions";
  /** The flow or function id, when the use is in one. */
  id?: string;
}

interface UsageSources {
  destinations: readonly {
    name: string;
    isDefault: boolean;
    id: string;
    sipHeaders: readonly { name: string; value: string }[];
  }[];
  /** Flows as stored: nodes are not trusted to be well formed. */
  flows: readonly { id: string; name: string; nodes: readonly unknown[] }[];
  functions: readonly { id: string; name: string; code: string }[];
  /** Knowledge topics: what the agent says (content) and a handoff's pre-handoff utterance. */
  topics?: readonly { name: string; content: string; action: { kind: string; utterance?: string } }[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Does this Python read or write the variable? `conv.state` is a dict, so a use names it as a
 * string (`conv.state["tier"]`, `.get('tier')`, `{"tier": …}`) or as an attribute (`state.tier`).
 * A string that merely mentions the name as text is not a use; one that is exactly it counts.
 */
export function codeUsesVariable(code: string, name: string): boolean {
  const n = escapeRegExp(name);
  return new RegExp(`(["'])${n}\\1|\\bstate\\.${n}\\b`).test(code);
}

function parsedNode(n: unknown): FlowNode | null {
  if (typeof n !== "object" || n === null) return null;
  const { id, type, data } = n as { id?: unknown; type?: unknown; data?: unknown };
  if (typeof id !== "string" || typeof type !== "string" || !isNodeKind(type)) return null;
  const parsed = anyKind(type).dataSchema.safeParse(data);
  return parsed.success ? ({ id, type, position: { x: 0, y: 0 }, data: parsed.data } as FlowNode) : null;
}

export function variableUsages(name: string, sources: UsageSources): VariableUse[] {
  const out: VariableUse[] = [];
  for (const d of sources.destinations) {
    for (const h of d.sipHeaders) {
      if (referencedVariables(h.value).includes(name))
        out.push({ kind: "header", section: "handoffs", text: `${d.name}: header ${h.name || "(unnamed)"}` });
    }
  }
  const titles = titleContextOf(sources.destinations);
  for (const flow of sources.flows) {
    for (const raw of flow.nodes) {
      const node = parsedNode(raw);
      if (!node) continue;
      const kind = anyKind(node.type);
      const where: string[] = kind
        .variableTexts(node.data)
        .filter((t) => referencedVariables(t.text).includes(name))
        .map((t) => t.label);
      if (kind.assignedVariables(node.data).includes(name))
        where.push(node.type === "condition" ? "checks it" : "sets it");
      if (where.length === 0) continue;
      out.push({
        kind: "node",
        section: "flows",
        id: flow.id,
        text: `${flow.name}: “${nodeTitle(node, titles)}” (${[...new Set(where)].join(", ")})`,
      });
    }
  }
  for (const topic of sources.topics ?? []) {
    const where: string[] = [];
    if (referencedVariables(topic.content).includes(name)) where.push("what the agent says");
    if (topic.action.kind === "builtin-handoff" && referencedVariables(topic.action.utterance ?? "").includes(name))
      where.push("the pre-handoff utterance");
    if (where.length > 0)
      out.push({ kind: "topic", section: "knowledge", text: `Knowledge: “${topic.name}” (${where.join(", ")})` });
  }
  for (const fn of sources.functions) {
    if (codeUsesVariable(fn.code, name))
      out.push({ kind: "function", section: "functions", id: fn.id, text: `function ${fn.name}` });
  }
  return out;
}
