// The Node host: a worker_threads worker running Pyodide from the installed `pyodide` package.
import { parentPort } from "node:worker_threads";
import { createRequire } from "node:module";
import path from "node:path";
import { loadPyodide } from "pyodide";

// Pyodide finds its files from its own stack frame; under tsx (source maps on) that frame points at
// its sources, so name the folder explicitly.
const indexURL = path.dirname(createRequire(import.meta.url).resolve("pyodide/pyodide.mjs")) + path.sep;
import { attachPythonEngine } from "../worker/engine.mjs";

attachPythonEngine({
  load: async (progress) => {
    progress("Starting Python");
    return loadPyodide({ indexURL });
  },
  post: (message) => parentPort.postMessage(message),
  listen: (handler) => parentPort.on("message", handler),
});
