import { buildAgentDocument } from "../agent-document/build";
import type { AgentDocument } from "../agent-document/schema";
import { demoFlow } from "../flow/demo-flow";
import { DEMO_FUNCTION } from "../functions/templates";
import { DEMO_DESTINATIONS } from "../handoffs/demo";
import type { Scenario } from "./schema";

/**
 * The demo agent's ("Acme Support") scenarios, stored by the seed; they pass against the seeded
 * demo (lib/flow/demo-flow.ts, lib/handoffs/demo.ts, DEMO_FUNCTION) and tests run them.
 */
export const DEMO_SCENARIOS: readonly Scenario[] = [
  {
    name: "Billing question goes to Billing Support",
    description: "A silver caller asks about a bill: INVITE to Billing Support with the customer id.",
    flow: "Main line",
    variables: { customer_id: "abc123", tier: "silver" },
    turns: [{ say: "I have a question about my bill" }],
    seed: "demo-billing",
    expect: {
      outcome: "handoff",
      handoff: {
        destination: "Billing Support",
        method: "invite",
        reason: "billing",
        source: "builtin",
        headers: [{ name: "X-Customer-ID", value: "abc123" }],
        utterance: "billing team",
      },
      path: ["What does the caller need?", "Gold customer?"],
    },
  },
  {
    name: "Gold caller is transferred by route_vip",
    description: "A gold caller asks about billing: route_vip transfers the call to the VIP queue.",
    flow: "Main line",
    variables: { customer_id: "gold-42", tier: "gold" },
    turns: [{ say: "billing" }],
    seed: "demo-gold",
    expect: {
      outcome: "handoff",
      handoff: {
        source: "transfer_call",
        function: "route_vip",
        destination: "sip:vip@pbx.acme.example",
        headers: [
          { name: "X-Tier", value: "gold" },
          { name: "X-Customer-ID", value: "gold-42" },
        ],
      },
      path: ["Priority billing (gold)"],
      metrics: [{ name: "vip_transfers", value: "1" }],
    },
  },
  {
    name: "Asking for a person goes to the front desk",
    description: "“Let me talk to a person”: REFER to the Front desk with reason needs_human.",
    flow: "Main line",
    turns: [{ say: "let me talk to a person" }],
    seed: "demo-person",
    expect: {
      outcome: "handoff",
      handoff: { destination: "Front desk", method: "refer", reason: "needs_human", source: "builtin" },
      transcript: ["Connecting you to the front desk now."],
    },
  },
];

/** The seeded demo agent as an agent document (what its draft reads as), for tests and the benchmark. */
export function demoAgentDocument(): AgentDocument {
  return buildAgentDocument({
    agent: {
      name: "Acme Support",
      trunkHost: "trunk.acme.example",
      pbxHost: "pbx.acme.example",
      functionTimeoutMs: 2_000,
    },
    variables: [
      { name: "customer_id", sampleValue: "abc123", description: "" },
      { name: "tier", sampleValue: "silver", description: "" },
    ],
    destinations: DEMO_DESTINATIONS,
    functions: [DEMO_FUNCTION],
    flows: [demoFlow({ destinations: DEMO_DESTINATIONS, overrideFunctionName: DEMO_FUNCTION.name })],
  });
}
