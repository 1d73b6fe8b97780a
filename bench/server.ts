// The production server as the benchmarks and stress scripts run it: `scripts/serve.mjs` (one
// Next.js worker per core, as `npm start`) on a database file of their own, over loopback.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";

export interface ServerOptions {
  dbFile: string;
  port: number;
  /** NEXT_DIST_DIR of the production build; built first when it has none. */
  dist: string;
  /** WEB_CONCURRENCY; default: one worker per core. */
  workers?: number;
  /** Runs once the server answers, before startServer resolves. */
  onUp?: () => Promise<unknown>;
}

export interface Answer {
  status: number;
  body: string;
}

export function ensureBuild(dist: string): void {
  if (existsSync(path.join(dist, "BUILD_ID"))) return;
  console.log(`no production build in ${dist}; running next build…`);
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("next build failed");
}

/** One HTTP request to the server on loopback. */
export function request(
  port: number,
  method: string,
  urlPath: string,
  options: { key?: string; body?: unknown; agent?: http.Agent } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: urlPath,
        method,
        agent: options.agent,
        headers: {
          ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
          ...(payload ? { "content-type": "application/json" } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Starts the server (node runs it directly, so the PID is the server's) and waits until it answers. */
export async function startServer(options: ServerOptions): Promise<ChildProcess> {
  ensureBuild(options.dist);
  const server = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SWITCHBOARD_DB: options.dbFile,
      NEXT_DIST_DIR: options.dist,
      PORT: String(options.port),
      SWITCHBOARD_HOST: "127.0.0.1",
      ...(options.workers ? { WEB_CONCURRENCY: String(options.workers) } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await request(options.port, "GET", "/api/v1/openapi.json")).status === 200) {
        await options.onUp?.();
        return server;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill("SIGTERM");
  throw new Error("server did not start within 60 s");
}

/** Stops the server and its workers; resolves once it has exited. */
export function stopServer(server: ChildProcess | null): Promise<void> {
  if (!server?.pid || server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.on("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

/** CPU time so far (ms) of the server and its cluster workers, from /proc; null where there is no /proc. */
export function serverCpuMs(server: ChildProcess | null): number | null {
  try {
    const pid = server!.pid!;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    let ticks = 0;
    for (const p of [String(pid), ...children]) {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime, in 1/100 s ticks
    }
    return (ticks * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * Waits until the server is idle (under 5 % of a core over half a second): start-up work that goes on
 * in the background — each worker loading Pyodide for its Python pool — would otherwise be measured as
 * the cost of the first requests. Gives up after `maxMs`, saying so.
 */
export async function waitForIdleServer(server: ChildProcess | null, maxMs = 90_000): Promise<void> {
  const until = Date.now() + maxMs;
  let before = serverCpuMs(server);
  if (before === null) return;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    const now = serverCpuMs(server);
    if (now === null) return;
    if (now - before < 25) return;
    before = now;
  }
  console.warn(`the server was still busy after ${maxMs / 1000} s; measuring anyway`);
}
