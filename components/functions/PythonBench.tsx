"use client";

import { useEffect, useState } from "react";
import { createBrowserFunctionRunner } from "@/lib/functions/browser-runner";
import { sampleCall } from "@/lib/functions/sample";
import type { RunRequest } from "@/lib/functions/types";

declare global {
  interface Window {
    __pythonBench?: (kind: "product" | "bare", warmCalls: number) => Promise<{ coldMs: number; warmMs: number[] }>;
  }
}

const REQUEST: RunRequest = {
  code: "def bench(conv):\n    return conv.state.get('tier')\n",
  functionName: "bench",
  state: { tier: "gold" },
  call: sampleCall(),
  destinations: [],
};

/** Cold start to first result, and warm round trips, for the product worker or bare loadPyodide. */
async function measure(kind: "product" | "bare", warmCalls: number): Promise<{ coldMs: number; warmMs: number[] }> {
  const warmMs: number[] = [];
  if (kind === "product") {
    const started = performance.now();
    const runner = createBrowserFunctionRunner();
    const first = await runner.run(REQUEST);
    const coldMs = performance.now() - started;
    if (!first.ok) throw new Error(first.error?.message);
    for (let i = 0; i < warmCalls; i++) {
      const t = performance.now();
      await runner.run(REQUEST);
      warmMs.push(performance.now() - t);
    }
    runner.dispose();
    return { coldMs, warmMs };
  }
  const started = performance.now();
  const worker = new Worker("/bench/python-bare-worker.mjs", { type: "module" });
  const reply = (message: unknown) =>
    new Promise<{ ok: boolean; error?: string }>((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.postMessage(message);
    });
  const first = await reply({ type: "run" });
  const coldMs = performance.now() - started;
  if (!first.ok) throw new Error(first.error);
  for (let i = 0; i < warmCalls; i++) {
    const t = performance.now();
    await reply({ type: "run" });
    warmMs.push(performance.now() - t);
  }
  worker.terminate();
  return { coldMs, warmMs };
}

export function PythonBench() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    window.__pythonBench = measure;
    setReady(true);
  }, []);
  return (
    <main className="p-6 text-sm" data-testid="python-bench" data-ready={ready}>
      <h1 className="text-lg font-semibold">Python worker benchmark</h1>
      <p>
        Driven by <code>npm run bench:python</code>; not part of the product UI.
      </p>
    </main>
  );
}
