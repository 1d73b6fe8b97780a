// One writer process for db/concurrency.test.ts and scripts/stress-*.mjs: opens the database file
// and writes through the repositories as fast as it can, then prints what happened as JSON.
// Usage: tsx db/testing/concurrent-writer.ts '{"file":…,"mode":…,"worker":0,"count":40,…}'
import { openDb } from "../client";
import { createDestination, listDestinations, setDefaultDestination } from "../repositories/handoffs";
import { getFlow, saveFlow } from "../repositories/flows";
import { renameFunction, listFunctions } from "../repositories/functions";
import { destinationInputSchema } from "../../lib/handoffs/schema";

interface Job {
  file: string;
  mode: "open" | "create" | "save" | "mixed" | "ack";
  worker: number;
  count: number;
  agentId?: string;
  flowId?: string;
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const result = { worker: job.worker, ok: 0, stale: 0, errors: [] as string[] };

function attempt(fn: () => "ok" | "stale"): void {
  try {
    if (fn() === "ok") result.ok += 1;
    else result.stale += 1;
  } catch (e) {
    result.errors.push(e instanceof Error ? `${(e as { code?: string }).code ?? ""} ${e.message}` : String(e));
  }
}

const db = openDb(job.file);

if (job.mode === "create" || job.mode === "mixed") {
  for (let i = 0; i < job.count; i++) {
    attempt(() => {
      const input = destinationInputSchema.parse({ name: `W${job.worker} #${i}`, method: "refer", route: "2001" });
      const r = createDestination(db, job.agentId!, input);
      if (!r.ok) throw new Error(JSON.stringify(r));
      if (job.mode === "mixed") {
        // Read-then-write transactions in the same burst: set default and rename a function.
        if (!setDefaultDestination(db, job.agentId!, r.destination.id).ok) throw new Error("set default failed");
        const fn = listFunctions(db, job.agentId!)[0];
        if (fn) renameFunction(db, job.agentId!, fn.id, `fn_${job.worker}_${i}`);
        listDestinations(db, job.agentId!);
      }
      return "ok";
    });
  }
}

if (job.mode === "save") {
  // Revision-checked saves: read the flow, save it on the revision read; a stale save is expected.
  for (let i = 0; i < job.count; i++) {
    attempt(() => {
      const flow = getFlow(db, job.agentId!, job.flowId!)!;
      // Move the first node: any change will do, the revision is what is checked.
      const nodes = flow.nodes.map((n, k) => (k === 0 ? { ...n, position: { x: job.worker, y: i } } : n));
      const r = saveFlow(db, job.agentId!, job.flowId!, { nodes, edges: flow.edges }, flow.revision);
      return r.ok ? "ok" : "stale";
    });
  }
}

if (job.mode === "ack") {
  // Crash safety: print each acknowledged write at once, so a kill -9 cannot hide one.
  for (let i = 0; ; i++) {
    const input = destinationInputSchema.parse({ name: `A${job.worker} #${i}`, method: "refer", route: "2001" });
    const r = createDestination(db, job.agentId!, input);
    if (r.ok) process.stdout.write(`ack ${r.destination.name}\n`);
  }
}

db.$client.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
