/**
 * How many full REFER ladders (inbound call + utterance + REFER/202/NOTIFYs/BYE, 12 SIP
 * messages) the engine builds per second on one core.
 *
 * Baseline: serializing the 12 already-built message models of the same ladder. That is
 * the unavoidable part of the work (every ladder must end as wire text), so the ratio
 * "ladder / baseline" says how much the dialog bookkeeping, header resolution, ids and
 * timing add on top of writing the text: a ratio near 1 would mean the engine is
 * essentially free, a low ratio points at a hot spot. Both are measured in the same run,
 * interleaved, so machine noise affects them alike.
 */
import {
  buildHandoffTrace,
  buildHandoff,
  serializeSipMessage,
  type HandoffTraceInput,
  type SipMessage,
} from "../lib/sip/index";
import { DEMO_BILLING, DEMO_FRONT_DESK } from "../lib/handoffs/demo";
import { finishBenchmark } from "./verdict";

const RUNS = 7;
const RUN_MS = 1500;

const input = (seed: number): HandoffTraceInput => ({
  // The demo's front desk, sending the billing destination's headers both ways: the most header work a REFER does.
  destination: { ...DEMO_FRONT_DESK, sipHeaders: DEMO_BILLING.sipHeaders, referHeaderPlacement: "both" },
  reason: "needs_human",
  utterance: "Let me transfer you to the front desk.",
  variables: { customer_id: "abc123", tier: "silver" },
  hosts: { trunkHost: "trunk.example.net", pbxHost: "pbx.example" },
  seed,
});

let sink = 0;

function measure(fn: (n: number) => void): number {
  // Check the clock every 256 iterations so reading it does not dominate.
  const start = performance.now();
  let n = 0;
  let elapsed = 0;
  do {
    for (let k = 0; k < 256; k++) fn(n++);
    elapsed = performance.now() - start;
  } while (elapsed < RUN_MS);
  return (n / elapsed) * 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => Math.round(x).toLocaleString("en-US");

const models = buildHandoff(input(1)).models.filter((m): m is SipMessage => m !== null);
const ladder = (n: number) => {
  sink += buildHandoffTrace(input(n)).messages.length;
};
const baseline = () => {
  for (const m of models) sink += serializeSipMessage(m).length;
};

// Warm up both paths so the JIT has compiled them before the first measured run.
measure(ladder);
measure(baseline);

const ladderRates: number[] = [];
const baseRates: number[] = [];
console.log(`REFER ladder (${models.length} SIP messages + utterance), ${RUNS} runs of ${RUN_MS} ms`);
for (let r = 1; r <= RUNS; r++) {
  const l = measure(ladder);
  const b = measure(baseline);
  ladderRates.push(l);
  baseRates.push(b);
  console.log(
    `run ${r}: ${fmt(l).padStart(9)} ladders/s   baseline ${fmt(b).padStart(9)} serializations of the ladder/s`,
  );
}
const ml = median(ladderRates);
const mb = median(baseRates);
console.log(
  `median: ${fmt(ml)} ladders/s; baseline median: ${fmt(mb)}/s; ladder/baseline ratio: ${(ml / mb).toFixed(2)}`,
);
if (sink === 0) console.log("");
finishBenchmark("sip", { ladderRates, baseRates, ratio: ml / mb }, [
  { name: "REFER ladders per second (median of runs)", value: ml, op: "≥", limit: 20_000 },
]);
