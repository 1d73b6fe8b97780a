import { describe, expect, it } from "vitest";
import { cseqOf, parseSipMessage } from "../sip";
import { startCall, step } from "./engine";
import { DESTINATIONS, demoAgent, demoCall, ok } from "./testing/demo-agent";
import type { AgentSetup, CallEvent, CallSetup, Session } from "./types";

function run(session: Session, ...events: CallEvent[]) {
  let s = session;
  for (const e of events) s = step(s, e).session;
  return s;
}

const say = (text: string): CallEvent => ({ type: "user_utterance", text });

/** The demo agent with Front desk (REFER, the "person" branch) allowed `attempts` tries. */
function agentWith(attempts: number, ringTimeoutSeconds = 30): AgentSetup {
  const agent = demoAgent();
  return {
    ...agent,
    destinations: DESTINATIONS.map((d) => (d.name === "Front desk" ? { ...d, attempts, ringTimeoutSeconds } : d)),
  };
}

function call(agent: AgentSetup, behaviours: CallSetup["behaviours"], ...turns: string[]) {
  return run(startCall(agent, demoCall({ behaviours })), { type: "call_started" }, ...turns.map(say));
}

const sipRequests = (s: Session, method: string) =>
  s
    .sipTrace!.messages.filter((m) => m.kind === "sip")
    .map((m) => parseSipMessage(m.raw))
    .filter((m) => m.kind === "request" && m.method === method);

describe("retries: a destination's attempts", () => {
  it("busy, then answered on the second attempt: one handoff, two attempts, the call ends handed off", () => {
    const s = call(agentWith(2), { "Front desk": ["busy", "answers"] }, "speak to a person");
    expect(s.outcome).toBe("handoff");
    expect(s.handoff).toMatchObject({ destination: "Front desk", outcome: "completed", sip_status: 200 });
    expect(s.handoff!.attempts.map((a) => [a.outcome, a.sip_status])).toEqual([
      ["busy", 486],
      ["completed", 200],
    ]);
    expect(s.transferAttempts).toEqual(s.handoff!.attempts);
    expect(sipRequests(s, "REFER").map(cseqOf)).toEqual([
      { seq: 1, method: "REFER" },
      { seq: 2, method: "REFER" },
    ]);
    expect(s.turns.some((t) => t.text === "I couldn't connect you right now.")).toBe(false);
  });

  it("every attempt fails: the agent says the fallback line, asks the last question again, the clock moves on", () => {
    const s = call(agentWith(3, 10), { "front DESK": "no_answer" }, "speak to a person");
    expect(s.status).toBe("awaiting_input");
    expect(s.currentNodeId).toBe("intent");
    expect(s.handoff).toMatchObject({ outcome: "no_answer", sip_status: 480 });
    expect(s.handoff!.attempts).toHaveLength(3);
    const texts = s.turns.map((t) => t.text);
    expect(texts).toContain(
      "Transfer to Front desk failed: no answer (480 Temporarily Unavailable) after 3 attempts; the agent stays on the call",
    );
    const fallback = texts.indexOf("I couldn't connect you right now.");
    expect(fallback).toBeGreaterThan(0);
    expect(texts[fallback + 1]).toBe("You can ask about billing, or ask to speak to a person.");
    // Three rings of 10 s each happened on the call.
    expect(s.turns.at(-1)!.at).toBeGreaterThan(30_000);
    expect(s.handoff!.attempts[2]!.at - s.handoff!.attempts[0]!.at).toBeGreaterThan(20_000);
  });

  it("a behaviour for another destination, or none, leaves this one answering; `*` applies to all", () => {
    expect(call(agentWith(1), { "Billing Support": "busy" }, "speak to a person").outcome).toBe("handoff");
    expect(call(agentWith(1), undefined, "speak to a person").outcome).toBe("handoff");
    expect(call(agentWith(1), { "*": "declines" }, "speak to a person").handoff).toMatchObject({
      outcome: "declined",
      sip_status: 603,
    });
  });
});

describe("several handoffs in one call", () => {
  it("a second handoff after a failed one continues the same dialog; the conversation keeps every attempt", () => {
    const s = call(
      agentWith(1),
      { "Front desk": "busy", "Billing Support": "answers" },
      "speak to a person",
      "I have a question about my bill",
    );
    expect(s.outcome).toBe("handoff");
    expect(s.handoff).toMatchObject({ destination: "Billing Support", outcome: "completed" });
    expect(s.transferAttempts.map((a) => [a.destination, a.outcome])).toEqual([
      ["Front desk", "busy"],
      ["Billing Support", "completed"],
    ]);
    // One inbound call, then the refused REFER, then Billing's INVITE, in one trace.
    const invites = sipRequests(s, "INVITE");
    expect(invites).toHaveLength(2);
    expect(sipRequests(s, "REFER")).toHaveLength(1);
    const labels = s.sipTrace!.messages.map((m) => m.label);
    expect(labels.indexOf("NOTIFY (486 Busy Here)")).toBeLessThan(labels.lastIndexOf("INVITE"));
    expect(s.transferAttempts[1]!.at).toBeGreaterThan(s.transferAttempts[0]!.at);
  });
});

describe("a failed transfer from a function", () => {
  it("transfer_call that is declined: the fallback line, then back to the question", () => {
    const agent: AgentSetup = { ...demoAgent({ override: "route_vip" }) };
    let s = run(
      startCall(
        agent,
        demoCall({ variables: { customer_id: "abc123", tier: "gold" }, behaviours: { "*": "declines" } }),
      ),
      { type: "call_started" },
      say("I have a question about my bill"),
    );
    expect(s.status).toBe("awaiting_function");
    s = step(s, {
      type: "function_result",
      requestId: s.pending!.requestId,
      outcome: ok({
        action: {
          kind: "transfer_call",
          route: "sip:vip@pbx.acme.example",
          method: "invite",
          sip_headers: null,
          reason: null,
          utterance: null,
          soft: false,
          whisper: null,
        },
      }),
    }).session;
    expect(s.handoff).toMatchObject({ source: "transfer_call", outcome: "declined", sip_status: 603 });
    expect(s.transferAttempts).toEqual([
      expect.objectContaining({ destination: "sip:vip@pbx.acme.example", method: "invite", outcome: "declined" }),
    ]);
    expect(s.turns.some((t) => t.text === "I couldn't connect you right now.")).toBe(true);
    expect(s.status).toBe("awaiting_input");
  });
});
