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

/** The demo flow with a Failed branch on the billing handoff: a say node, then the end node. */
function withBillingFallback(extra: Partial<{ fallbackLine: string }> = {}, connect = true): AgentSetup {
  const agent = demoAgent();
  const flow = agent.flow;
  const nodes = flow.nodes.map((n) =>
    n.id === "billing_handoff" && n.type === "handoff" ? { ...n, data: { ...n.data, ...extra } } : n,
  );
  const fallback = {
    id: "billing_busy",
    type: "say" as const,
    position: { x: 0, y: 0 },
    data: { utterance: "Billing is busy right now; we will call you back." },
  };
  const edges = connect
    ? [
        ...flow.edges,
        { id: "e_billing_failed", source: "billing_handoff", sourceHandle: "failed", target: "billing_busy" },
        { id: "e_billing_busy_next", source: "billing_busy", sourceHandle: "next", target: "end" },
      ]
    : flow.edges;
  return { ...agent, flow: { ...flow, nodes: [...nodes, fallback], edges } };
}

describe("the handoff node's Failed branch", () => {
  it("a failed transfer takes the Failed edge: no fallback line, the branch's node runs, the record stays failed", () => {
    const s = call(withBillingFallback(), { "Billing Support": "busy" }, "I have a question about my bill");
    expect(s.handoff).toMatchObject({ destination: "Billing Support", outcome: "busy", sip_status: 486 });
    expect(s.path.slice(-3)).toEqual(["billing_handoff", "billing_busy", "end"]);
    const texts = s.turns.map((t) => t.text);
    expect(texts).toContain("Billing is busy right now; we will call you back.");
    expect(texts).not.toContain("I couldn't connect you right now.");
    expect(s.outcome).toBe("hangup");
    expect(s.endReason).toBe("end_node");
    expect(s.transferAttempts).toEqual([expect.objectContaining({ destination: "Billing Support", outcome: "busy" })]);
  });

  it("a completed transfer never takes the Failed edge", () => {
    const s = call(withBillingFallback(), undefined, "I have a question about my bill");
    expect(s.outcome).toBe("handoff");
    expect(s.path).not.toContain("billing_busy");
  });

  it("the Failed edge is taken only after the last attempt", () => {
    const agent = withBillingFallback();
    const billingTwice = {
      ...agent,
      destinations: agent.destinations.map((d) => (d.name === "Billing Support" ? { ...d, attempts: 2 } : d)),
    };
    const retried = call(billingTwice, { "Billing Support": ["busy", "answers"] }, "I have a question about my bill");
    expect(retried.outcome).toBe("handoff");
    expect(retried.path).not.toContain("billing_busy");
    const failed = call(billingTwice, { "Billing Support": "unreachable" }, "I have a question about my bill");
    expect(failed.handoff!.attempts.map((a) => a.sip_status)).toEqual([404, 404]);
    expect(failed.path.at(-2)).toBe("billing_busy");
  });

  it("without the edge the node's own fallback line is said, then the last question again", () => {
    const s = call(
      withBillingFallback({ fallbackLine: "Billing is on another call, $customer_id." }, false),
      { "Billing Support": "declines" },
      "I have a question about my bill",
    );
    const texts = s.turns.map((t) => t.text);
    const line = texts.indexOf("Billing is on another call, abc123.");
    expect(line).toBeGreaterThan(0);
    expect(texts[line + 1]).toBe("You can ask about billing, or ask to speak to a person.");
    expect(texts).not.toContain("I couldn't connect you right now.");
    expect(s.status).toBe("awaiting_input");
  });

  it("a blank fallback line means the default one", () => {
    const s = call(
      withBillingFallback({ fallbackLine: "   " }, false),
      { "Billing Support": "busy" },
      "I have a question about my bill",
    );
    expect(s.turns.map((t) => t.text)).toContain("I couldn't connect you right now.");
  });
});

describe("conv.last_transfer", () => {
  const transferTo = (route: string) =>
    ok({
      // The function keeps conv.state as it was (an outcome's state replaces the call's).
      state: { customer_id: "abc123", tier: "gold" },
      action: {
        kind: "transfer_call",
        route,
        method: "invite",
        sip_headers: null,
        reason: null,
        utterance: null,
        soft: false,
        whisper: null,
      },
    });

  it("is null until a transfer fails, then the next function run sees outcome, status and attempts", () => {
    const agent = demoAgent({ override: "route_vip" });
    let s = run(
      startCall(agent, demoCall({ variables: { customer_id: "abc123", tier: "gold" }, behaviours: { "*": "busy" } })),
      { type: "call_started" },
      say("I have a question about my bill"),
    );
    expect(s.pending!.lastTransfer).toBeNull();
    s = step(s, {
      type: "function_result",
      requestId: s.pending!.requestId,
      outcome: transferTo("sip:vip@pbx.acme.example"),
    }).session;
    expect(s.status).toBe("awaiting_input");
    // The caller asks again: the override runs again and reads the failed transfer.
    s = step(s, say("I have a question about my bill")).session;
    expect(s.status).toBe("awaiting_function");
    expect(s.pending!.lastTransfer).toEqual({
      destination: "sip:vip@pbx.acme.example",
      method: "invite",
      outcome: "busy",
      sip_status: 486,
      attempts: [{ outcome: "busy", sip_status: 486 }],
    });
  });
});
