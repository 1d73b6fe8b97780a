/**
 * Flow editor vs a bare @xyflow/react page, same 1,000-node generated flow (say, listen, condition,
 * set, function and handoff nodes, some with lint problems: generateMixedFlow), same production
 * server and headless Chromium (software rendering), the bare canvas given the editor canvas's size:
 *
 * - render: time from navigation start until every node and edge element is in the DOM, every
 *   node is measured (xyflow shows a node only once measured) and the minimap has drawn every
 *   node (the editor draws its minimap after the first paint; the clock waits for it). The editor
 *   lints after that; the time its first problem shows (the generated flow has some) is reported
 *   beside the verdict, not in it: the bare page has nothing like it;
 * - drag: median interval between visible moves of one dragged node (its `transform` changes,
 *   watched by a MutationObserver) while the mouse moves it. docs/design.md §8: requestAnimationFrame
 *   gaps would stay at 16.7 ms while the node lags, so they are not measured.
 *
 * Fitted, 1,000 nodes are far below legible zoom, so the editor draws them in overview detail (a
 * frame per card: lib/flow/detail.ts), as a designer sees them. Informative, editor only: zooming
 * in with the controls until the cards switch to full detail, the time that step takes to paint
 * against a step that redraws no card.
 *
 * A third page, informative only, is the bare canvas given the stored flow as the editor's page reads
 * and hands it over (`/bench/canvas?agent=…&flow=…`): editor / that is the editor's own cost, without
 * the cost of delivering the data, which the generating bare page does not pay.
 *
 * Each run loads the three pages in a rotating order; the verdict is the median of per-run ratios
 * editor / bare.
 * Usage: npm run bench:canvas [-- --runs 7 --nodes 1000 --no-build --report-only]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { openDb } from "../db/client";
import { listAgents } from "../db/repositories/agents";
import { createFlow } from "../db/repositories/flows";
import { generateMixedFlow } from "../lib/flow";
import { DEMO_FUNCTION } from "../lib/functions/templates";
import { ensureBenchMember, signedInContext } from "./sign-in";
import { finishBenchmark } from "./verdict";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg("runs", "7"));
const NODES = Number(arg("nodes", "1000"));
const PORT = Number(arg("port", "3457"));
const DRAG_MOVES = 120;
const BASE = `http://127.0.0.1:${PORT}`;
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function waitForServer(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

/**
 * Installed before any page script: records when all nodes and edges are rendered and measured.
 * A string, not a function: tsx would wrap a named function with helpers the page lacks.
 */
const renderProbe = (counts: { nodes: number; edges: number }) => `
  (() => {
    const tick = () => {
      const nodes = document.querySelectorAll(".react-flow__node");
      if (nodes.length >= ${counts.nodes} && document.querySelectorAll(".react-flow__edge").length >= ${counts.edges}
          && document.querySelectorAll(".react-flow__minimap-node").length >= ${counts.nodes}) {
        let all = true;
        for (const n of nodes) if (n.style.visibility === "hidden") { all = false; break; }
        if (all) { window.__rendered = performance.now(); return; }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const problems = () => {
      if (document.querySelector('[data-testid="problem"]')) window.__problems = performance.now();
      else requestAnimationFrame(problems);
    };
    requestAnimationFrame(problems);
  })();
`;

