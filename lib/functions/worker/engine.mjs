// The worker side of the Python runtime, shared as-is by the browser Web Worker
// (python.worker.ts) and the Node worker thread (../node/thread.mjs). Plain JavaScript so the
// Node thread can load it without a TypeScript loader. Protocol: ./protocol.ts.

const INSTALL = [
  "import sys, types",
  "_sb_module = types.ModuleType('switchboard')",
  "exec(compile(_sb_src, 'switchboard.py', 'exec'), _sb_module.__dict__)",
  "sys.modules['switchboard'] = _sb_module",
  "del _sb_module, _sb_src",
].join("\n");

const WARM_UP = JSON.stringify({
  code: "def warm_up(conv):\n    return 'ok'\n",
  functionName: "warm_up",
  state: {},
  call: { conversationId: "", callSid: "", callerNumber: "", calleeNumber: "", sipHeaders: {} },
  destinations: [],
});

/**
 * @param {{ load: (progress: (stage: string) => void) => Promise<any>, post: (message: unknown) => void, listen: (handler: (message: any) => void) => void }} host
 */
export function attachPythonEngine(host) {
  let runRequest = null;
  let checkSyntax = null;
  let booting = null;

  async function boot(convSource) {
    const started = performance.now();
    try {
      host.post({ type: "progress", stage: "Loading the Python runtime" });
      const pyodide = await host.load((stage) => host.post({ type: "progress", stage }));
      host.post({ type: "progress", stage: "Installing conv" });
      pyodide.globals.set("_sb_src", convSource);
      pyodide.runPython(INSTALL);
      const mod = pyodide.pyimport("switchboard");
      runRequest = mod.run_request;
      checkSyntax = mod.check_syntax;
      // One throwaway call so the first real run does not pay for lazy imports.
      runRequest(WARM_UP);
      host.post({ type: "ready", startupMs: performance.now() - started });
    } catch (e) {
      host.post({ type: "fatal", message: e instanceof Error ? e.message : String(e) });
    }
  }

  host.listen((message) => {
    if (message.type === "init") {
      booting ??= boot(message.convSource);
      return;
    }
    // The host only sends work after "ready", so runRequest is set here.
    if (message.type === "run") {
      const result = JSON.parse(runRequest(JSON.stringify(message.request)));
      host.post({ type: "result", id: message.id, result });
    } else if (message.type === "check") {
      host.post({ type: "checked", id: message.id, issue: JSON.parse(checkSyntax(message.code)) });
    }
  });
}
