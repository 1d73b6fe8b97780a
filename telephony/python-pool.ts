import path from "node:path";
import { PythonFunctionRunner, type WorkerPort } from "../lib/functions/runner";
import type { FunctionRunner, RunRequest, RunResult, SyntaxIssue } from "../lib/functions/types";

/**
 * Python for live calls (docs/design.md §4): a small pool of warm Pyodide worker threads owned by
 * the server process, never the request's thread. Each runner keeps its own time limit (a run
 * over it terminates that worker and a fresh one starts); a call goes to the least busy runner.
 */
export class PythonPool {
  private readonly inFlight: number[];

  constructor(private readonly runners: FunctionRunner[]) {
    this.inFlight = runners.map(() => 0);
  }

  get size(): number {
    return this.runners.length;
  }

  async run(request: RunRequest): Promise<RunResult> {
    let best = 0;
    for (let i = 1; i < this.runners.length; i++) if (this.inFlight[i]! < this.inFlight[best]!) best = i;
    this.inFlight[best]!++;
    try {
      return await this.runners[best]!.run(request);
    } finally {
      this.inFlight[best]!--;
    }
  }

  /** Python's syntax check of `code` (validate), on the least busy runner. */
  async check(code: string): Promise<SyntaxIssue | null> {
    let best = 0;
    for (let i = 1; i < this.runners.length; i++) if (this.inFlight[i]! < this.inFlight[best]!) best = i;
    return this.runners[best]!.check(code);
  }

  warm(): Promise<void[]> {
    return Promise.all(this.runners.map((r) => r.warm()));
  }

  dispose(): void {
    for (const r of this.runners) r.dispose();
  }
}

/** SWITCHBOARD_PYTHON_WORKERS (default 2) warm workers per server process. */
/**
 * One warm Python worker per server process by default: the production server already runs a process
 * per core, and each further Pyodide instance in a process measurably slowed everything that process
 * serves (bench:voice, 2 cores: 293 turns/s and 735 bare req/s with two per process, 375 and 850 with one).
 */
export const DEFAULT_POOL_SIZE = 1;

export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SWITCHBOARD_PYTHON_WORKERS ?? DEFAULT_POOL_SIZE);
  return Number.isInteger(n) && n >= 1 && n <= 16 ? n : DEFAULT_POOL_SIZE;
}

/**
 * lib/functions/node's worker thread, started from the checkout the server runs in. Written so the
 * Next bundler does not follow it: it would bundle the worker and Pyodide into the route (and fail);
 * the worker must load Pyodide from node_modules at run time, as the CLI does.
 */
export function serverFunctionRunner(): FunctionRunner {
  const threadFile = path.join(/*turbopackIgnore: true*/ process.cwd(), THREAD_FILE);
  const { Worker } = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");
  return new PythonFunctionRunner((): WorkerPort => {
    const worker = new Worker(threadFile);
    return {
      post: (message) => worker.postMessage(message),
      onMessage: (handler) => worker.on("message", handler),
      onError: (handler) => {
        worker.on("error", (e) => handler(e.message));
        worker.on("exit", (code) => handler(`worker exited with code ${code}`));
      },
      terminate: () => void worker.terminate(),
    };
  });
}

const THREAD_FILE = ["lib", "functions", "node", "thread.mjs"].join("/");

let shared: PythonPool | null = null;

/** The process's pool, started (and warmed in the background) on first use. */
export function serverPythonPool(): PythonPool {
  if (!shared) {
    shared = new PythonPool(Array.from({ length: poolSize() }, () => serverFunctionRunner()));
    shared.warm().catch(() => {});
  }
  return shared;
}
