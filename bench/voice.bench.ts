/**
 * `npm run bench:voice`: Twilio webhook turn latency on the production server (clustered, as
 * `npm start`), each request form-encoded and signed as Twilio signs it. A turn is the signature
 * check, loading the call's state, one runtime step, the TwiML and the save. Measured beside
 * `POST /bench/twiml`, a route returning fixed TwiML, in the same run.
 *
 * Scenarios: `call` (a new call: greeting + Gather), `gather` (the caller asks for billing: a
 * handoff, no Python), `gather + Python` (a gold caller: the override function runs in the server's
 * warm pool), and turns per second with IN_FLIGHT calls at once. Targets (docs/design.md §14):
 * p95 ≤ 25 ms without Python, ≤ 40 ms with a warm function, ≥ 300 turns/s.
 *
 * Env: BENCH_PORT (3198), BENCH_SAMPLES (300), BENCH_SECONDS (3), NEXT_DIST_DIR (.next). Ends with
 * the verdict of bench/verdict.ts (`-- --report-only` to exit 0 on a miss).
 * Run it on an idle machine: it starts the server and Python workers of its own.
 */
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks";
import { openDb } from "../db/client";
import { listAgents } from "../db/repositories/agents";
import { createAgentFromDocument, readDraftDocument } from "../db/repositories/agent-document";
import { deleteFunction, findFunctionByName } from "../db/repositories/functions";
import { promoteThroughPreRelease } from "../db/repositories/environments";
import { publishDraft } from "../db/repositories/versions";
import { CLI_ACTOR } from "../auth/users";
import { assignNumber, connectTwilio } from "../telephony/connection";
import { startServer, stopServer, waitForIdleServer } from "./server";
import { finishBenchmark } from "./verdict";

const PORT = Number(process.env.BENCH_PORT || 3198);
const SAMPLES = Number(process.env.BENCH_SAMPLES || 300);
const SECONDS = Number(process.env.BENCH_SECONDS || 3);
const DIST = process.env.NEXT_DIST_DIR || ".next";
const IN_FLIGHT = 8;
const TOKEN = "0123456789abcdef0123456789abcdef";
const SID = "AC" + "be".repeat(16);
const PUBLIC = `http://127.0.0.1:${PORT}`;
const SILVER = "+14155550100";
const GOLD = "+14155550101";
const TARGETS = { plain: 25, python: 40, turnsPerSecond: 300 };

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-voice-"));
const dbFile = path.join(dir, "bench.db");
let server: ChildProcess | null = null;

async function seed() {
  const db = openDb(dbFile);
  const actor = { id: null, name: "bench", email: null, via: "cli" as const };
  const silver = listAgents(db)[0]!;
  // The demo agent's start_function runs Python as every call starts; the turns measured here are
  // the runtime's own ("a turn without Python"), so the benchmark's copy has none. The warm-Python
  // case below measures a function on purpose.
  const start = findFunctionByName(db, silver.id, "start_function");
  if (start) deleteFunction(db, silver.id, start.id);
  // A copy of the demo agent whose callers are gold: its billing handoff runs the override function.
  const doc = readDraftDocument(db, silver.id)!;
  const gold = createAgentFromDocument(db, {
    ...doc,
    agent: { ...doc.agent, name: "Acme Gold" },
    variables: doc.variables.map((v) => (v.name === "tier" ? { ...v, sample_value: "gold" } : v)),
  });
  const goldId = gold.id;
  for (const id of [silver.id, goldId]) {
    const r = publishDraft(db, id, { note: "bench", author: "bench", acceptLintErrors: true });
    if (!r.ok) throw new Error(`publish: ${JSON.stringify(r)}`);
    promoteThroughPreRelease(db, id, 1, CLI_ACTOR);
  }
  await connectTwilio(
    db,
    dbFile,
    { accountSid: SID, authToken: TOKEN, publicBaseUrl: PUBLIC },
    { verify: false, actor },
  );
  await assignNumber(db, dbFile, { phoneNumber: SILVER, agentId: silver.id }, { byHand: true, actor });
  await assignNumber(db, dbFile, { phoneNumber: GOLD, agentId: goldId }, { byHand: true, actor });
  db.$client.close();
}

const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

