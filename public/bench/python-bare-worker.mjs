// Bare Pyodide in a module worker, for `npm run bench:python` to compare the product worker with.
let pyodide = null;
const loading = (async () => {
  const { loadPyodide } = await import("/pyodide/pyodide.mjs");
  pyodide = await loadPyodide({ indexURL: new URL("/pyodide/", self.location.origin).href });
})();

self.onmessage = async () => {
  try {
    await loading;
    const value = pyodide.runPython("def bench(state):\n    return state.get('tier')\nbench({'tier': 'gold'})");
    self.postMessage({ ok: value === "gold" });
  } catch (e) {
    self.postMessage({ ok: false, error: String(e) });
  }
};
