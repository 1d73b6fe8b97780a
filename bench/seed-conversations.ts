import { performance } from "node:perf_hooks";
import type { Db } from "../db/client";
import { conversationRow, INSERT_CONVERSATION_SQL } from "../db/repositories/conversations";
import { writeTransaction } from "../db/transaction";
import { sampleConversation } from "../lib/conversations/samples";
import type { Conversation } from "../lib/conversations/schema";

/**
 * The API benchmark's conversations (bench/api.bench.ts, bench/review-direct.ts): `rows` sample
 * calls for one agent in one transaction, ~26 s apart, every 10th sharing its neighbour's start so
 * the id tie-break matters. Besides the samples' common values (outcome, destination, reason,
 * source, words each in 1/3 to 3/5 of calls), rare ones (0.1 % of calls each) make the hard cases:
 * a reason, a destination, a word, and one pair of common values that are rarely together.
 */
export function seedBenchConversations(db: Db, agentId: string, rows: number): { ids: string[]; seconds: number } {
  const t = performance.now();
  const insert = db.$client.prepare(INSERT_CONVERSATION_SQL);
  const start = Date.parse("2025-01-01T00:00:00.000Z");
  const ids: string[] = [];
  writeTransaction(db, () => {
    for (let n = 0; n < rows; n++) {
      const at = new Date(start + (n % 10 === 1 ? n - 1 : n) * 26_000);
      const input = sampleConversation(agentId, n, at);
      if (n % 1000 === 250 && input.handoff) input.handoff = { ...input.handoff, reason: "fraud_suspected" };
      if (n % 1000 === 500 && input.handoff) input.handoff = { ...input.handoff, destination: "Overflow desk" };
      if (n % 1000 === 750)
        input.turns = [
          ...(input.turns ?? []),
          { role: "caller", text: "Is the zeppelin on time?", at: at.toISOString() },
        ];
      // outcome=abandoned (20 % of calls) and destination=Front desk (20 %) meet only here: a handed-off
      // call (n % 5 = 0, n % 3 = 0: Front desk) recorded as abandoned.
      if (n % 1000 === 375) input.outcome = "abandoned";
      const c = {
        flow_id: null,
        ended_at: null,
        path: [],
        variables: {},
        metrics: [],
        logs: [],
        sip_trace: null,
        handoff: null,
        turns: [],
        ...input,
        id: `conv_${n.toString(36).padStart(8, "0")}`,
      } as Conversation;
      ids.push(c.id);
      insert.run(conversationRow(c));
    }
  });
  return { ids, seconds: (performance.now() - t) / 1000 };
}
