/// <reference lib="webworker" />
// The browser host: a dedicated module Web Worker. Pyodide is served from our own origin
// (/pyodide/, copied there by scripts/copy-pyodide.mjs) and cannot be bundled, so its URL is
// imported at run time through a Function the bundler does not look into.
import { attachPythonEngine, type PyodideLike } from "./engine.mjs";

declare const self: DedicatedWorkerGlobalScope;

const importUrl = new Function("url", "return import(url)") as (url: string) => Promise<{
  loadPyodide: (options: { indexURL: string }) => Promise<PyodideLike>;
}>;

// Turbopack starts bundled workers as classic workers (its runtime loads chunks with
// importScripts) even when asked for { type: "module" }. Pyodide refuses classic workers, which
// it detects by calling importScripts; our chunks are all loaded by now, so hide it. Pyodide then
// takes its module-worker path and loads pyodide.asm.mjs with import(), which classic workers support.
(self as unknown as { importScripts: unknown }).importScripts = undefined;

attachPythonEngine({
  load: async (progress) => {
    const base = new URL("/pyodide/", self.location.origin).href;
    const { loadPyodide } = await importUrl(`${base}pyodide.mjs`);
    progress("Starting Python");
    return loadPyodide({ indexURL: base });
  },
  post: (message) => self.postMessage(message),
  listen: (handler) => {
    self.onmessage = (event) => handler(event.data);
  },
});
