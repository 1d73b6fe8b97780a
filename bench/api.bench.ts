/**
 * `npm run bench:api`: the REST API's list and detail latency and throughput on 100,000 stored
 * conversations, beside the same queries (the repository functions the handlers call) run
 * directly on better-sqlite3 in this process.
 *
 * Seeds a scratch database (one transaction, one prepared statement), creates an API key in it,
 * starts the production server on it (`scripts/serve.mjs`, one Next.js worker per core, as `npm start`
 * does; build first when none is found), measures over
 * loopback with keep-alive connections, prints tables, and stops the server by its PID.
 *
 * Env: BENCH_PORT (default 3199), BENCH_ROWS (100000), BENCH_SECONDS (2, per throughput round),
 * NEXT_DIST_DIR (the build folder, default .next).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDb } from "../db/client";
import { listAgents } from "../db/repositories/agents";
import { request, serverCpuMs, startServer } from "./server";
import { finishBenchmark, type Target } from "./verdict";
import { createApiKey } from "../db/repositories/api-keys";
import { benchKeyOwner } from "./sign-in";
import { getConversationJson, listConversationsJson } from "../db/repositories/conversations";
import { seedBenchConversations } from "./seed-conversations";
import { parseConversationQuery, encodeCursor } from "../lib/conversations/filters";

const PORT = Number(process.env.BENCH_PORT || 3199);
const ROWS = Number(process.env.BENCH_ROWS || 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS || 2);
const DIST = process.env.NEXT_DIST_DIR || ".next";
const IN_FLIGHT = 8;
const SAMPLES = 400;
const TARGET_P95_MS = 15;
const TARGET_RPS = 800;

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-api-"));
const dbFile = path.join(dir, "bench.db");
let server: ChildProcess | null = null;

function cleanup() {
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

// ---- seed ---------------------------------------------------------------------------------------

function seed(): { agentId: string; key: string; ids: string[] } {
  const db = openDb(dbFile);
  const agentId = listAgents(db)[0]!.id;
  const { ids, seconds } = seedBenchConversations(db, agentId, ROWS);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.exec("ANALYZE");
  const key = createApiKey(db, "bench", benchKeyOwner(db)).secret;
  console.log(`seeded ${ROWS.toLocaleString("en")} conversations in ${seconds.toFixed(1)} s`);
  db.$client.close();
  return { agentId, key, ids };
}

// ---- server -------------------------------------------------------------------------------------

// The server closes a keep-alive socket idle for 5 s, and a request sent on it as it closes fails
// (ECONNRESET): the in-process measurements between API rounds can take that long, so each round
// starts with fresh sockets.
let agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
function freshSockets() {
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
}

const get = (urlPath: string, key: string) =>
  request(PORT, "GET", urlPath, { key, agent }).catch((e: unknown) => {
    throw new Error(`GET ${urlPath}: ${String(e)}`);
  });

// ---- measuring ----------------------------------------------------------------------------------

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95) };
};

interface Scenario {
  name: string;
  /** Path and query, for the API. */
  url: (i: number) => string;
  /** The same query on better-sqlite3, in-process. */
  direct: (i: number) => unknown;
}

