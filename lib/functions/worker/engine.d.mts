import type { FromWorker, ToWorker } from "./protocol";

export interface PyodideLike {
  globals: { set(name: string, value: unknown): void };
  runPython(code: string): unknown;
  pyimport(name: string): { run_request(json: string): string; check_syntax(code: string): string };
}

export function attachPythonEngine(host: {
  load: (progress: (stage: string) => void) => Promise<PyodideLike>;
  post: (message: FromWorker) => void;
  listen: (handler: (message: ToWorker) => void) => void;
}): void;
