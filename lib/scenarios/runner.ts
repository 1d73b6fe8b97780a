import type { ConversationInput } from "../conversations/schema";
import type { AgentDocument } from "../agent-document/schema";
import { agentSetupFromDocument, documentSamples, findDocumentFlow } from "../agent-document/runnable";
import type { RunRequest, RunResult } from "../functions/types";
import { classifyRoute } from "../sip/route";
import type { TraceBehaviour } from "../sip";
import { startCall, type AgentSetup } from "../runtime";
import { conversationFromSession, simulateScript, toOutcome, toRunRequest } from "../simulation";
import { matchExpectations, type ExpectationResult } from "./expectations";
import type { RecordedFunctionCall } from "./function-calls";
import { seedOf, simulatedAtOf, type Scenario } from "./schema";

/** The channel a scenario's call is recorded with; it is kept with the run, never in conversations. */
export const SCENARIO_CHANNEL = "scenario";

export type ScenarioStatus = "pass" | "fail" | "cannot_run";

export interface ScenarioResult {
  name: string;
  status: ScenarioStatus;
  /** Why it could not run (status cannot_run): a deleted flow or destination, a missing version. */
  reason: string | null;
  flow: string | null;
  /** The published version it ran against; null: the draft. */
  version: number | null;
  expectations: ExpectationResult[];
  /** The call as it happened (channel `scenario`): transcript, path, handoff, SIP trace, metrics. */
  call: ConversationInput | null;
  /** Every function the runtime ran during the call, with its arguments (absent on runs stored before). */
  functionCalls?: RecordedFunctionCall[];
  warnings: string[];
}

export type DocumentLookup =
  | { ok: true; document: AgentDocument; version: number | null }
  | { ok: false; message: string };

/** Where scenarios find the agent they run against: the host reads the draft or a version. */
export interface ScenarioHost {
  agentId: string;
  /** `draft`, `live` or a version number, as stored on the scenario. */
  document(version: string): DocumentLookup;
  /** Runs one Python function (the CLI's worker thread, the server's warm pool, a test double). */
  runPython(request: RunRequest): Promise<RunResult>;
  /** The call's start time for the recorded call; default now. */
  now?: () => Date;
}

type Prepared =
  | {
      ok: true;
      setup: AgentSetup;
      samples: Record<string, string>;
      timeoutMs: number;
      flow: string;
      version: number | null;
      behaviours: Record<string, TraceBehaviour[]> | undefined;
    }
  | { ok: false; reason: string; flow: string | null; version: number | null };

/**
 * Resolves what a scenario runs against, or says why it cannot: a missing version, a flow or a
 * destination that was deleted (a behaviour or an expectation names it).
 */
export function prepareScenario(scenario: Scenario, lookup: DocumentLookup, cache?: Map<string, AgentSetup>): Prepared {
  if (!lookup.ok) return { ok: false, reason: lookup.message, flow: scenario.flow ?? null, version: null };
  const doc = lookup.document;
  const version = lookup.version;
  const flow = scenario.flow ? findDocumentFlow(doc, scenario.flow) : (doc.flows[0] ?? null);
  if (!flow) {
    return {
      ok: false,
      reason: scenario.flow ? `flow "${scenario.flow}" was deleted or renamed` : "the agent has no flows",
      flow: scenario.flow ?? null,
      version,
    };
  }
  const names = new Map(doc.destinations.map((d) => [d.name.toLowerCase(), d.name]));
  const unknownDestination = (name: string) =>
    name !== "*" && !names.has(name.trim().toLowerCase()) && classifyRoute(name.trim()) === null;
  const behaviours: Record<string, TraceBehaviour[]> = {};
  for (const b of scenario.behaviours ?? []) {
    if (unknownDestination(b.destination)) {
      return { ok: false, reason: `destination "${b.destination}" was deleted or renamed`, flow: flow.name, version };
    }
    behaviours[names.get(b.destination.trim().toLowerCase()) ?? b.destination.trim()] = b.behaviours;
  }
  const expected = scenario.expect.handoff?.destination;
  if (expected && unknownDestination(expected)) {
    return { ok: false, reason: `destination "${expected}" was deleted or renamed`, flow: flow.name, version };
  }
  const key = `${version ?? "draft"}\u0000${flow.name}`;
  let setup = cache?.get(key);
  if (!setup) {
    setup = agentSetupFromDocument(doc, flow);
    cache?.set(key, setup);
  }
  return {
    ok: true,
    setup,
    samples: documentSamples(doc),
    timeoutMs: doc.agent.function_timeout_ms,
    flow: flow.name,
    version,
    behaviours: Object.keys(behaviours).length > 0 ? behaviours : undefined,
  };
}