function post(pathAndQuery: string, params: Record<string, string>): Promise<{ status: number; body: string }> {
  const body = new URLSearchParams(params).toString();
  const signature = getExpectedTwilioSignature(TOKEN, `${PUBLIC}${pathAndQuery}`, params);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: pathAndQuery,
        method: "POST",
        agent,
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

let callNo = 0;
const newCall = (to: string) => ({
  CallSid: `CA${String(++callNo).padStart(32, "0")}`,
  AccountSid: SID,
  From: "+14155550123",
  To: to,
  CallStatus: "ringing",
});

function gatherPath(twiml: string): string {
  const m = /action="([^"]+\/voice\/gather[^"]*)"/.exec(twiml);
  if (!m) throw new Error(`no Gather in ${twiml.slice(0, 300)}`);
  return m[1]!.replace(/&amp;/g, "&").slice(PUBLIC.length);
}

async function timed(fn: () => Promise<{ status: number; body: string }>, expect: RegExp) {
  const t = performance.now();
  const r = await fn();
  const ms = performance.now() - t;
  if (r.status !== 200 || !expect.test(r.body)) throw new Error(`HTTP ${r.status}: ${r.body.slice(0, 300)}`);
  return { ms, body: r.body };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function measure() {
  const rows: { name: string; p50: number; p95: number }[] = [];
  const bare: number[] = [];
  const start: number[] = [];
  const plain: number[] = [];
  const python: number[] = [];
  // Warm up: each worker process loads its version and Python pool.
  for (let i = 0; i < 20; i++) {
    const c = newCall(GOLD);
    const s = await timed(() => post("/voice/call", c), /<Gather/);
    await timed(() => post(gatherPath(s.body), { ...c, SpeechResult: "billing" }), /<Dial/);
  }
  // Every worker process warms a Python pool as it starts; what its last Pyodide instances still load
  // in the background is start-up, not the cost of a turn.
  await waitForIdleServer(server);
  for (let i = 0; i < SAMPLES; i++) {
    bare.push((await timed(() => post("/bench/twiml", { CallSid: "CA0" }), /<Gather/)).ms);
    const silver = newCall(SILVER);
    const s = await timed(() => post("/voice/call", silver), /<Gather/);
    start.push(s.ms);
    plain.push((await timed(() => post(gatherPath(s.body), { ...silver, SpeechResult: "billing" }), /<Dial/)).ms);
    const gold = newCall(GOLD);
    const g = await timed(() => post("/voice/call", gold), /<Gather/);
    python.push((await timed(() => post(gatherPath(g.body), { ...gold, SpeechResult: "billing" }), /sip:vip@/)).ms);
  }
  rows.push({ name: "bare route, fixed TwiML (baseline)", p50: pct(bare, 50), p95: pct(bare, 95) });
  rows.push({ name: "/voice/call: new call, Gather", p50: pct(start, 50), p95: pct(start, 95) });
  rows.push({
    name: "/voice/gather: handoff, no Python",
    p50: pct(plain, 50),
    p95: pct(plain, 95),
  });
  rows.push({
    name: "/voice/gather: warm Python function",
    p50: pct(python, 50),
    p95: pct(python, 95),
  });

  // Throughput: IN_FLIGHT callers, each a new call then a handoff turn (no Python), for SECONDS.
  let turns = 0;
  const until = performance.now() + SECONDS * 1000;
  const caller = async () => {
    while (performance.now() < until) {
      const c = newCall(SILVER);
      const s = await timed(() => post("/voice/call", c), /<Gather/);
      await timed(() => post(gatherPath(s.body), { ...c, SpeechResult: "billing" }), /<Dial/);
      turns += 2;
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, caller));
  const tps = turns / ((performance.now() - t) / 1000);
  let bareDone = 0;
  const bareUntil = performance.now() + SECONDS * 1000;
  const bareCaller = async () => {
    while (performance.now() < bareUntil) {
      await timed(() => post("/bench/twiml", { CallSid: "CA0" }), /<Gather/);
      bareDone++;
    }
  };
  const tb = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, bareCaller));
  const bareRps = bareDone / ((performance.now() - tb) / 1000);

  console.log(`\n${SAMPLES} samples each; ${IN_FLIGHT} in flight for throughput\n`);
  console.log("| turn | p50 ms | p95 ms |");
  console.log("| --- | ---: | ---: |");
  for (const r of rows) console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  console.log(`\nturns/s (a new call + a handoff turn, ${IN_FLIGHT} at once): ${tps.toFixed(0)}`);
  console.log(`bare route requests/s, same concurrency: ${bareRps.toFixed(0)}`);
  finishBenchmark(
    "voice",
    { samples: SAMPLES, in_flight: IN_FLIGHT, rows, turns_per_second: tps, bare_requests_per_second: bareRps },
    [
      { name: "new call turn p95", value: rows[1]!.p95, op: "≤", limit: TARGETS.plain, unit: "ms" },
      { name: "handoff turn without Python p95", value: rows[2]!.p95, op: "≤", limit: TARGETS.plain, unit: "ms" },
      { name: "turn with a warm Python function p95", value: rows[3]!.p95, op: "≤", limit: TARGETS.python, unit: "ms" },
      { name: "turns per second", value: tps, op: "≥", limit: TARGETS.turnsPerSecond, unit: "turns/s" },
    ],
  );
}

async function main() {
  await seed();
  server = await startServer({ dbFile, port: PORT, dist: DIST });
  try {
    await measure();
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

process.on("SIGINT", () => {
  void stopServer(server).then(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
});

main().catch(async (e) => {
  console.error(e);
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
