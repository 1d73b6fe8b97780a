// `npm run stress:writes`: concurrent writes and fresh starts against the clustered production
// server (scripts/serve.mjs with WEB_CONCURRENCY workers), each on a fresh temporary database.
//   1. fresh starts: start the server on a new, unmigrated file; count the seeded demo agents.
//   2. concurrent creates: IN_FLIGHT POSTs to /api/v1/agents/{id}/handoffs at once, ROUNDS times;
//      every answer must be 201 and every created destination must be stored.
// Prints errors per 1,000 writes and duplicate seeds; exits 1 when either is not zero.
// Needs a production build (`npm run build`); builds one when NEXT_DIST_DIR has none.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "../db/client";
import { listAgents } from "../db/repositories/agents";
import { createApiKey } from "../db/repositories/api-keys";
import { listDestinations } from "../db/repositories/handoffs";

const PORT = Number(process.env.STRESS_PORT || 3198);
const WORKERS = Number(process.env.WEB_CONCURRENCY || 4);
const STARTS = Number(process.env.STRESS_STARTS || 10);
const IN_FLIGHT = Number(process.env.STRESS_IN_FLIGHT || 8);
const ROUNDS = Number(process.env.STRESS_ROUNDS || 40);
const DIST = process.env.NEXT_DIST_DIR || ".next";

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-stress-"));
let server: ChildProcess | null = null;

function stopServer(): Promise<void> {
  const s = server;
  server = null;
  if (!s?.pid || s.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    s.on("exit", () => resolve());
    s.kill("SIGTERM");
  });
}

function request(
  method: string,
  urlPath: string,
  key: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: urlPath,
        method,
        headers: { authorization: `Bearer ${key}`, ...(payload ? { "content-type": "application/json" } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

async function startServer(dbFile: string): Promise<void> {
  // Several workers open the fresh file at once: this is the race the seed must survive.
  server = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SWITCHBOARD_DB: dbFile,
      NEXT_DIST_DIR: DIST,
      PORT: String(PORT),
      SWITCHBOARD_HOST: "127.0.0.1",
      WEB_CONCURRENCY: String(WORKERS),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await request("GET", "/api/v1/openapi.json", "")).status === 200) {
        // A worker opens (and seeds) the database on its first page that reads it: a burst of
        // simultaneous first page loads has every worker do so at the same moment.
        await Promise.all(Array.from({ length: WORKERS * 3 }, () => request("GET", "/", "")));
        return;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start within 60 s");
}

async function freshStarts(): Promise<number> {
  let duplicates = 0;
  for (let i = 0; i < STARTS; i++) {
    const file = path.join(dir, `start-${i}.db`);
    await startServer(file);
    await stopServer();
    const db = openDb(file, { seed: false });
    const seeded = listAgents(db).filter((a) => a.name === "Acme Support").length;
    db.$client.close();
    if (seeded !== 1) duplicates += 1;
    console.log(`fresh start ${i + 1}/${STARTS}: ${seeded} demo agent(s)`);
  }
  return duplicates;
}

async function concurrentCreates(): Promise<{ writes: number; errors: number; missing: number; sample: string[] }> {
  const file = path.join(dir, "writes.db");
  const setup = openDb(file);
  const agentId = listAgents(setup)[0]!.id;
  const { secret } = createApiKey(setup, "stress");
  setup.$client.close();
  await startServer(file);
  let errors = 0;
  const sample: string[] = [];
  const created: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const answers = await Promise.all(
      Array.from({ length: IN_FLIGHT }, (_, k) =>
        request("POST", `/api/v1/agents/${agentId}/handoffs`, secret, {
          name: `R${round} W${k}`,
          method: "refer",
          route: "2001",
        }),
      ),
    );
    answers.forEach((a, k) => {
      if (a.status === 201) created.push(`R${round} W${k}`);
      else {
        errors += 1;
        if (sample.length < 5) sample.push(`${a.status} ${a.body.slice(0, 160)}`);
      }
    });
  }
  await stopServer();
  const db = openDb(file, { seed: false });
  const stored = new Set(listDestinations(db, agentId).map((d) => d.name));
  db.$client.close();
  return { writes: ROUNDS * IN_FLIGHT, errors, missing: created.filter((n) => !stored.has(n)).length, sample };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, "BUILD_ID"))) {
    console.log(`no production build in ${DIST}; running next build…`);
    const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("next build failed");
  }
  console.log(`${WORKERS} workers · load average ${loadavg()[0]!.toFixed(2)}`);
  const duplicates = await freshStarts();
  const w = await concurrentCreates();
  const perThousand = (w.errors / w.writes) * 1000;
  console.log(`\nduplicate seeds: ${duplicates} in ${STARTS} fresh starts`);
  console.log(
    `concurrent creates: ${w.writes} (${IN_FLIGHT} in flight × ${ROUNDS} rounds), ${w.errors} errors (${perThousand.toFixed(1)} per 1,000), ${w.missing} acknowledged but not stored`,
  );
  for (const s of w.sample) console.log(`  e.g. ${s}`);
  if (duplicates || w.errors || w.missing) process.exitCode = 1;
}

try {
  await main();
} finally {
  await stopServer();
  rmSync(dir, { recursive: true, force: true });
}
