import { demoFlow, type FlowDocument } from "../../flow";
import { DEMO_DESTINATIONS } from "../../handoffs/demo";
import type { AgentSetup, CallSetup, FunctionOutcome } from "../types";

/** The seeded demo agent's destinations, with the fixtures' fixed ids. */
export const DESTINATIONS: AgentSetup["destinations"] = DEMO_DESTINATIONS;

export function demoAgent(
  options: {
    override?: string | null;
    flow?: FlowDocument;
    functions?: AgentSetup["functions"];
    topics?: AgentSetup["topics"];
  } = {},
): AgentSetup {
  return {
    name: "Acme Support",
    flow: options.flow ?? demoFlow({ destinations: DESTINATIONS, overrideFunctionName: options.override ?? null }),
    destinations: DESTINATIONS,
    functions:
      options.functions ??
      (options.override
        ? [{ name: options.override, code: "def route_vip(conv):\n    conv.transfer_call('sip:vip@pbx.acme.example')" }]
        : []),
    hosts: { trunkHost: "trunk.acme.example", pbxHost: "pbx.acme.example" },
    ...(options.topics ? { topics: options.topics } : {}),
  };
}

export function demoCall(overrides: Partial<CallSetup> = {}): CallSetup {
  return {
    callerId: "+14155550123",
    calledNumber: "+18005550100",
    variables: { customer_id: "abc123", tier: "silver" },
    seed: "test",
    ...overrides,
  };
}

export function ok(partial: Partial<Extract<FunctionOutcome, { ok: true }>> = {}): FunctionOutcome {
  return { ok: true, said: [], action: null, hangup: false, state: {}, metrics: [], logs: [], ...partial };
}
