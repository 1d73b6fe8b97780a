/// <reference lib="webworker" />
// The browser host: a dedicated module Web Worker. Pyodide is served from our own origin
// (/pyodide/, copied there by scripts/copy-pyodide.mjs) and cannot be bundled, so its URL is
// imported at run time through a Function the bundler does not look into.
import { attachPythonEngine, type PyodideLike } from "./engine.mjs";

declare const self: DedicatedWorkerGlobalScope;

const importUrl = new Function("url", "return import(url)") as (url: string) => Promise<{
  loadPyodide: (options: { indexURL: string }) => Promise<PyodideLike>;
}>;

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
