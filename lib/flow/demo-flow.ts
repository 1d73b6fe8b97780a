import { autoLayout, withPositions } from "./layout";
import type { FlowDocument, FlowEdge, FlowNode } from "./types";

export interface DemoFlowInput {
  /** The agent's destinations; the demo looks up "Billing Support", "Front desk" and "Hand back to IVR". */
  destinations: readonly { id: string; name: string }[];
  /** A function that overrides the VIP handoff; when absent the VIP node hands off to Billing Support. */
  overrideFunctionName?: string | null;
}

const at = { x: 0, y: 0 };

/**
 * "Main line", the flow seeded for the demo agent "Acme Support". Node ids are fixed (they only
 * need to be unique within the flow) so scenarios and docs can refer to them. Some nodes are titled,
 * the others show their default titles ("Handoff: Front desk").
 */
export function demoFlow({ destinations, overrideFunctionName = null }: DemoFlowInput): FlowDocument {
  // A missing destination falls back to the agent default (null) rather than failing the seed.
  const dest = (name: string) => destinations.find((d) => d.name === name)?.id ?? null;
  const billing = dest("Billing Support");

  const nodes: FlowNode[] = [
    {
      id: "start",
      type: "start",
      position: at,
      data: { greeting: "Thanks for calling Acme. How can I help you today?" },
    },
    {
      id: "intent",
      type: "listen",
      position: at,
      data: {
        title: "What does the caller need?",
        prompt: "You can ask about billing, or ask to speak to a person.",
        retries: 1,
        branches: [
          {
            id: "billing",
            label: "Billing",
            examples: ["I have a question about my bill", "billing", "invoice", "there's a charge on my card"],
            keywords: ["bill", "billing", "invoice", "charge", "payment"],
          },
          {
            id: "person",
            label: "Speak to a person",
            examples: ["speak to a person", "agent", "human", "representative"],
            keywords: ["human", "agent", "person", "representative", "operator"],
          },
          {
            id: "goodbye",
            label: "Goodbye",
            examples: ["that's all", "goodbye", "nothing else, thanks"],
            keywords: ["goodbye", "bye"],
          },
        ],
      },
    },
    {
      id: "tier",
      type: "condition",
      position: at,
      data: { title: "Gold customer?", rules: [{ id: "gold", variable: "tier", operator: "equals", value: "gold" }] },
    },
    {
      id: "vip",
      type: "handoff",
      position: at,
      data: {
        title: "Priority billing (gold)",
        destinationId: billing,
        reason: "billing",
        utterance: "Thanks for being a gold customer. Connecting you to our priority billing team now.",
        overrideFunction: overrideFunctionName ?? null,
      },
    },
    {
      id: "billing_handoff",
      type: "handoff",
      position: at,
      data: {
        destinationId: billing,
        reason: "billing",
        utterance: "Let me connect you to our billing team. Your customer id is $customer_id.",
        overrideFunction: null,
      },
    },
    {
      id: "front_desk",
      type: "handoff",
      position: at,
      data: {
        destinationId: dest("Front desk"),
        reason: "needs_human",
        utterance: "Connecting you to the front desk now.",
        overrideFunction: null,
      },
    },
    { id: "sorry", type: "say", position: at, data: { utterance: "Sorry, I can't help with that here." } },
    {
      id: "back_to_ivr",
      type: "handoff",
      position: at,
      data: {
        destinationId: dest("Hand back to IVR"),
        reason: "no_availability",
        utterance: "Let me send you back to the main menu.",
        overrideFunction: null,
      },
    },
    { id: "end", type: "end", position: at, data: { goodbye: "Thanks for calling Acme. Goodbye!" } },
  ];

  const edge = (source: string, sourceHandle: string, target: string): FlowEdge => ({
    id: `e_${source}_${sourceHandle}`,
    source,
    sourceHandle,
    target,
  });
  const edges: FlowEdge[] = [
    edge("start", "next", "intent"),
    edge("intent", "billing", "tier"),
    edge("intent", "person", "front_desk"),
    edge("intent", "goodbye", "end"),
    edge("intent", "no_match", "sorry"),
    edge("tier", "gold", "vip"),
    edge("tier", "else", "billing_handoff"),
    edge("sorry", "next", "back_to_ivr"),
  ];

  return { name: "Main line", nodes: withPositions(nodes, autoLayout(nodes, edges)), edges };
}
