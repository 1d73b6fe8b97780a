// Production server: one Next.js process per core behind node:cluster. A Node process runs one
// request at a time on one core; on this 2-core machine a second worker roughly doubles what the
// API can answer. SQLite in WAL mode lets every worker read while one writes.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { refuseApiMethod } from "../lib/api/endpoints.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.SWITCHBOARD_HOST || "0.0.0.0";
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY || availableParallelism()));
// proxy.ts allows the listening port by default (SWITCHBOARD_ALLOWED_HOSTS); workers inherit this.
process.env.PORT = String(port);
// Sign-in limits count failures per client address (lib/auth/client-address.ts). The address comes
// from the connection, never from what the client says; behind a reverse proxy set
// SWITCHBOARD_TRUST_PROXY=1 to take X-Forwarded-For's last hop (the address the proxy saw) instead.
const CLIENT_ADDRESS = "x-switchboard-client-address";
const trustProxy = process.env.SWITCHBOARD_TRUST_PROXY === "1";

function clientAddress(req) {
  if (trustProxy) {
    const hops = String(req.headers["x-forwarded-for"] ?? "").split(",");
    const last = hops[hops.length - 1].trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "";
}

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  // A worker that dies is replaced, so one bad request cannot take the server down.
  cluster.on("exit", (worker, code, signal) => {
    if (!shuttingDown) {
      console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      cluster.fork();
    }
  });
  let shuttingDown = false;
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      shuttingDown = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
      process.exit(0);
    });
  }
  console.log(`Switchboard on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (${workers} workers)`);
} else {
  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  createServer((req, res) => {
    if (req.method === "TRACE") return refuseTrace(req, res);
    req.headers[CLIENT_ADDRESS] = clientAddress(req);
    return handle(req, res);
  }).listen(port, hostname);
  if (workers === 1) console.log(`Switchboard on http://${hostname}:${port}`);
}

/**
 * Next builds a fetch Request for every request, and fetch refuses TRACE (Node's parser already
 * refuses TRACK, and CONNECT never reaches this handler), so Next would answer 500. Refuse it here:
 * a JSON 405 with the path's Allow on API paths, a plain one elsewhere.
 */
function refuseTrace(req, res) {
  const pathname = (req.url ?? "/").split("?")[0];
  const refused = refuseApiMethod(req.method, pathname) ?? {
    status: 405,
    headers: { "content-type": "text/plain; charset=utf-8", allow: "GET, HEAD, POST" },
    body: `${req.method} is not supported`,
  };
  res.writeHead(refused.status, refused.headers);
  res.end(refused.body);
}
