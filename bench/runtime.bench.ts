/**
 * npm run bench:runtime — steps per second of the pure runtime on a generated 1,000-node flow.
 *
 * The measured call does what real calls do: every listen step is matched by an example (the
 * caller's words share no keyword with any branch, so the matcher scores examples), and the call
 * ends in a handoff to Billing Support, so the runtime builds its SIP ladder with resolved headers.
 *
 * Baseline, timed in the same process: a bare walk of the same path over a prebuilt adjacency map
 * (built once, outside the clock — as the runtime's own cached graph index is), so the ratio shows
 * what the runtime adds to following edges, not the cost of indexing the flow on every walk.
 */
import { generateLargeFlow, type FlowDocument } from "../lib/flow";
import { DEMO_BILLING } from "../lib/handoffs/demo";
import { startCall, step, type AgentSetup, type Session } from "../lib/runtime";
import { finishBenchmark } from "./verdict";

const CALLER_SAYS = "sure thing, go right ahead";
const TARGET_STEPS_PER_SEC = 20_000;

/** generateLargeFlow, with keyword-free listen branches (examples only) and a handoff instead of End. */
function benchFlow(n: number): FlowDocument {
  const flow = generateLargeFlow(n);
  const nodes = flow.nodes.map((node) => {
    if (node.type === "listen")
      return {
        ...node,
        data: {
          ...node.data,
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
  return { ...flow, nodes: nodes as FlowDocument["nodes"] };
}

const flow = benchFlow(1000);
const agent: AgentSetup = {
  name: "Bench",
  flow,
  destinations: [DEMO_BILLING],
  functions: [],
  hosts: { trunkHost: "t.example", pbxHost: "p.example" },
};

function oneCall(seed: number): { steps: number; nodes: number; session: Session } {
  let s: Session = startCall(agent, {
    callerId: "+14155550123",
    calledNumber: "+18005550100",
    variables: { customer_id: "c42" },
    seed,
  });
  let steps = 1;
  s = step(s, { type: "call_started" }).session;
  while (s.status === "awaiting_input") {
    s = step(s, { type: "user_utterance", text: CALLER_SAYS }).session;
    steps++;
  }
  if (s.status !== "ended") throw new Error(`call did not end: ${s.status}`);
  return { steps, nodes: s.path.length, session: s };
}

// The path the call takes, as node ids: the baseline walks exactly these edges.
const probe = oneCall(0);
if (!probe.session.handoff || !probe.session.sipTrace) throw new Error("the measured call must end in a handoff");
const adjacency = new Map<string, Map<string, string>>();
for (const e of flow.edges) {
  let out = adjacency.get(e.source);
  if (!out) adjacency.set(e.source, (out = new Map()));
  out.set(e.sourceHandle ?? "next", e.target);
}
const handles = new Map(
  flow.nodes.map((n) => [n.id, n.type === "listen" ? "yes" : n.type === "condition" ? "else" : "next"]),
);

function bareWalk(): number {
  let id: string | undefined = flow.nodes[0]!.id;
  let n = 0;
  while (id !== undefined) {
    n++;
    id = adjacency.get(id)?.get(handles.get(id)!);
  }
  return n;
}

function measure(fn: () => number, ms: number): number {
  const until = performance.now() + ms;
  let units = 0;
  const t0 = performance.now();
  while (performance.now() < until) units += fn();
  return units / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
const RUNS = 7;
const matchedBy = new Set(probe.session.logs.map((l) => /by (\w+)/.exec(l.message)?.[1]).filter(Boolean));
console.log(
  `flow: ${flow.nodes.length} nodes; one call = ${probe.steps} steps through ${probe.nodes} nodes, matched by ${[...matchedBy].join(", ")}, ending in a ${probe.session.sipTrace.messages.length}-message handoff ladder`,
);
oneCall(1); // warm-up
bareWalk();

const stepsPerSec: number[] = [];
const ratios: number[] = [];
for (let r = 0; r < RUNS; r++) {
  let seed = 100 * r;
  const steps = measure(() => oneCall(seed++).steps, 1000);
  const bare = measure(bareWalk, 300);
  stepsPerSec.push(steps);
  const nodesPerSec = (steps * probe.nodes) / probe.steps;
  ratios.push(bare / nodesPerSec);
  console.log(`run ${r + 1}: ${fmt(steps)} steps/s (${fmt(nodesPerSec)} nodes/s); bare walk ${fmt(bare)} nodes/s`);
}
const stepMedian = median(stepsPerSec);
console.log(
  `\nmedian: ${fmt(stepMedian)} steps/s over ${RUNS} runs; bare walk / runtime (nodes/s) = ${median(ratios).toFixed(1)}×`,
);
finishBenchmark(
  "runtime",
  { stepsPerSec, bareOverRuntime: ratios, flowNodes: flow.nodes.length, pathNodes: probe.nodes, steps: probe.steps },
  [{ name: "steps per second (median of runs)", value: stepMedian, op: "≥", limit: TARGET_STEPS_PER_SEC }],
);
