/**
 * npm run bench:versions — publishing and comparing a large agent: 20 flows of 500 nodes (10,000
 * nodes) in a scratch SQLite file, through the same repository functions the app, API and CLI use.
 *
 * - publish: one node changed in the draft, then publishDraft (read the draft, canonical JSON,
 *   sha256, lint every flow, insert the version) — and the "nothing changed" answer;
 * - compare: readDocument ×2 + diffDocuments, as the Compare page and the diff API do, for a
 *   version against the draft with one node changed, and with every node moved.
 * p50/p95 over `--runs N` (default 30) of each; baseline: JSON.parse + JSON.stringify of the same
 * document in the same process. Target: each under a second. Results in bench/results/versions.json.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { finishBenchmark } from "./verdict";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "../db/client";
import { readDraftDocument } from "../db/repositories/agent-document";
import { createAgent } from "../db/repositories/agents";
import { createFlow, getFlow, listFlows, saveFlow } from "../db/repositories/flows";
import { createFunction } from "../db/repositories/functions";
import { createDestination } from "../db/repositories/handoffs";
import { publishDraft, readDocument } from "../db/repositories/versions";
import { canonicalJson } from "../lib/agent-document";
import { generateLargeFlow, type FlowNode } from "../lib/flow";
import { DEMO_FUNCTION } from "../lib/functions/templates";
import { DEMO_DESTINATIONS } from "../lib/handoffs/demo";
import { destinationInputSchema } from "../lib/handoffs/schema";
import { diffDocuments } from "../lib/versions/diff";

const { values } = parseArgs({
  options: { runs: { type: "string" }, flows: { type: "string" }, nodes: { type: "string" } },
});
const RUNS = Number(values.runs ?? 30);
const FLOWS = Number(values.flows ?? 20);
const NODES = Number(values.nodes ?? 500);

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-versions-"));
const db = openDb(path.join(dir, "bench.db"), { seed: false });

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

try {
  // The agent: the demo destinations and function, and FLOWS generated flows of NODES nodes.
  const agentId = createAgent(db, "Bench agent").id;
  for (const d of DEMO_DESTINATIONS) {
    const r = createDestination(db, agentId, destinationInputSchema.parse(d));
    if (!r.ok) throw new Error(`destination ${d.name}`);
  }
  if (!createFunction(db, agentId, { ...DEMO_FUNCTION }).ok) throw new Error("function");
  for (let i = 0; i < FLOWS; i++) {
    const r = createFlow(db, agentId, generateLargeFlow(NODES, `Flow ${String(i + 1).padStart(2, "0")}`));
    if (!r.ok) throw new Error(r.status);
  }
  const flowIds = listFlows(db, agentId).map((f) => f.id);
  const doc = readDraftDocument(db, agentId)!;
  const text = canonicalJson(doc);
  console.log(
    `agent: ${FLOWS} flows × ${NODES} nodes = ${(FLOWS * NODES).toLocaleString("en-US")} nodes; document ${(text.length / 1e6).toFixed(2)} MB (canonical JSON)`,
  );

  /** Changes one node of one flow (its utterance or greeting), as an edit in the editor would. */
  let edit = 0;
  function editOneNode(): void {
    const flowId = flowIds[edit % flowIds.length]!;
    const flow = getFlow(db, agentId, flowId)!;
    const nodes = flow.nodes.map((n, i) =>
      i === 1 && n.type === "say" ? ({ ...n, data: { ...n.data, utterance: `Edit ${edit}` } } as FlowNode) : n,
    );
    const saved = saveFlow(db, agentId, flowId, { nodes, edges: flow.edges }, flow.revision);
    if (!saved.ok) throw new Error("save failed");
    edit++;
  }

  function publishOnce(): void {
    const r = publishDraft(db, agentId, { note: "bench", author: "bench", acceptLintErrors: true });
    if (!r.ok) throw new Error(`publish: ${r.status}`);
  }

  // Warm up (JIT, SQLite page cache).
  editOneNode();
  publishOnce();

  const publish: number[] = [];
  const unchanged: number[] = [];
  const compareOne: number[] = [];
  const baseline: number[] = [];
  let lastDiff = diffDocuments(doc, doc);
  for (let r = 0; r < RUNS; r++) {
    editOneNode();
    publish.push(time(publishOnce));
    unchanged.push(
      time(() => {
        const u = publishDraft(db, agentId, { note: "", author: "bench", acceptLintErrors: true });
        if (u.ok || u.status !== "unchanged") throw new Error("expected nothing to publish");
      }),
    );
    editOneNode();
    compareOne.push(
      time(() => {
        const a = readDocument(db, agentId, { kind: "number", number: 1 });
        const b = readDocument(db, agentId, { kind: "draft" });
        if (!a.ok || !b.ok) throw new Error("documents");
        lastDiff = diffDocuments(a.document, b.document);
      }),
    );
    baseline.push(time(() => void JSON.stringify(JSON.parse(text))));
  }
  const changedNodes = lastDiff.flows.reduce((n, f) => n + f.nodes.length, 0);

  // Every node moved: the most a compare of this agent can report.
  for (const flowId of flowIds) {
    const flow = getFlow(db, agentId, flowId)!;
    const nodes = flow.nodes.map((n) => ({ ...n, position: { x: n.position.x + 1, y: n.position.y } }) as FlowNode);
    if (!saveFlow(db, agentId, flowId, { nodes, edges: flow.edges }, flow.revision).ok) throw new Error("move");
  }
  const compareAll: number[] = [];
  let allDiff = lastDiff;
  for (let r = 0; r < RUNS; r++) {
    compareAll.push(
      time(() => {
        const a = readDocument(db, agentId, { kind: "number", number: 1 });
        const b = readDocument(db, agentId, { kind: "draft" });
        if (!a.ok || !b.ok) throw new Error("documents");
        allDiff = diffDocuments(a.document, b.document);
      }),
    );
  }
  const movedNodes = allDiff.flows.reduce((n, f) => n + f.nodes.length, 0);

  const rows = {
    publish: { p50: percentile(publish, 50), p95: percentile(publish, 95) },
    publish_unchanged: { p50: percentile(unchanged, 50), p95: percentile(unchanged, 95) },
    compare_version_vs_draft: {
      p50: percentile(compareOne, 50),
      p95: percentile(compareOne, 95),
      changed_nodes: changedNodes,
    },
    compare_every_node_moved: {
      p50: percentile(compareAll, 50),
      p95: percentile(compareAll, 95),
      changed_nodes: movedNodes,
    },
    baseline_json_parse_stringify: { p50: percentile(baseline, 50), p95: percentile(baseline, 95) },
  };
  console.log(`\n${RUNS} runs each (p50 / p95):`);
  console.log(`  publish (one node changed)          ${ms(rows.publish.p50)} / ${ms(rows.publish.p95)}`);
  console.log(
    `  publish, nothing changed            ${ms(rows.publish_unchanged.p50)} / ${ms(rows.publish_unchanged.p95)}`,
  );
  console.log(
    `  compare version 1 with the draft     ${ms(rows.compare_version_vs_draft.p50)} / ${ms(rows.compare_version_vs_draft.p95)} (${changedNodes} node(s) differ)`,
  );
  console.log(
    `  compare, every node moved            ${ms(rows.compare_every_node_moved.p50)} / ${ms(rows.compare_every_node_moved.p95)} (${movedNodes.toLocaleString("en-US")} nodes differ)`,
  );
  console.log(
    `  baseline: JSON.parse + stringify     ${ms(rows.baseline_json_parse_stringify.p50)} / ${ms(rows.baseline_json_parse_stringify.p95)}`,
  );
  finishBenchmark(
    "versions",
    { flows: FLOWS, nodes_per_flow: NODES, document_bytes: text.length, runs: RUNS, ms: rows },
    [
      { name: "publish p95", value: rows.publish.p95, op: "≤", limit: 1000, unit: "ms" },
      {
        name: "compare version with draft p95",
        value: rows.compare_version_vs_draft.p95,
        op: "≤",
        limit: 1000,
        unit: "ms",
      },
      {
        name: "compare, every node moved p95",
        value: rows.compare_every_node_moved.p95,
        op: "≤",
        limit: 1000,
        unit: "ms",
      },
    ],
  );
} finally {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}
