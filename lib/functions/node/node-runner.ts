import { Worker } from "node:worker_threads";
import { PythonFunctionRunner, type RunnerOptions, type WorkerPort } from "../runner";
import type { FunctionRunner } from "../types";

/**
 * The Node host (tests, CLI, simulator CLI): Pyodide from the `pyodide` package in a worker thread.
 * Call `dispose()` when done: a warm worker keeps the process alive.
 */
export function createNodeFunctionRunner(options: RunnerOptions = {}): FunctionRunner {
  return new PythonFunctionRunner((): WorkerPort => {
    const worker = new Worker(new URL("./thread.mjs", import.meta.url));
    return {
      post: (message) => worker.postMessage(message),
      onMessage: (handler) => worker.on("message", handler),
      onError: (handler) => {
        worker.on("error", (e) => handler(e.message));
        worker.on("exit", (code) => handler(`worker exited with code ${code}`));
      },
      terminate: () => void worker.terminate(),
    };
  }, options);
}
