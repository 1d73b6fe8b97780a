/**
 * npm run bench:runtime — steps per second of the pure runtime on a generated 1,000-node flow.
 * A call is started and answered "yes please" at every listen node until it ends. Baseline: a bare
 * walk of the same graph (edge lookups only, no runtime), timed in the same process.
 */
import { generateLargeFlow } from "../lib/flow";
import { startCall, step, type AgentSetup, type Session } from "../lib/runtime";

const flow = generateLargeFlow(1000);
const agent: AgentSetup = {
  name: "Bench",
  flow,
  destinations: [],
  functions: [],
  hosts: { trunkHost: "t.example", pbxHost: "p.example" },
};

function oneCall(seed: number): { steps: number; nodes: number } {
  let s: Session = startCall(agent, { callerId: "+14155550123", calledNumber: "+18005550100", variables: {}, seed });
  let steps = 1;
  s = step(s, { type: "call_started" }).session;
  while (s.status === "awaiting_input") {
    s = step(s, { type: "user_utterance", text: "yes please" }).session;
    steps++;
  }
  if (s.status !== "ended") throw new Error(`call did not end: ${s.status}`);
  return { steps, nodes: s.path.length };
}

function bareWalk(): number {
  const out = new Map<string, string>();
  for (const e of flow.edges) if (!out.has(e.source)) out.set(e.source, e.target);
  let id: string | undefined = flow.nodes[0]!.id;
  let n = 0;
  while (id !== undefined) {
    n++;
    id = out.get(id);
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
const RUNS = 7;
const probe = oneCall(0);
console.log(`flow: ${flow.nodes.length} nodes; one call = ${probe.steps} steps through ${probe.nodes} nodes`);
oneCall(1); // warm-up

const stepsPerSec: number[] = [];
const barePerSec: number[] = [];
for (let r = 0; r < RUNS; r++) {
  let seed = 100 * r;
  const steps = measure(() => oneCall(seed++).steps, 1000);
  stepsPerSec.push(steps);
  barePerSec.push(measure(bareWalk, 300));
  console.log(
    `run ${r + 1}: ${Math.round(steps).toLocaleString("en-US")} steps/s; bare walk ${Math.round(barePerSec[r]!).toLocaleString("en-US")} nodes/s`,
  );
}
const nodesPerStep = probe.nodes / probe.steps;
const stepMedian = median(stepsPerSec);
console.log(
  `\nmedian: ${Math.round(stepMedian).toLocaleString("en-US")} steps/s (${Math.round(stepMedian * nodesPerStep).toLocaleString("en-US")} nodes/s) over ${RUNS} runs; target ≥ 20,000 steps/s`,
);
console.log(
  `baseline (bare graph walk): ${Math.round(median(barePerSec)).toLocaleString("en-US")} nodes/s; runtime/bare = ${((stepMedian * nodesPerStep) / median(barePerSec)).toFixed(3)}`,
);
