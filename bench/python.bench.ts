/**
 * `npm run bench:python`: Python start-up and call cost in the browser, in headless Chromium
 * against the production server.
 *
 * - cold (product): from creating the app's function runner (lib/functions/browser-runner.ts) to
 *   the first run's result: worker bundle, Pyodide, the conv module, one run;
 * - cold (bare): from `new Worker()` on a bare module worker that only does loadPyodide + one
 *   runPython (public/bench/python-bare-worker.mjs), in the same browser and run;
 * - warm: the median of 200 round trips through the product runner.
 *
 * Each run uses a fresh browser context (empty HTTP cache) and alternates which variant goes first.
 * Targets: cold ≤ 1.15 × bare, warm median ≤ 5 ms.
 *
 * Env: BENCH_PORT (default 3198), BENCH_RUNS (5), BENCH_WARM_CALLS (200), NEXT_DIST_DIR (build folder,
 * default .next; run `npm run build` first), CHROMIUM_PATH (/usr/bin/chromium).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ensureBenchMember, signedInContext } from "./sign-in";
import { finishBenchmark } from "./verdict";

const PORT = Number(process.env.BENCH_PORT || 3198);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const WARM_CALLS = Number(process.env.BENCH_WARM_CALLS || 200);
const DIST = process.env.NEXT_DIST_DIR || ".next";
const TARGET_RATIO = 1.15;
const TARGET_WARM_MS = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

async function waitForServer(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start at ${url}`);
}

async function main() {
  if (!existsSync(path.join(DIST, "BUILD_ID"))) {
    console.error(`No production build in ${DIST}: run \`npm run build\` first (or set NEXT_DIST_DIR).`);
    process.exit(2);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-python-"));
  let server: ChildProcess | null = null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    // Started with node directly so that server.pid is the server itself, stopped by that PID.
    await ensureBenchMember(path.join(dir, "bench.db"));
    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
      env: { ...process.env, SWITCHBOARD_DB: path.join(dir, "bench.db"), NEXT_DIST_DIR: DIST },
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(`${base}/sign-in`, 60_000);

    const rows: { run: number; product: number; bare: number; ratio: number; warmMedian: number }[] = [];
    const allWarm: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const order: ("product" | "bare")[] = run % 2 ? ["product", "bare"] : ["bare", "product"];
      const cold: Record<string, number> = {};
      let warm: number[] = [];
      for (const kind of order) {
        const context = await signedInContext(browser, base);
        const page = await context.newPage();
        await page.goto(`${base}/bench/python`);
        await page.waitForSelector('[data-testid="python-bench"][data-ready="true"]');
        const r = await page.evaluate(([k, n]) => window.__pythonBench!(k as "product" | "bare", n as number), [
          kind,
          kind === "product" ? WARM_CALLS : 0,
        ] as const);
        cold[kind] = r.coldMs;
        if (kind === "product") warm = r.warmMs;
        await context.close();
      }
      allWarm.push(...warm);
      const row = {
        run,
        product: cold.product!,
        bare: cold.bare!,
        ratio: cold.product! / cold.bare!,
        warmMedian: median(warm),
      };
      rows.push(row);
      console.log(
        `run ${run}: cold product ${fmt(row.product)}, bare ${fmt(row.bare)} (×${row.ratio.toFixed(3)}), warm median ${fmt(row.warmMedian)}`,
      );
    }
    const summary = {
      runs: RUNS,
      warmCallsPerRun: WARM_CALLS,
      coldProductMedianMs: median(rows.map((r) => r.product)),
      coldBareMedianMs: median(rows.map((r) => r.bare)),
      ratioMedian: median(rows.map((r) => r.ratio)),
      warmMedianMs: median(allWarm),
      warmP95Ms: [...allWarm].sort((a, b) => a - b)[Math.floor(allWarm.length * 0.95)]!,
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      rows,
    };
    console.log("");
    console.table({
      "cold start → first result (product worker)": fmt(summary.coldProductMedianMs),
      "cold start → first result (bare loadPyodide)": fmt(summary.coldBareMedianMs),
      "ratio product / bare (median of runs)": `${summary.ratioMedian.toFixed(3)} (target ≤ ${TARGET_RATIO})`,
      [`warm call median (${allWarm.length} calls)`]: `${fmt(summary.warmMedianMs)} (target ≤ ${TARGET_WARM_MS} ms)`,
      "warm call p95": fmt(summary.warmP95Ms),
      "load average (1/5/15 min)": summary.loadAverage.join(" / "),
    });
    finishBenchmark("python", summary, [
      {
        name: "cold start ratio product / bare (median of runs)",
        value: summary.ratioMedian,
        op: "≤",
        limit: TARGET_RATIO,
      },
      { name: "warm call median", value: summary.warmMedianMs, op: "≤", limit: TARGET_WARM_MS, unit: "ms" },
    ]);
  } finally {
    await browser.close();
    if (server?.pid) server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