async function latencyApi(s: Scenario, key: string): Promise<number[]> {
  freshSockets();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    const r = await get(s.url(i), key);
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`${s.name}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
  }
  return times;
}

function latencyDirect(s: Scenario): number[] {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    s.direct(i);
    times.push(performance.now() - t);
  }
  return times;
}

async function throughput(s: Scenario, key: string): Promise<{ rps: number; cpuMsPerRequest: number | null }> {
  freshSockets();
  const cpu0 = serverCpuMs(server);
  let done = 0;
  let i = 0;
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const r = await get(s.url(i++), key);
      if (r.status !== 200) throw new Error(`${s.name}: HTTP ${r.status}`);
      done++;
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const rps = done / ((performance.now() - t) / 1000);
  const cpu1 = serverCpuMs(server);
  return { rps, cpuMsPerRequest: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / done };
}

function directThroughput(s: Scenario): number {
  let done = 0;
  const t = performance.now();
  while (performance.now() - t < 1000) s.direct(done++);
  return done / ((performance.now() - t) / 1000);
}

// ---- main ---------------------------------------------------------------------------------------

async function main() {
  const { agentId, key, ids } = seed();
  const db = openDb(dbFile, { seed: false });

  // Deep cursors: 90 % of the way down a list (unfiltered, filtered, and a rare value's).
  const cursorAt = (where: string) => {
    const count = db.$client
      .prepare(`SELECT count(*) FROM conversations WHERE agent_id = ? ${where}`)
      .pluck()
      .get(agentId) as number;
    const row = db.$client
      .prepare(
        `SELECT started_at, id FROM conversations WHERE agent_id = ? ${where} ORDER BY started_at DESC, id DESC LIMIT 1 OFFSET ?`,
      )
      .get(agentId, Math.max(0, Math.floor(count * 0.9) - 1)) as { started_at: string; id: string };
    return encodeCursor({ startedAt: row.started_at, id: row.id });
  };
  const deep = cursorAt("");
  const deepFiltered = cursorAt("AND outcome = 'handoff' AND source = 'function'");
  const deepRare = cursorAt("AND reason = 'fraud_suspected'");
  const deepText = cursorAt("AND transcript_text LIKE '%refund%'");

  const base = `/api/v1/agents/${agentId}/conversations`;
  const listScenario = (name: string, query: string): Scenario => {
    const parsed = parseConversationQuery(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.fieldErrors)}`);
    const { filters, cursor, limit } = parsed.value;
    return {
      name,
      url: () => `${base}?${query}`,
      direct: () => listConversationsJson(db, agentId, filters, cursor, limit),
    };
  };
  const scenarios: Scenario[] = [
    listScenario("list, first page", "limit=50"),
    listScenario("list, deep page (90 % down)", `limit=50&cursor=${deep}`),
    listScenario("list + filter, first page", "limit=50&outcome=handoff&source=function"),
    listScenario("list + filter, deep page", `limit=50&outcome=handoff&source=function&cursor=${deepFiltered}`),
    listScenario("list + q (transcript), first page", "limit=50&q=refund"),
    // The hard cases: nothing matches, rare values (0.1 %), combinations, deep pages of them.
    listScenario("q matching nothing", "limit=50&q=xylophone"),
    listScenario("q rare (0.1 %)", "limit=50&q=zeppelin"),
    listScenario("q prefix, common", "limit=50&q=refu*"),
    listScenario("destination matching nothing", "limit=50&destination=Nope"),
    listScenario("rare reason (0.1 %)", "limit=50&reason=fraud_suspected"),
    listScenario("rare reason, deep page", `limit=50&reason=fraud_suspected&cursor=${deepRare}`),
    listScenario("rare destination + common outcome", "limit=50&outcome=handoff&destination=Overflow%20desk"),
    listScenario("three common filters", "limit=50&outcome=handoff&method=invite&source=builtin"),
    listScenario("two common filters, never together", "limit=50&outcome=hangup&destination=Billing%20Support"),
    listScenario("two common filters, rarely together (0.03 %)", "limit=50&outcome=abandoned&destination=Front%20desk"),
    listScenario("q common, deep page", `limit=50&q=refund&cursor=${deepText}`),
    listScenario("filter + q common", "limit=50&outcome=handoff&q=refund"),
    listScenario("filter + q rare", "limit=50&outcome=handoff&q=zeppelin"),
    {
      name: "detail",
      url: (i) => `/api/v1/conversations/${ids[(i * 7919) % ids.length]}`,
      direct: (i) => getConversationJson(db, ids[(i * 7919) % ids.length]!),
    },
  ];

  server = await startServer({ dbFile, port: PORT, dist: DIST });
  console.log(`server on 127.0.0.1:${PORT} (pid ${server!.pid}), build ${DIST}`);
  // Warm up every path (JIT, statement caches, page cache).
  for (const s of scenarios) for (let i = 0; i < 100; i++) await get(s.url(i), key);

  const rows: string[][] = [];
  const latencyTargets: Target[] = [];
  for (const s of scenarios) {
    const api = stats(await latencyApi(s, key));
    const direct = stats(latencyDirect(s));
    latencyTargets.push({
      name: `${s.name}: API p95 (direct p95 ${direct.p95.toFixed(2)} ms)`,
      value: api.p95,
      op: "≤",
      limit: TARGET_P95_MS,
      unit: "ms",
    });
    rows.push([
      s.name,
      api.p50.toFixed(2),
      api.p95.toFixed(2),
      direct.p50.toFixed(3),
      direct.p95.toFixed(3),
      (api.p50 / direct.p50).toFixed(1) + "×",
    ]);
  }
  printTable(
    `Latency (ms, ${SAMPLES} sequential requests each, ${ROWS.toLocaleString("en")} rows, page of 50)`,
    ["scenario", "API p50", "API p95", "direct p50", "direct p95", "API/direct p50"],
    rows,
  );

  const tRows: string[][] = [];
  let minRps = Infinity;
  const byName = (name: string) => scenarios.find((x) => x.name === name)!;
  for (const s of [scenarios[0]!, scenarios[1]!, scenarios[2]!, byName("detail")]) {
    // Median of three rounds: other processes on the machine make single rounds noisy.
    const rounds = [await throughput(s, key), await throughput(s, key), await throughput(s, key)].sort(
      (a, b) => a.rps - b.rps,
    );
    const { rps, cpuMsPerRequest } = rounds[1]!;
    const direct = directThroughput(s);
    minRps = Math.min(minRps, rps);
    tRows.push([
      s.name,
      rps.toFixed(0),
      cpuMsPerRequest === null ? "n/a" : cpuMsPerRequest.toFixed(2),
      cpuMsPerRequest === null ? "n/a" : (1000 / cpuMsPerRequest).toFixed(0),
      direct.toFixed(0),
      (direct / rps).toFixed(1) + "×",
    ]);
  }
  printTable(
    `Throughput (${IN_FLIGHT} in flight, median of 3 rounds of ${SECONDS} s over loopback; server CPU from /proc; direct: one thread, back to back)`,
    ["scenario", "API req/s", "server CPU ms/req", "req/s per busy core", "direct q/s", "direct/API"],
    tRows,
  );
  finishBenchmark("api", { rows: ROWS, latency: rows, throughput: tRows, cores: availableParallelism() }, [
    ...latencyTargets,
    { name: "lowest throughput", value: minRps, op: "≥", limit: TARGET_RPS, unit: "req/s" },
  ]);
  db.$client.close();
}

function printTable(title: string, head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ") + " |";
  console.log(`\n${title}\n`);
  console.log(line(head));
  console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
  for (const r of rows) console.log(line(r));
}

main()
  .then(() => {
    cleanup();
    agent.destroy();
  })
  .catch((e) => {
    console.error(e);
    cleanup();
    agent.destroy();
    process.exitCode = 1;
  });
