import type { FunctionTemplateId } from "./schema";

export interface FunctionTemplate {
  id: FunctionTemplateId;
  label: string;
  description: string;
  /** The source for a function named `name`. */
  code: (name: string) => string;
}

export const FUNCTION_TEMPLATES: readonly FunctionTemplate[] = [
  {
    id: "blank",
    label: "Blank",
    description: "An empty function: return a string for the agent to say.",
    code: (name) => `def ${name}(conv):
    """Return a string for the agent to say, or a dict with utterance / hangup / handoff."""
    return None
`,
  },
  {
    id: "transfer_call",
    label: "transfer_call",
    description: "Route dynamically by conv.state: compute the route and SIP headers, record a metric.",
    code: (name) => `def ${name}(conv):
    """Route the caller by tier: gold goes to the VIP queue with context headers."""
    tier = conv.state.get("tier", "silver")
    customer_id = conv.state.get("customer_id", "")
    conv.log.info("routing", tier=tier, customer_id=customer_id)

    if tier == "gold":
        conv.write_metric("vip_transfers", 1)
        conv.transfer_call(
            "sip:vip@pbx.acme.example",
            method="refer",
            sip_headers={
                "X-Tier": tier,
                "X-Customer-ID": customer_id,
            },
            reason="needs_human",
            utterance="Connecting you to our VIP team.",
            soft=False,  # True: warm transfer (the agent calls first and says whisper=...)
        )
        return

    conv.handoff(destination="Billing Support", reason="billing")
`,
  },
  {
    id: "escalate",
    label: "Escalate with reason",
    description: "Hand off to a configured destination with a reason code and what to say.",
    code: (name) => `def ${name}(conv):
    """Escalate to a human, saying why."""
    conv.handoff(
        reason="needs_human",
        utterance="Let me connect you with someone who can help.",
    )
`,
  },
];

export function templateById(id: FunctionTemplateId): FunctionTemplate {
  return FUNCTION_TEMPLATES.find((t) => t.id === id) ?? FUNCTION_TEMPLATES[0]!;
}

/** The demo agent's seeded function (db/seed.ts). */
export const DEMO_FUNCTION = {
  name: "route_vip",
  description: "Gold-tier callers go to the VIP queue; everyone else to Billing Support.",
  code: `def route_vip(conv):
    """Gold-tier callers go to the VIP queue with their tier and customer id."""
    if conv.state.get("tier") == "gold":
        conv.write_metric("vip_transfers", 1)
        conv.transfer_call(
            "sip:vip@pbx.acme.example",
            sip_headers={
                "X-Tier": "gold",
                "X-Customer-ID": conv.state.get("customer_id", ""),
            },
            reason="needs_human",
            utterance="Connecting you to our VIP team.",
        )
        return
    conv.handoff(destination="Billing Support", reason="billing")
`,
} as const;

/**
 * The demo agent's lifecycle function (docs/design.md §4): an agent's function named
 * `start_function` runs once when a call starts, before the first node.
 */
export const DEMO_START_FUNCTION = {
  name: "start_function",
  description: "Runs once when a call starts: a tier sent by the caller's system as X-Customer-Tier wins.",
  code: `def start_function(conv):
    """Runs once when the call starts, before the flow: the inbound X-Customer-Tier header sets the tier."""
    tier = conv.sip_headers.get("X-Customer-Tier")
    if tier:
        conv.state.tier = tier.strip().lower()
        conv.log.info("tier from the inbound SIP header", tier=conv.state.tier)
`,
} as const;
