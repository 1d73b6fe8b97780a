import { functionSignature, type ParameterType } from "../functions/parameters";
import type { SyntaxIssue } from "../functions/types";
import { typedValueProblem, type ArgumentType } from "../scenarios/schema";
import { headerNameError } from "../sip/header-rules";
import { normaliseIsoInstant, ISO_INSTANT_MESSAGE } from "../time/iso-instant";
import { nodeTitle, titleContextOf } from "../flow/titles";
import { classifyRoute } from "../sip/route";
import { parseAgentDocument } from "./parse";
import { documentDestinations, documentFlowDocument, lintDocument, lintDocumentTopics } from "./runnable";
import type { AgentDocument } from "./schema";

/**
 * The whole-agent check behind `cli validate` and `GET /api/v1/agents/{id}/validate`
 * (docs/design.md §10): the document's own rules (destinations, unique names, exactly one default:
 * what import checks), flow lint of every flow, topic lint, every function compiled by Python, and
 * every scenario's references (its flow, the nodes its path names, the destinations and function
 * its handoff expectation names, the functions and arguments it expects called) and call setup
 * (inbound header names, the clock). Errors fail validation; warnings are listed too.
 */

export type ValidationArea = "document" | "flow" | "topic" | "function" | "scenario";

export interface ValidationProblem {
  area: ValidationArea;
  severity: "error" | "warning";
  /** Where: `destinations[1].route`, `Flow "Main line", node n3`, `function lookup line 3`, `scenario "Gold"`. */
  where: string;
  message: string;
}

export interface ValidationReport {
  ok: boolean;
  problems: ValidationProblem[];
  /** How much was looked at, for the summary line. */
  checked: { flows: number; destinations: number; functions: number; scenarios: number };
}

/** Python's syntax check of one function's code (the Node Pyodide runner's `check`). */
export type CheckPython = (code: string) => Promise<SyntaxIssue | null>;

export async function validateAgentDocument(doc: AgentDocument, checkPython: CheckPython): Promise<ValidationReport> {
  const problems: ValidationProblem[] = [];
  const parsed = parseAgentDocument(doc);
  if (!parsed.ok)
    for (const e of parsed.errors)
      problems.push({ area: "document", severity: "error", where: e.path || "(document)", message: e.message });

  for (const f of lintDocument(doc))
    for (const p of f.problems)
      problems.push({
        area: "flow",
        severity: p.severity === "error" ? "error" : "warning",
        where: `Flow "${f.flow}"${p.nodeId ? `, node ${p.nodeId}` : p.edgeId ? `, edge ${p.edgeId}` : ""}`,
        message: p.message,
      });
  for (const t of lintDocumentTopics(doc))
    problems.push({
      area: "topic",
      severity: t.severity === "error" ? "error" : "warning",
      where: `Topic "${t.topic}"`,
      message: t.message,
    });

  for (const fn of doc.functions) {
    const issue = await checkPython(fn.code);
    if (issue)
      problems.push({
        area: "function",
        severity: "error",
        where: `Function ${fn.name}, line ${issue.line}`,
        message: issue.message,
      });
  }

  problems.push(...scenarioProblems(doc));
  return {
    ok: !problems.some((p) => p.severity === "error"),
    problems,
    checked: {
      flows: doc.flows.length,
      destinations: doc.destinations.length,
      functions: doc.functions.length,
      scenarios: doc.scenarios?.length ?? 0,
    },
  };
}

const key = (s: string) => s.trim().toLowerCase();

/** Scenarios name flows, node titles, destinations and functions; each must exist in this agent. */
export function scenarioProblems(doc: AgentDocument): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  const ctx = titleContextOf(documentDestinations(doc));
  const flows = new Map(doc.flows.map((f) => [key(f.name), f]));
  // A call may go through several flows (goto_flow), so a path may name a node of any flow.
  const nodeNames = new Set<string>();
  for (const f of doc.flows)
    for (const n of documentFlowDocument(f).nodes) {
      nodeNames.add(key(n.id));
      nodeNames.add(key(nodeTitle(n, ctx)));
    }
  const destinations = new Set(doc.destinations.map((d) => key(d.name)));
  const functions = new Set(doc.functions.map((f) => f.name));
  const isDestination = (name: string) => destinations.has(key(name)) || classifyRoute(name) !== null;
  for (const s of doc.scenarios ?? []) {
    const where = `Scenario "${s.name}"`;
    const add = (message: string) => out.push({ area: "scenario", severity: "error", where, message });
    if (s.flow !== undefined && s.flow.trim() !== "" && !flows.has(key(s.flow))) add(`flow "${s.flow}" does not exist`);
    for (const title of s.expect.path ?? [])
      if (!nodeNames.has(key(title))) add(`expect.path names "${title}", which is no node of any flow`);
    const h = s.expect.handoff;
    if (h?.destination !== undefined && h.destination.trim() !== "" && !isDestination(h.destination))
      add(`expect.handoff.destination "${h.destination}" is no destination of this agent`);
    if (h?.function !== undefined && h.function.trim() !== "" && !functions.has(h.function.trim()))
      add(`expect.handoff.function "${h.function}" is no function of this agent`);
    for (const b of s.behaviours ?? [])
      if (b.destination.trim() !== "*" && !isDestination(b.destination))
        add(`behaviours: "${b.destination}" is no destination of this agent (nor a route, nor *)`);
    (s.sip_headers ?? []).forEach((header, i) => {
      const problem = headerNameError(header.name.trim());
      if (problem) add(`sip_headers[${i}] "${header.name}": ${problem}`);
    });
    if (s.simulated_at !== undefined && normaliseIsoInstant(s.simulated_at) === null)
      add(`simulated_at "${s.simulated_at}": ${ISO_INSTANT_MESSAGE}`);
    (s.expect.functions ?? []).forEach((e, i) => {
      const at = `expect.functions[${i}]`;
      const fn = doc.functions.find((f) => f.name === e.name);
      if (!fn) {
        add(`${at}: "${e.name}" is no function of this agent`);
        return;
      }
      const signature = functionSignature(fn.code, fn.name);
      (e.args ?? []).forEach((a, j) => {
        const arg = `${at}.args[${j}] "${a.name}"`;
        const problem = typedValueProblem(a.type, a.value);
        if (problem) add(`${arg}: "${a.value}" is not a ${a.type} value (${problem})`);
        if (!signature) return;
        const param = signature.parameters.find((p) => p.name === a.name);
        if (!param) {
          if (!signature.anyKeywords)
            add(
              `${arg} is no parameter of ${fn.name}(${signature.parameters.map((p) => p.name).join(", ") || "conv only"})`,
            );
          return;
        }
        if (param.type && !COMPATIBLE[param.type].includes(a.type))
          out.push({
            area: "scenario",
            severity: "warning",
            where,
            message: `${arg} is compared as ${a.type}, but ${fn.name} declares ${a.name}: ${param.type}`,
          });
      });
    });
  }
  return out;
}

/** The assertion types that compare meaningfully with a declared parameter type. */
const COMPATIBLE: Record<ParameterType, readonly ArgumentType[]> = {
  str: ["string"],
  int: ["integer", "number"],
  float: ["number", "integer"],
  bool: ["boolean"],
};