/** Runs one scenario through the simulation driver (lib/simulation) and compares its expectations. */
export async function runScenario(
  scenario: Scenario,
  host: ScenarioHost,
  cache?: Map<string, AgentSetup>,
): Promise<ScenarioResult> {
  const prepared = prepareScenario(scenario, host.document(scenario.version ?? "draft"), cache);
  if (!prepared.ok) {
    return {
      name: scenario.name,
      status: "cannot_run",
      reason: prepared.reason,
      flow: prepared.flow,
      version: prepared.version,
      expectations: [],
      call: null,
      warnings: [],
    };
  }
  const { setup, timeoutMs } = prepared;
  const { caller_id, called_number, ...state } = { ...prepared.samples, ...scenario.variables };
  const simulatedAt = simulatedAtOf(scenario);
  const session = startCall(setup, {
    // The scenario's caller number wins over a caller_id start value; "" is a withheld number.
    callerId: scenario.caller_number !== undefined ? scenario.caller_number.trim() : (caller_id ?? "+14155550123"),
    calledNumber: called_number ?? "+18005550100",
    variables: state,
    seed: seedOf(scenario),
    behaviours: prepared.behaviours,
    integrationAttributes: { channel: SCENARIO_CHANNEL },
    ...(scenario.sip_headers?.length
      ? { sipHeaders: Object.fromEntries(scenario.sip_headers.map((h) => [h.name.trim(), h.value])) }
      : {}),
    ...(simulatedAt ? { simulatedAt } : {}),
  });
  const functionCalls: RecordedFunctionCall[] = [];
  const result = await simulateScript(session, scenario.turns ?? [], async (req) => {
    functionCalls.push({ name: req.functionName, args: { ...req.args }, purpose: req.purpose });
    return toOutcome(await host.runPython(toRunRequest(req, setup, timeoutMs)));
  });
  const call = conversationFromSession(result.session, {
    agentId: host.agentId,
    flowId: null,
    // On a test clock the recorded call starts at that moment, so its timestamps agree with conv.now().
    startedAt: simulatedAt ? new Date(simulatedAt) : (host.now?.() ?? new Date()),
    channel: SCENARIO_CHANNEL,
    version: prepared.version,
  });
  const expectations = matchExpectations(scenario.expect, call, functionCalls);
  const warnings = [
    ...(result.unused > 0
      ? [`${result.unused} caller turn${result.unused === 1 ? " was" : "s were"} not used: the call ended first`]
      : []),
    ...(result.session.sipTrace?.warnings.map((w) => w.message) ?? []),
  ];
  return {
    name: scenario.name,
    status: expectations.every((e) => e.pass) ? "pass" : "fail",
    reason: null,
    flow: prepared.flow,
    version: prepared.version,
    expectations,
    call,
    functionCalls,
    warnings,
  };
}

/** Runs scenarios one after another (each is deterministic; order does not matter), sharing setups. */
export async function runScenarios(scenarios: readonly Scenario[], host: ScenarioHost): Promise<ScenarioResult[]> {
  const documents = new Map<string, DocumentLookup>();
  const cached: ScenarioHost = {
    ...host,
    document: (v) => {
      let d = documents.get(v);
      if (!d) {
        d = host.document(v);
        documents.set(v, d);
      }
      return d;
    },
  };
  const setups = new Map<string, AgentSetup>();
  const out: ScenarioResult[] = [];
  for (const s of scenarios) out.push(await runScenario(s, cached, setups));
  return out;
}

export interface RunSummary {
  passed: number;
  failed: number;
  cannotRun: number;
}

export function summarize(results: readonly Pick<ScenarioResult, "status">[]): RunSummary {
  return {
    passed: results.filter((r) => r.status === "pass").length,
    failed: results.filter((r) => r.status === "fail").length,
    cannotRun: results.filter((r) => r.status === "cannot_run").length,
  };
}
