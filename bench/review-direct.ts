/**
 * Design measurement for the Review list's access paths (not a benchmark with a verdict): seeds
 * BENCH_ROWS (default 1,000,000) of the API benchmark's conversations into REVIEW_DB once (kept and
 * reused), then times the repository call the API makes (listConversationsJson) in this process for
 * every case, first page, a deep page (90 % down the case's own rows, or the whole list's when
 * it has none) and the Newer page above that deep page (listNewerConversations, as Review's link), RUNS (50) times each, after 5 warm-up runs; p50 and p95 in ms with the access path
 * used. `npm run bench:review -- [case-name-substring]`. Run it on an idle machine: the numbers are
 * for design decisions (docs/design.md §7), not a benchmark verdict.
 */
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { openDb } from "../db/client";
import { listAgents } from "../db/repositories/agents";
import {
  explainConversationPage,
  listConversationsJson,
  listNewerConversations,
} from "../db/repositories/conversations";
import { parseConversationQuery } from "../lib/conversations/filters";
import { seedBenchConversations } from "./seed-conversations";

const ROWS = Number(process.env.BENCH_ROWS || 1_000_000);
const FILE = process.env.REVIEW_DB || "/tmp/review-1m.db";
const RUNS = Number(process.env.RUNS || 50);
const only = process.argv[2];

const fresh = !existsSync(FILE);
const db = openDb(FILE);
const agentId = listAgents(db)[0]!.id;
if (fresh) {
  const { seconds } = seedBenchConversations(db, agentId, ROWS);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.exec("ANALYZE");
  console.log(`seeded ${ROWS} rows in ${seconds.toFixed(1)} s`);
}

const CASES: [string, string][] = [
  ["list", ""],
  ["list + filter", "outcome=handoff&source=function"],
  ["q common", "q=refund"],
  ["q nothing", "q=xylophone"],
  ["q rare", "q=zeppelin"],
  ["q prefix common", "q=refu*"],
  ["destination nothing", "destination=Nope"],
  ["rare reason", "reason=fraud_suspected"],
  ["rare destination + common outcome", "outcome=handoff&destination=Overflow%20desk"],
  ["three common filters", "outcome=handoff&method=invite&source=builtin"],
  ["two common, never together", "outcome=hangup&destination=Billing%20Support"],
  ["two common, rarely together", "outcome=abandoned&destination=Front%20desk"],
  ["filter + q rare", "outcome=handoff&q=zeppelin"],
  ["filter + q common", "outcome=handoff&q=refund"],
  ["two never together + q common", "outcome=hangup&destination=Billing%20Support&q=refund"],
  ["outcome alone", "outcome=hangup"],
  // Known slow shapes (docs/design.md §8): a common word and a common filter never together, a long prefix.
  ["q common + filter never together", "q=refund&destination=Front%20desk"],
  ["q prefix of 7 characters", "q=recogni*"],
];

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;

const all = db.$client
  .prepare("SELECT started_at, id FROM conversations WHERE agent_id = ? ORDER BY started_at DESC, id DESC")
  .raw(true)
  .all(agentId) as [string, string][];
console.log(`load ${readFileSync("/proc/loadavg", "utf8").trim()}`);
console.log("case | page | driver | rows | p50 ms | p95 ms");
for (const [name, query] of CASES) {
  if (only && !name.includes(only)) continue;
  const parsed = parseConversationQuery(new URLSearchParams(`limit=50&${query}`));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  const { filters, limit } = parsed.value;
  // The case's own rows, by paging with a large limit (the repository itself, so no SQL duplicated here).
  const ids: [string, string][] = [];
  let cursor = null;
  for (;;) {
    const page = JSON.parse(listConversationsJson(db, agentId, filters, cursor, 1000).json) as {
      data: { started_at: string; id: string }[];
      next_cursor: string | null;
    };
    for (const r of page.data) ids.push([r.started_at, r.id]);
    if (!page.next_cursor) break;
    const last = page.data[page.data.length - 1]!;
    cursor = { startedAt: last.started_at, id: last.id };
  }
  const pool = ids.length > 100 ? ids : all;
  const deep = pool[Math.floor(pool.length * 0.9)]!;
  const deepCursor = { startedAt: deep[0], id: deep[1] };
  for (const [page, c] of [
    ["first", null],
    ["deep", deepCursor],
    ["newer", deepCursor],
  ] as const) {
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < RUNS + 5; i++) {
      const t = performance.now();
      count =
        page === "newer"
          ? listNewerConversations(db, agentId, filters, deepCursor, limit).data.length
          : listConversationsJson(db, agentId, filters, c, limit).count;
      if (i >= 5) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const { driver } = explainConversationPage(db, agentId, filters, c, limit);
    console.log(
      `${name} | ${page} | ${JSON.stringify(driver)} | ${count}/${ids.length} | ${pct(times, 50).toFixed(2)} | ${pct(times, 95).toFixed(2)}`,
    );
  }
}
