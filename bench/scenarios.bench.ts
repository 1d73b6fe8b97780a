/**
 * npm run bench:scenarios — scenarios per second in Node (docs/design.md §15).
 *
 * 1. The demo agent's scenarios: those without Python, and the Python one on a warm worker thread.
 * 2. 200 generated scenarios over a generated 1,000-node flow (no Python). Scenario i says "yes"
 *    (matched by examples) at 0–7 questions, then "no" at the next one, whose No branch hands the
 *    call to Billing Support by INVITE with resolved headers: calls of 1–8 caller turns, as
 *    regression scenarios are, each checking outcome, destination, method, a header and the path.
 *    Also reported (no target): scenarios that walk the whole 1,000-node chain (250 turns each).
 *
 * Baseline, timed in the same process: the bare runtime (startCall + step for the same calls, no
 * scenario machinery), so the ratio shows what scenarios add (recording the call, matching).
 *
 * `--count N` runs N generated scenarios instead of 200 (a quick check); `--report-only` never fails.
 */
import { buildAgentDocument } from "../lib/agent-document/build";
import { createNodeFunctionRunner } from "../lib/functions/node/node-runner";
import { generateLargeFlow, type FlowDocument } from "../lib/flow";
import { DEMO_BILLING } from "../lib/handoffs/demo";
import { startCall, step, type Session } from "../lib/runtime";
import { DEMO_SCENARIOS, demoAgentDocument, runScenarios, type Scenario, type ScenarioHost } from "../lib/scenarios";
import { finishBenchmark } from "./verdict";

const TARGET_SCENARIOS_PER_SEC = 200;
const CALLER_SAYS = "sure thing, go right ahead";
const CALLER_DECLINES = "no thanks, not now";
const countArg = process.argv.indexOf("--count");
const COUNT = countArg > 0 ? Math.max(1, Number(process.argv[countArg + 1]) || 200) : 200;
const RUNS = COUNT < 200 ? 2 : 5;

/** generateLargeFlow with keyword-free listen branches (examples only) and a handoff instead of End (as bench:runtime). */
function benchFlow(n: number): FlowDocument {
  const flow = generateLargeFlow(n);
  const nodes = flow.nodes.map((node) => {
    if (node.type === "listen")
      return {
        ...node,
        data: {
          ...node.data,
          title: `Question ${node.id.slice(1)}`,
          branches: [
            { id: "yes", label: "Yes", examples: ["sure, go ahead", "yes please"], keywords: [] },
            { id: "no", label: "No", examples: ["no thanks, not now"], keywords: [] },
          ],
        },
      };
    if (node.type === "end")
      return {
        ...node,
        type: "handoff" as const,
        data: {
          destinationId: DEMO_BILLING.id,
          reason: "billing",
          utterance: "Transferring you now.",
          overrideFunction: null,
        },
      };
    return node;
  });
  // Every question's No branch leads to the handoff at the end of the chain.
  const last = flow.nodes.at(-1)!.id;
  const edges = flow.edges.map((e) => (e.sourceHandle === "no" ? { ...e, target: last } : e));
  return { ...flow, name: "Large", nodes: nodes as FlowDocument["nodes"], edges };
}

const flow = benchFlow(1000);
const doc = buildAgentDocument({
  agent: { name: "Bench", trunkHost: "t.example", pbxHost: "p.example", functionTimeoutMs: 2_000 },
  variables: [{ name: "customer_id", sampleValue: "c42", description: "" }],
  destinations: [DEMO_BILLING],
  functions: [],
  flows: [flow],
});

const noPython = async (): Promise<never> => {
  throw new Error("no Python in this benchmark part");
};
const hostOf = (d: typeof doc, runPython: ScenarioHost["runPython"] = noPython): ScenarioHost => ({
  agentId: "agt_bench",
  document: () => ({ ok: true, document: d, version: null }),
  runPython,
});

// How many caller turns the generated call needs: probe it with the bare runtime.
function bareCall(seed: string, script: readonly string[]): Session {
  let s = startCall(
    {
      name: "Bench",
      flow,
      destinations: [DEMO_BILLING],
      functions: [],
      hosts: { trunkHost: "t.example", pbxHost: "p.example" },
    },
    {
      callerId: "+14155550123",
      calledNumber: "+18005550100",
      variables: { customer_id: "c42" },
      seed,
    },
  );
  s = step(s, { type: "call_started" }).session;
  for (const text of script) {
    if (s.status !== "awaiting_input") break;
    s = step(s, { type: "user_utterance", text }).session;
  }
  if (s.status === "awaiting_input") s = step(s, { type: "caller_hangup" }).session;
  return s;
}
const probe = bareCall(
  "probe",
  Array.from({ length: 10_000 }, () => CALLER_SAYS),
);
const fullTurns = probe.turns.filter((t) => t.role === "caller").length;
if (probe.outcome !== "handoff") throw new Error(`the generated call must end in a handoff, got ${probe.outcome}`);
const listens = flow.nodes.filter((n) => n.type === "listen");

