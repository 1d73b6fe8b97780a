// Several processes writing one SQLite file at once, as the clustered server does. Each child runs
// db/testing/concurrent-writer.ts through the repositories and reports what happened.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "./client";
import { listAgents } from "./repositories/agents";
import { listFlows } from "./repositories/flows";
import { listDestinations } from "./repositories/handoffs";

const WRITER = path.join(import.meta.dirname, "testing", "concurrent-writer.ts");

interface WriterResult {
  worker: number;
  ok: number;
  stale: number;
  errors: string[];
}

function writer(job: Record<string, unknown>): Promise<WriterResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, JSON.stringify(job)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as WriterResult);
      else reject(new Error(`writer ${String(job.worker)} exited ${code}: ${err || out}`));
    });
  });
}

let dir: string;
const fresh = () => {
  dir = mkdtempSync(path.join(tmpdir(), "switchboard-concurrency-"));
  return path.join(dir, "test.db");
};
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PROCESSES = 4;

describe("several processes on one database file", () => {
  it("seeds a fresh, unmigrated database exactly once when every process opens it at once", async () => {
    const file = fresh();
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, worker) => writer({ file, mode: "open", worker, count: 0 })),
    );
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const db = openDb(file, { seed: false });
    expect(listAgents(db).map((a) => a.name)).toEqual(["Acme Support"]);
    db.$client.close();
  }, 60_000);

  it("loses and fails no concurrent read-then-write transaction", async () => {
    const file = fresh();
    const db = openDb(file);
    const agentId = listAgents(db)[0]!.id;
    const count = 40;
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, worker) => writer({ file, mode: "mixed", worker, count, agentId })),
    );
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const destinations = listDestinations(db, agentId);
    expect(destinations).toHaveLength(3 + PROCESSES * count);
    expect(destinations.filter((d) => d.isDefault)).toHaveLength(1);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    db.$client.close();
  }, 60_000);

  it("revision-checked flow saves: every acknowledged save is one revision, none lost", async () => {
    const file = fresh();
    const db = openDb(file);
    const agentId = listAgents(db)[0]!.id;
    const flow = listFlows(db, agentId)[0]!;
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, worker) =>
        writer({ file, mode: "save", worker, count: 60, agentId, flowId: flow.id }),
      ),
    );
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const won = results.reduce((n, r) => n + r.ok, 0);
    expect(won).toBeGreaterThan(0);
    expect(listFlows(db, agentId)[0]!.revision).toBe(flow.revision + won);
    db.$client.close();
  }, 60_000);

  it("keeps every acknowledged write when writers are killed with SIGKILL", async () => {
    const file = fresh();
    const db = openDb(file);
    const agentId = listAgents(db)[0]!.id;
    const acked = new Set<string>();
    for (let round = 0; round < 4; round++) {
      await new Promise<void>((resolve) => {
        const job = JSON.stringify({ file, mode: "ack", worker: round, count: 0, agentId });
        const child = spawn(process.execPath, ["--import", "tsx", WRITER, job], {
          stdio: ["ignore", "pipe", "ignore"],
        });
        let buffered = "";
        child.stdout.on("data", (d: Buffer) => {
          buffered += d.toString();
          const lines = buffered.split("\n");
          buffered = lines.pop()!;
          for (const line of lines) if (line.startsWith("ack ")) acked.add(line.slice(4));
          // Kill mid-stream, once it has acknowledged a few writes.
          if (acked.size > (round + 1) * 20) child.kill("SIGKILL");
        });
        child.on("exit", () => resolve());
      });
    }
    const stored = new Set(listDestinations(db, agentId).map((d) => d.name));
    const lost = [...acked].filter((name) => !stored.has(name));
    expect(acked.size).toBeGreaterThan(80);
    expect(lost).toEqual([]);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    db.$client.close();
  }, 60_000);
});