async function measure(browser: Browser, url: string, counts: { nodes: number; edges: number }, lints = false) {
  const context = await signedInContext(browser, BASE, { viewport: { width: 1400, height: 900 } });
  const page: Page = await context.newPage();
  await page.addInitScript({ content: renderProbe(counts) });
  await page.goto(url);
  await page
    .waitForFunction(() => (window as unknown as { __rendered?: number }).__rendered !== undefined, null, {
      timeout: 120_000,
      polling: 100,
    })
    .catch(async (e: unknown) => {
      const seen = await page.evaluate(() => [
        document.querySelectorAll(".react-flow__node").length,
        document.querySelectorAll(".react-flow__edge").length,
      ]);
      throw new Error(
        `${url}: saw ${seen[0]} nodes, ${seen[1]} edges (want ${counts.nodes}, ${counts.edges}): ${String(e)}`,
      );
    });
  const renderMs = await page.evaluate(() => (window as unknown as { __rendered: number }).__rendered);
  // Only the editor lints; the bare page's figure is NaN.
  const problemsMs = !lints
    ? Number.NaN
    : await page
        .waitForFunction(() => (window as unknown as { __problems?: number }).__problems, null, { timeout: 5_000 })
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => Number.NaN);
  const pane = await page.evaluate(() => {
    const r = document.querySelector(".react-flow")!.getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  });
  await page.waitForTimeout(500);

  // The node nearest the canvas centre, found the same way on both pages.
  const target = await page.evaluate(() => {
    const pane = document.querySelector(".react-flow")!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: { id: string; x: number; y: number; d: number } | null = null;
    for (const el of document.querySelectorAll<HTMLElement>(".react-flow__node")) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      // The centre: at fit-view zoom the edges of a small node are its handles.
      const y = r.top + r.height / 2;
      const d = Math.hypot(x - cx, y - cy);
      if (!best || d < best.d) best = { id: el.dataset.id!, x, y, d };
    }
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${best!.id}"]`)!;
    const w = window as unknown as { __moves: number[] };
    w.__moves = [];
    let last = el.style.transform;
    new MutationObserver(() => {
      if (el.style.transform !== last) {
        last = el.style.transform;
        w.__moves.push(performance.now());
      }
    }).observe(el, { attributes: true, attributeFilter: ["style"] });
    return best!;
  });
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  for (let i = 1; i <= DRAG_MOVES; i++) await page.mouse.move(target.x + i * 2, target.y + i);
  await page.mouse.up();
  const moves = await page.evaluate(() => (window as unknown as { __moves: number[] }).__moves);
  const detail = lints ? await zoomToFullDetail(page) : null;
  await context.close();
  const gaps = moves.slice(1).map((t, i) => t - moves[i]!);
  return {
    renderMs,
    problemsMs,
    frameMs: gaps.length ? median(gaps) : Number.NaN,
    visibleMoves: moves.length,
    pane,
    detail,
  };
}

/** A string for the same reason as renderProbe: each zoom step's click-to-paint time, until full detail. */
const zoomInSteps = `(async () => {
  const button = document.querySelector(".react-flow__controls-zoomin");
  const canvas = document.querySelector('[data-testid="flow-canvas"]');
  if (!button || !canvas || canvas.dataset.detail !== "overview") return [];
  const out = [];
  for (let i = 0; i < 40 && canvas.dataset.detail !== "full"; i++) {
    const t0 = performance.now();
    button.click();
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    out.push({ ms: performance.now() - t0, switched: canvas.dataset.detail === "full" });
  }
  return out;
})()`;

/**
 * The editor only: zoom in step by step (the controls' + button) from overview detail until the
 * cards draw at full detail; the time from the click to the frame after, for the step that
 * switched and for the steps that did not (a zoom without redrawing the cards).
 */
async function zoomToFullDetail(page: Page): Promise<{ switchMs: number; stepMs: number } | null> {
  const steps = (await page.evaluate(zoomInSteps)) as { ms: number; switched: boolean }[];
  const switched = steps.find((s) => s.switched);
  const others = steps.filter((s) => !s.switched).map((s) => s.ms);
  return switched && others.length ? { switchMs: switched.ms, stepMs: median(others) } : null;
}