const scriptOf = (i: number) => [...Array.from({ length: i % 8 }, () => CALLER_SAYS), CALLER_DECLINES];
const expectHandoff = (lastQuestion: number): Scenario["expect"] => ({
  outcome: "handoff",
  handoff: { destination: "Billing Support", method: "invite", headers: [{ name: "X-Customer-ID", value: "c42" }] },
  path: [`Question ${listens[lastQuestion]!.id.slice(1)}`],
});
const generated: Scenario[] = Array.from({ length: COUNT }, (_, i) => ({
  name: `Generated ${i + 1}`,
  flow: "Large",
  turns: scriptOf(i).map((say) => ({ say })),
  seed: `gen-${i}`,
  expect: expectHandoff(i % 8),
}));
const FULL = Math.min(COUNT, 10);
const fullLength: Scenario[] = Array.from({ length: FULL }, (_, i) => ({
  name: `Whole chain ${i + 1}`,
  flow: "Large",
  turns: Array.from({ length: fullTurns }, () => ({ say: CALLER_SAYS })),
  seed: `full-${i}`,
  expect: { outcome: "handoff", handoff: { destination: "Billing Support" } },
}));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1));
const perSec = (n: number, ms: number) => n / (ms / 1000);

async function timed(fn: () => Promise<number> | number): Promise<number> {
  const t0 = performance.now();
  const n = await fn();
  return perSec(n, performance.now() - t0);
}

console.log(
  `generated: ${COUNT} scenarios over a ${flow.nodes.length}-node flow, 1–8 caller turns each, ending in a handoff; whole chain: ${fullTurns} turns through ${probe.path.length} nodes`,
);

// Warm-up (JIT, the runtime's graph index), then check every generated scenario passes.
const check = await runScenarios([...generated.slice(0, 8), ...fullLength.slice(0, 1)], hostOf(doc));
const wrong = check.filter((r) => r.status !== "pass");
if (wrong.length > 0)
  throw new Error(`generated scenarios must pass: ${JSON.stringify(wrong[0]!.expectations.filter((e) => !e.pass))}`);
bareCall("warm", scriptOf(3));

const scenariosPerSec: number[] = [];
const barePerSec: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const s = await timed(async () => (await runScenarios(generated, hostOf(doc))).length);
  const b = await timed(() => {
    for (let i = 0; i < COUNT; i++) bareCall(`gen-${i}`, scriptOf(i));
    return COUNT;
  });
  scenariosPerSec.push(s);
  barePerSec.push(b);
  console.log(`run ${r + 1}: ${fmt(s)} scenarios/s; bare runtime ${fmt(b)} calls/s`);
}

const wholeChain = await timed(async () => (await runScenarios(fullLength, hostOf(doc))).length);
console.log(`whole chain (${probe.path.length} nodes, ${fullTurns} turns): ${fmt(wholeChain)} scenarios/s`);

// The demo scenarios: those without Python, then the Python one(s) on a warm worker.
const demoDoc = demoAgentDocument();
const needsPython = (s: Scenario) => s.expect.handoff?.function !== undefined || s.variables?.tier === "gold";
const plain = DEMO_SCENARIOS.filter((s) => !needsPython(s));
const python = DEMO_SCENARIOS.filter(needsPython);
const REPEAT = COUNT < 200 ? 5 : 100;
const plainList = Array.from({ length: REPEAT }, () => plain).flat();
const demoPlain = await timed(async () => (await runScenarios(plainList, hostOf(demoDoc))).length);
const runner = createNodeFunctionRunner();
let demoPython = NaN;
try {
  await runner.warm();
  const host = hostOf(demoDoc, (req) => runner.run(req));
  const first = await runScenarios(python, host);
  if (first.some((r) => r.status !== "pass")) throw new Error("the demo Python scenario must pass");
  const pyList = Array.from({ length: Math.max(1, Math.round(REPEAT / 5)) }, () => python).flat();
  demoPython = await timed(async () => (await runScenarios(pyList, host)).length);
} finally {
  runner.dispose();
}
console.log(
  `demo scenarios: ${fmt(demoPlain)} scenarios/s without Python (${plain.length} scenarios × ${REPEAT}); ${fmt(demoPython)} scenarios/s with Python (warm worker)`,
);

const med = median(scenariosPerSec);
const bareMed = median(barePerSec);
console.log(
  `\nmedian: ${fmt(med)} scenarios/s; bare runtime ${fmt(bareMed)} calls/s (scenarios cost ${(bareMed / med).toFixed(2)}× a bare call)`,
);
finishBenchmark(
  "scenarios",
  {
    count: COUNT,
    flowNodes: flow.nodes.length,
    pathNodes: probe.path.length,
    wholeChainTurns: fullTurns,
    wholeChainPerSec: wholeChain,
    scenariosPerSec,
    bareRuntimeCallsPerSec: barePerSec,
    bareOverScenarios: bareMed / med,
    demoWithoutPythonPerSec: demoPlain,
    demoWithPythonPerSec: demoPython,
  },
  [
    {
      name: "generated scenarios per second, no Python (median of runs)",
      value: med,
      op: "≥",
      limit: TARGET_SCENARIOS_PER_SEC,
    },
  ],
);
