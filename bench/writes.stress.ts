// `npm run stress:writes`: concurrent writes and fresh starts against the clustered production
// server (scripts/serve.mjs with WEB_CONCURRENCY workers), each on a fresh temporary database.
//   1. fresh starts: start the server on a new, unmigrated file; count the seeded demo agents.
//   2. concurrent creates: IN_FLIGHT POSTs to /api/v1/agents/{id}/handoffs at once, ROUNDS times;
//      every answer must be 201 and every created destination must be stored.
// Prints errors per 1,000 writes and duplicate seeds; exits 1 when either is not zero.
// Needs a production build (`npm run build`); builds one when NEXT_DIST_DIR has none.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "../db/client";
import { listAgents } from "../db/repositories/agents";
import { createApiKey } from "../db/repositories/api-keys";
import { benchKeyOwner } from "./sign-in";
import { listDestinations } from "../db/repositories/handoffs";
import { ensureBuild, request, startServer, stopServer } from "./server";

const PORT = Number(process.env.STRESS_PORT || 3198);
const WORKERS = Number(process.env.WEB_CONCURRENCY || 4);
const STARTS = Number(process.env.STRESS_STARTS || 10);
const IN_FLIGHT = Number(process.env.STRESS_IN_FLIGHT || 8);
const ROUNDS = Number(process.env.STRESS_ROUNDS || 40);
const DIST = process.env.NEXT_DIST_DIR || ".next";

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-stress-"));
let server: ChildProcess | null = null;

// A worker opens (and seeds) the database on its first page that reads it: a burst of simultaneous
// first page loads has every worker do so at the same moment.
const firstPageLoads = () => Promise.all(Array.from({ length: WORKERS * 3 }, () => request(PORT, "GET", "/")));

const start = async (dbFile: string) => {
  server = await startServer({ dbFile, port: PORT, dist: DIST, workers: WORKERS, onUp: firstPageLoads });
};
const stop = async () => {
  await stopServer(server);
  server = null;
};

async function freshStarts(): Promise<number> {
  let duplicates = 0;
  for (let i = 0; i < STARTS; i++) {
    const file = path.join(dir, `start-${i}.db`);
    await start(file);
    await stop();
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
  const { secret } = createApiKey(setup, "stress", benchKeyOwner(setup));
  setup.$client.close();
  await start(file);
  let errors = 0;
  const sample: string[] = [];
  const created: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const answers = await Promise.all(
      Array.from({ length: IN_FLIGHT }, (_, k) =>
        request(PORT, "POST", `/api/v1/agents/${agentId}/handoffs`, {
          key: secret,
          body: { name: `R${round} W${k}`, method: "refer", route: "2001" },
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
  await stop();
  const db = openDb(file, { seed: false });
  const stored = new Set(listDestinations(db, agentId).map((d) => d.name));
  db.$client.close();
  return { writes: ROUNDS * IN_FLIGHT, errors, missing: created.filter((n) => !stored.has(n)).length, sample };
}

async function main(): Promise<void> {
  ensureBuild(DIST);
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
  await stop();
  rmSync(dir, { recursive: true, force: true });
}
