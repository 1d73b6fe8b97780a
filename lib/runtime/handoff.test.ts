import { describe, expect, it } from "vitest";
import type { FlowDocument } from "../flow";
import { startCall, step } from "./engine";
import { demoAgent, demoCall } from "./testing/demo-agent";

const at = { x: 0, y: 0 };

/** start → set (assignments) → handoff to Billing Support (INVITE, headers X-Customer-ID and X-Caller-ID). */
function handoffFlow(assignments: { variable: string; value: string }[]): FlowDocument {
  return {
    name: "t",
    nodes: [
      { id: "s", type: "start", position: at, data: { greeting: "" } },
      { id: "set", type: "set", position: at, data: { assignments } },
      {
        id: "h",
        type: "handoff",
        position: at,
        data: { destinationId: "hd_billing", reason: "billing", utterance: "", overrideFunction: null },
      },
    ],
    edges: [
      { id: "e1", source: "s", sourceHandle: "next", target: "set" },
      { id: "e2", source: "set", sourceHandle: "next", target: "h" },
    ],
  };
}

function handedOff(assignments: { variable: string; value: string }[]) {
  const { session } = step(startCall(demoAgent({ flow: handoffFlow(assignments) }), demoCall()), {
    type: "call_started",
  });
  const record = session.handoff!;
  const sent = session.sipTrace!.messages.find((m) => m.kind === "sip" && m.raw.includes("X-Customer-ID:"))!.raw;
  return { record, sent };
}

function headerIn(raw: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, "m").exec(raw)?.[1]?.replace(/\r$/, "");
}

describe("the handoff record's headers", () => {
  it("are the headers the ladder sent, reason included", () => {
    const { record, sent } = handedOff([{ variable: "customer_id", value: "c42" }]);
    expect(record.sip_headers).toEqual([
      { name: "X-Customer-ID", value: "c42" },
      { name: "X-Caller-ID", value: "+14155550123" },
    ]);
    for (const h of record.sip_headers) expect(headerIn(sent, h.name)).toBe(h.value);
    expect(headerIn(sent, "X-Handoff-Reason")).toBe(record.reason);
  });

  it("follow the call's own numbers even when the flow assigns a built-in (resolved once, not twice)", () => {
    // The inbound call's caller is fixed; a set node writing caller_id must not make the record
    // disagree with what went over the wire.
    const { record, sent } = handedOff([{ variable: "caller_id", value: "+19995550000" }]);
    const recorded = record.sip_headers.find((h) => h.name === "X-Caller-ID")?.value;
    expect(recorded).toBe(headerIn(sent, "X-Caller-ID"));
  });
});
