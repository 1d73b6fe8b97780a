import { DEMO_DESTINATIONS } from "../handoffs/demo";
import { HANDOFF_SOURCES, type HandoffRecord, type HandoffSource } from "../handoffs/record";
import type { ConversationInput } from "./schema";

/**
 * Deterministic sample conversations for tests and the API benchmark: the same `n` gives the
 * same call. Not used by the app itself.
 */

const DESTINATIONS = DEMO_DESTINATIONS.map((d) => ({ destination: d.name, method: d.method, route: d.route }));
const REASONS = ["needs_human", "billing", "complaint", "no_availability", "policy_violation"] as const;
const CALLER_LINES = [
  "I want to talk to a person",
  "There is a charge on my invoice I do not recognise",
  "My order arrived broken",
  "Can I change my delivery address?",
  "What are your opening hours?",
  "I would like a refund please",
];

/** A completed handoff; its one attempt started at `at` (ISO). */
export function sampleHandoff(source: HandoffSource, n = 0, at = "2025-01-01T00:00:30.000Z"): HandoffRecord {
  const d = DESTINATIONS[n % DESTINATIONS.length]!;
  return {
    destination: d.destination,
    method: d.method,
    route: d.route,
    reason: REASONS[n % REASONS.length]!,
    utterance: "Let me transfer you to a colleague.",
    sip_headers: d.method === "bye" ? [] : [{ name: "X-Customer-ID", value: `cust${n}` }],
    source,
    function: source === "builtin" || source === "topic" ? null : "route_call",
    node_id: source === "function" ? null : `node_${n % 7}`,
    topic: source === "topic" ? "Speak to a human" : null,
    soft: source === "transfer_call" && n % 2 === 0,
    outcome: "completed",
    sip_status: 200,
    attempts: [{ destination: d.destination, method: d.method, outcome: "completed", sip_status: 200, at }],
  };
}

export function sampleConversation(agentId: string, n: number, startedAt: Date): ConversationInput {
  const outcome = n % 5 === 3 ? "hangup" : n % 5 === 4 ? "abandoned" : "handoff";
  const source = HANDOFF_SOURCES[n % HANDOFF_SOURCES.length]!;
  const at = (ms: number) => new Date(startedAt.getTime() + ms).toISOString();
  const line = CALLER_LINES[n % CALLER_LINES.length]!;
  return {
    agent_id: agentId,
    channel: "simulator",
    started_at: startedAt.toISOString(),
    ended_at: at(42_000),
    duration_ms: 42_000,
    outcome,
    turns: [
      { role: "agent", text: "Hello, you are through to Acme Support. How can I help?", at: at(0), node_id: "start" },
      { role: "caller", text: `${line} (call ${n})`, at: at(4_000) },
      { role: "agent", text: "Let me look into that for you.", at: at(8_000), node_id: "listen_1" },
    ],
    path: ["start", "listen_1"],
    node_titles: { start: "Start", listen_1: "Listen: Billing, Speak to a person" },
    variables: { caller_id: `+1415555${String(n % 10000).padStart(4, "0")}`, tier: n % 2 ? "gold" : "silver" },
    handoff: outcome === "handoff" ? sampleHandoff(source, n, at(30_000)) : null,
    transfer_attempts: outcome === "handoff" ? sampleHandoff(source, n, at(30_000)).attempts : [],
    metrics: [{ name: "sentiment", value: (n % 10) / 10 }],
    logs: [{ level: "info", message: "call started" }],
    sip_trace: null,
  };
}
