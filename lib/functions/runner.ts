import { CONV_MODULE_SOURCE } from "./conv-module";
import { checkRunResult } from "./result-schema";
import type { FromWorker, ToWorker } from "./worker/protocol";
import type { FunctionRunner, RunError, RunRequest, RunResult, RunnerStatus, SyntaxIssue } from "./types";

export const DEFAULT_TIMEOUT_MS = 2000;

/** What the runner needs from a worker, whichever host made it (Web Worker, worker thread). */
export interface WorkerPort {
  post(message: ToWorker): void;
  onMessage(handler: (message: FromWorker) => void): void;
  /** The worker died (an uncaught error, or it failed to load). */
  onError(handler: (message: string) => void): void;
  terminate(): void;
}

export type WorkerFactory = () => WorkerPort;

export interface RunnerOptions {
  defaultTimeoutMs?: number;
}

interface Live {
  port: WorkerPort;
  ready: Promise<void>;
  pending: Map<number, (message: FromWorker) => void>;
  dead: boolean;
  /** Rejects the in-flight call when the worker dies. */
  onDeath: Set<(message: string) => void>;
}

/** A result for a run that never produced one of its own (timeout, crash). */
export function failedRun(
  error: Omit<RunError, "traceback" | "line" | "column" | "endLine" | "endColumn"> & Partial<RunError>,
  durationMs = 0,
): RunResult {
  return {
    ok: false,
    returnValue: null,
    returnRepr: null,
    says: [],
    utterance: null,
    endTurn: true,
    hangup: false,
    handoff: null,
    flow: null,
    metrics: [],
    logs: [],
    state: {},
    error: { traceback: "", line: null, column: null, endLine: null, endColumn: null, ...error },
    durationMs,
  };
}

/**
 * Host-agnostic runner: one warm worker, calls serialised, each run under a time limit. A run
 * over its limit is stopped by terminating the worker (Python cannot be interrupted from
 * outside without cross-origin isolation); a fresh worker starts at once so the next run finds
 * it warm(ing).
 */
export class PythonFunctionRunner implements FunctionRunner {
  private live: Live | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private current: RunnerStatus = { state: "idle", stage: null, startupMs: null, message: null };
  private listeners = new Set<(status: RunnerStatus) => void>();
  private disposed = false;
  private readonly defaultTimeoutMs: number;

  constructor(
    private readonly factory: WorkerFactory,
    options: RunnerOptions = {},
  ) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  status(): RunnerStatus {
    return this.current;
  }

  onStatus(listener: (status: RunnerStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  private setStatus(patch: Partial<RunnerStatus>) {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }

  private spawn(restarting: boolean): Live {
    const port = this.factory();
    const live: Live = { port, ready: Promise.resolve(), pending: new Map(), dead: false, onDeath: new Set() };
    this.setStatus({
      state: restarting ? "restarting" : "loading",
      stage: "Starting the Python worker",
      message: null,
    });
    live.ready = new Promise<void>((resolve, reject) => {
      const die = (message: string) => {
        if (live.dead) return;
        live.dead = true;
        port.terminate();
        if (this.live === live) this.live = null;
        this.setStatus({ state: "failed", stage: null, message });
        reject(new Error(message));
        for (const f of live.onDeath) f(message);
      };
      port.onError(die);
      port.onMessage((m) => {
        if (live.dead) return;
        switch (m.type) {
          case "progress":
            this.setStatus({ stage: m.stage });
            break;
          case "ready":
            this.setStatus({ state: "ready", stage: null, startupMs: m.startupMs, message: null });
            resolve();
            break;
          case "fatal":
            die(`Python failed to start: ${m.message}`);
            break;
          case "result":
          case "checked":
            live.pending.get(m.id)?.(m);
            live.pending.delete(m.id);
            break;
        }
      });
    });
    // Nobody may be awaiting yet; the failure is reported through the status and the next call.
    live.ready.catch(() => {});
    port.post({ type: "init", convSource: CONV_MODULE_SOURCE });
    return live;
  }

  private ensure(): Live {
    if (this.disposed) throw new Error("This function runner was disposed");
    if (!this.live || this.live.dead) this.live = this.spawn(false);
    return this.live;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => {});
    return next;
  }

  async warm(): Promise<void> {
    await this.ensure().ready;
  }

  /** Sends one request to a ready worker; resolves with its reply, or rejects when the worker dies. */
  private call(live: Live, message: ToWorker & { id: number }): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      const onDeath = (why: string) => reject(new Error(why));
      live.onDeath.add(onDeath);
      live.pending.set(message.id, (reply) => {
        live.onDeath.delete(onDeath);
        resolve(reply);
      });
      live.port.post(message);
    });
  }

  run(request: RunRequest): Promise<RunResult> {
    return this.enqueue(async () => {
      let live: Live;
      try {
        live = this.ensure();
        await live.ready;
      } catch (e) {
        return failedRun({ kind: "crashed", type: "WorkerError", message: (e as Error).message });
      }
      const timeoutMs = request.timeoutMs ?? this.defaultTimeoutMs;
      const id = this.nextId++;
      const started = performance.now();
      this.setStatus({ state: "running" });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), timeoutMs);
      });
      try {
        const outcome = await Promise.race([this.call(live, { type: "run", id, request }), timedOut]);
        if (outcome === "timeout") {
          this.restart(live);
          return failedRun(
            {
              kind: "timeout",
              type: "TimeoutError",
              message: `${request.functionName} did not finish within ${timeoutMs} ms and was stopped. Look for a loop that never ends or a slow computation; the next run starts on a fresh Python worker.`,
            },
            performance.now() - started,
          );
        }
        if (this.live === live) this.setStatus({ state: "ready" });
        return checkRunResult((outcome as Extract<FromWorker, { type: "result" }>).result);
      } catch (e) {
        return failedRun(
          { kind: "crashed", type: "WorkerError", message: `The Python worker stopped: ${(e as Error).message}` },
          performance.now() - started,
        );
      } finally {
        clearTimeout(timer);
      }
    });
  }

  check(code: string): Promise<SyntaxIssue | null> {
    return this.enqueue(async () => {
      const live = this.ensure();
      await live.ready;
      const reply = await this.call(live, { type: "check", id: this.nextId++, code });
      return (reply as Extract<FromWorker, { type: "checked" }>).issue;
    });
  }

  /** Stops a worker stuck in user code and starts a fresh one straight away. */
  private restart(live: Live) {
    live.dead = true;
    live.port.terminate();
    for (const f of live.onDeath) f("stopped");
    if (this.live === live) this.live = null;
    if (!this.disposed) this.live = this.spawn(true);
  }

  dispose(): void {
    this.disposed = true;
    if (this.live) {
      this.live.dead = true;
      this.live.port.terminate();
      this.live = null;
    }
    this.listeners.clear();
  }
}
