// The Node host: a worker_threads worker running Pyodide from the installed `pyodide` package.
import { parentPort } from "node:worker_threads";
import { loadPyodide } from "pyodide";
import { attachPythonEngine } from "../worker/engine.mjs";

attachPythonEngine({
  load: async (progress) => {
    progress("Starting Python");
    return loadPyodide();
  },
  post: (message) => parentPort.postMessage(message),
  listen: (handler) => parentPort.on("message", handler),
});