async function main() {
  // NEXT_DIST_DIR (see next.config.mjs) lets the bench build beside a running server's .next.
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!process.argv.includes("--no-build") || !existsSync(path.join(distDir, "BUILD_ID"))) {
    console.log("Building (production)…");
    const r = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("build failed");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bench-canvas-"));
  const dbFile = path.join(dir, "switchboard.db");
  const db = openDb(dbFile);
  const agentId = listAgents(db)[0]!.id;
  const doc = generateMixedFlow(NODES, DEMO_FUNCTION.name);
  const counts = { nodes: doc.nodes.length, edges: doc.edges.length };
  // A fresh copy per run, since the editor saves the dragged position.
  const flowIds: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = createFlow(db, agentId, { ...doc, name: `Bench ${i + 1}` });
    if (!r.ok) throw new Error("could not create the benchmark flow");
    flowIds.push(r.flow.id);
  }
  db.$client.close();
  await ensureBenchMember(dbFile);

  const server: ChildProcess = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: { ...process.env, SWITCHBOARD_DB: dbFile },
    stdio: "ignore",
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  try {
    await waitForServer(`${BASE}/sign-in`);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ARGS,
    });
    // Warm-up (server caches, first compile of each route) is not counted. The editor's canvas size
    // (the window less the shell and panels) is what the bare page is given.
    const { pane } = await measure(browser, `${BASE}/agents/${agentId}/flows/${flowIds[0]}`, counts, true);
    const bareUrl = `${BASE}/bench/canvas?n=${NODES}&w=${pane.width}&h=${pane.height}`;
    const bareStoredUrl = (flowId: string) =>
      `${BASE}/bench/canvas?agent=${agentId}&flow=${flowId}&w=${pane.width}&h=${pane.height}`;
    const barePane = (await measure(browser, bareUrl, counts)).pane;
    await measure(browser, bareStoredUrl(flowIds[0]!), counts);
    console.log(`canvas: editor ${pane.width}×${pane.height}, bare ${barePane.width}×${barePane.height}`);
    const editor: Awaited<ReturnType<typeof measure>>[] = [];
    const bare: Awaited<ReturnType<typeof measure>>[] = [];
    const bareStored: Awaited<ReturnType<typeof measure>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      const pages = [
        () =>
          measure(browser, `${BASE}/agents/${agentId}/flows/${flowIds[i]}`, counts, true).then((r) => editor.push(r)),
        () => measure(browser, bareUrl, counts).then((r) => bare.push(r)),
        () => measure(browser, bareStoredUrl(flowIds[i]!), counts).then((r) => bareStored.push(r)),
      ];
      // Each page goes first, second and third equally often.
      for (let k = 0; k < pages.length; k++) await pages[(i + k) % pages.length]!();
      const e = editor.at(-1)!;
      const b = bare.at(-1)!;
      const s = bareStored.at(-1)!;
      console.log(
        `run ${i + 1}: render editor ${e.renderMs.toFixed(0)} ms (problems shown ${e.problemsMs.toFixed(0)} ms) / bare ${b.renderMs.toFixed(0)} ms / bare, stored flow ${s.renderMs.toFixed(0)} ms; drag frame editor ${e.frameMs.toFixed(1)} ms (${e.visibleMoves} moves) / bare ${b.frameMs.toFixed(1)} ms (${b.visibleMoves} moves)`,
      );
    }
    await browser.close();
    const renderRatios = editor.map((e, i) => e.renderMs / bare[i]!.renderMs);
    const dragRatios = editor.map((e, i) => e.frameMs / bare[i]!.frameMs);
    const storedRatios = editor.map((e, i) => e.renderMs / bareStored[i]!.renderMs);
    const switches = editor.flatMap((e) => (e.detail ? [e.detail] : []));
    const result = {
      nodes: counts.nodes,
      edges: counts.edges,
      runs: RUNS,
      canvas: pane,
      render: {
        editorMs: median(editor.map((r) => r.renderMs)),
        bareMs: median(bare.map((r) => r.renderMs)),
        bareStoredFlowMs: median(bareStored.map((r) => r.renderMs)),
      },
      editorProblemsShownMs: median(editor.map((r) => r.problemsMs)),
      drag: { editorFrameMs: median(editor.map((r) => r.frameMs)), bareFrameMs: median(bare.map((r) => r.frameMs)) },
      editorToFullDetail: switches.length
        ? { switchMs: median(switches.map((d) => d.switchMs)), zoomStepMs: median(switches.map((d) => d.stepMs)) }
        : null,
      renderRatios,
      dragRatios,
      renderRatiosAgainstBareStoredFlow: storedRatios,
    };
    console.log(`\n${counts.nodes} nodes, ${counts.edges} edges, ${RUNS} runs (medians)`);
    console.log(
      `render      editor ${result.render.editorMs.toFixed(0)} ms   bare ${result.render.bareMs.toFixed(0)} ms   (editor's problems shown at ${result.editorProblemsShownMs.toFixed(0)} ms)`,
    );
    console.log(
      `render      editor / bare given the stored flow (as the editor is): ${median(storedRatios).toFixed(2)} (median of per-run ratios; not a verdict)`,
    );
    console.log(
      `drag frame  editor ${result.drag.editorFrameMs.toFixed(1)} ms   bare ${result.drag.bareFrameMs.toFixed(1)} ms`,
    );
    if (result.editorToFullDetail) {
      console.log(
        `full detail editor: zooming in from overview redraws the cards in ${result.editorToFullDetail.switchMs.toFixed(0)} ms (a zoom step that redraws none: ${result.editorToFullDetail.zoomStepMs.toFixed(0)} ms; not a verdict)`,
      );
    }
    finishBenchmark("canvas", result, [
      {
        name: "render ratio editor / bare (median of per-run ratios)",
        value: median(renderRatios),
        op: "≤",
        limit: 1.2,
      },
      {
        name: "drag frame ratio editor / bare (median of per-run ratios)",
        value: median(dragRatios),
        op: "≤",
        limit: 1.3,
      },
    ]);
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
