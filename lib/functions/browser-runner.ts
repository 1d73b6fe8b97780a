import { PythonFunctionRunner, type RunnerOptions, type WorkerPort } from "./runner";
import type { FunctionRunner } from "./types";

/** The browser host: a dedicated module Web Worker (./worker/python.worker.ts). */
export function createBrowserFunctionRunner(options: RunnerOptions = {}): FunctionRunner {
  return new PythonFunctionRunner((): WorkerPort => {
    const worker = new Worker(new URL("./worker/python.worker.ts", import.meta.url), {
      type: "module",
      name: "switchboard-python",
    });
    return {
      post: (message) => worker.postMessage(message),
      onMessage: (handler) => worker.addEventListener("message", (e) => handler(e.data)),
      onError: (handler) =>
        worker.addEventListener("error", (e) => handler(e.message || "the worker script failed to load")),
      terminate: () => worker.terminate(),
    };
  }, options);
}
