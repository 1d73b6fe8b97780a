import { demoFlow, type FlowDocument } from "../../flow";
import type { AgentSetup, CallSetup, FunctionOutcome } from "../types";

export const DESTINATIONS: AgentSetup["destinations"] = [
  {
    id: "hd_front",
    name: "Front desk",
    method: "refer",
    route: "sip:frontdesk@pbx.acme.example",
    sipHeaders: [],
    referHeaderPlacement: "request",
    isDefault: true,
  },
  {
    id: "hd_billing",
    name: "Billing Support",
    method: "invite",
    route: "sip:billing@pbx.acme.example",
    sipHeaders: [
      { name: "X-Customer-ID", value: "$customer_id" },
      { name: "X-Caller-ID", value: "$caller_id" },
    ],
    referHeaderPlacement: "request",
    isDefault: false,
  },
  {
    id: "hd_ivr",
    name: "Hand back to IVR",
    method: "bye",
    route: null,
    sipHeaders: [],
    referHeaderPlacement: "request",
    isDefault: false,
  },
];

export function demoAgent(
  options: { override?: string | null; flow?: FlowDocument; functions?: AgentSetup["functions"] } = {},
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
