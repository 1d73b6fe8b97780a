import { describe, expect, it } from "vitest";
import { startCall, step } from "./engine";
import { demoAgent, demoCall, ok } from "./testing/demo-agent";
import type { CallEvent, Session } from "./types";

function run(session: Session, ...events: CallEvent[]) {
  const effects = [];
  let s = session;
  for (const e of events) {
    const r = step(s, e);
    s = r.session;
    effects.push(...r.effects);
  }
  return { session: s, effects };
}

const say = (text: string): CallEvent => ({ type: "user_utterance", text });
const methods = (s: Session) => s.sipTrace!.messages.filter((m) => m.kind === "sip").map((m) => m.label);

describe("demo flow", () => {
  it("greets, listens and waits", () => {
    const { session, effects } = run(startCall(demoAgent(), demoCall()), { type: "call_started" });
    expect(session.status).toBe("awaiting_input");
    expect(session.path).toEqual(["start", "intent"]);
    expect(session.turns.map((t) => t.text)).toEqual([
      "Thanks for calling Acme. How can I help you today?",
      "You can ask about billing, or ask to speak to a person.",
    ]);
    expect(effects.map((e) => e.type)).toEqual(["node_entered", "say", "node_entered", "say", "listen"]);
  });

  it("a billing question reaches Billing Support by INVITE with headers resolved", () => {
    const { session } = run(
      startCall(demoAgent(), demoCall()),
      { type: "call_started" },
      say("I have a question about my bill"),
    );
    expect(session.status).toBe("ended");
    expect(session.outcome).toBe("handoff");
    expect(session.path).toEqual(["start", "intent", "tier", "billing_handoff"]);
    expect(session.handoff).toEqual({
      destination: "Billing Support",
      method: "invite",
      route: "sip:billing@pbx.acme.example",
      reason: "billing",
      utterance: "Let me connect you to our billing team. Your customer id is abc123.",
      sip_headers: [
        { name: "X-Customer-ID", value: "abc123" },
        { name: "X-Caller-ID", value: "+14155550123" },
      ],
      source: "builtin",
      function: null,
      topic: null,
      node_id: "billing_handoff",
      soft: false,
      outcome: "completed",
      sip_status: 200,
      attempts: [
        {
          destination: "Billing Support",
          method: "invite",
          outcome: "completed",
          sip_status: 200,
          at: session.sipTrace!.messages.find((m) => m.label === "INVITE" && m.to === "destination")!.at,
        },
      ],
    });
    const invite = session.sipTrace!.messages.find((m) => m.label.startsWith("INVITE") && m.to === "destination")!;
    expect(invite.raw).toContain("X-Customer-ID: abc123\r\n");
    expect(invite.raw).toContain("X-Handoff-Reason: billing\r\n");
  });

  it("asking for a person reaches the front desk by REFER", () => {
    const { session } = run(
      startCall(demoAgent(), demoCall()),
      { type: "call_started" },
      say("Can I speak to a person please"),
    );
    expect(session.handoff).toMatchObject({
      destination: "Front desk",
      method: "refer",
      reason: "needs_human",
      source: "builtin",
    });
    const labels = methods(session);
    const refer = labels.findIndex((l) => l.startsWith("REFER"));
    expect(refer).toBeGreaterThan(0);
    expect(labels.slice(refer).join(" | ")).toMatch(/REFER.*202.*NOTIFY.*200.*NOTIFY.*200.*BYE.*200/);
  });

  it("re-prompts once, then takes no_match to the hand back", () => {
    const first = run(startCall(demoAgent(), demoCall()), { type: "call_started" }, say("purple elephants"));
    expect(first.session.status).toBe("awaiting_input");
    expect(first.session.turns.at(-1)?.text).toBe(
      "Sorry, I didn't catch that. You can ask about billing, or ask to speak to a person.",
    );
    const second = run(first.session, say("still purple"));
    expect(second.session.path.slice(-2)).toEqual(["sorry", "back_to_ivr"]);
    expect(second.session.handoff).toMatchObject({
      destination: "Hand back to IVR",
      method: "bye",
      route: null,
      reason: "no_availability",
    });
    expect(methods(second.session).at(-2)).toBe("BYE");
  });

  it("a handoff whose destination was deleted fails the call with reason destination_deleted, naming it", () => {
    // What deleting Billing Support leaves on its nodes: the stale id and the name it had.
    const agent = demoAgent();
    const withoutBilling = {
      ...agent,
      destinations: agent.destinations.filter((d) => d.name !== "Billing Support"),
      flow: {
        ...agent.flow,
        nodes: agent.flow.nodes.map((n) =>
          n.id === "billing_handoff" ? { ...n, data: { ...n.data, deletedDestinationName: "Billing Support" } } : n,
        ),
      },
    } as typeof agent;
    const { session, effects } = run(
      startCall(withoutBilling, demoCall()),
      { type: "call_started" },
      say("I have a question about my bill"),
    );
    expect(session.status).toBe("ended");
    expect(session.outcome).toBe("failed");
    expect(session.endReason).toBe("destination_deleted");
    expect(session.handoff).toBeNull();
    expect(session.sipTrace).toBeNull();
    expect(session.logs).toContainEqual(
      expect.objectContaining({
        level: "error",
        message: "Deleted destination: Billing Support: the handoff's destination was deleted",
        fields: { node: "billing_handoff" },
      }),
    );
    expect(session.turns.at(-1)!.text).toBe("I'm sorry, I can't transfer your call right now.");
    expect(effects.at(-1)).toEqual({ type: "hang_up", reason: "destination_deleted" });
  });

  it("a handoff with no destination and no default fails the call as handoff_error", () => {
    const agent = demoAgent();
    const flow = {
      ...agent.flow,
      nodes: agent.flow.nodes.map((n) =>
        n.id === "billing_handoff" ? { ...n, data: { ...n.data, destinationId: null } } : n,
      ),
    } as typeof agent.flow;
    const { session } = run(
      startCall(
        { ...agent, flow, destinations: agent.destinations.map((d) => ({ ...d, isDefault: false })) },
        demoCall(),
      ),
      { type: "call_started" },
      say("I have a question about my bill"),
    );
    expect([session.outcome, session.endReason]).toEqual(["failed", "handoff_error"]);
  });

  it("goodbye ends the call with a hang-up", () => {
    const { session, effects } = run(
      startCall(demoAgent(), demoCall()),
      { type: "call_started" },
      say("that's all, goodbye"),
    );
    expect(session.outcome).toBe("hangup");
    expect(session.handoff).toBeNull();
    expect(effects.at(-1)).toEqual({ type: "hang_up", reason: "end_node" });
  });

  it("DTMF is matched like words", () => {
    const agent = demoAgent();
    agent.flow.nodes.find((n) => n.id === "intent")!.data = {
      ...(agent.flow.nodes.find((n) => n.id === "intent")!.data as object),
      branches: [{ id: "person", label: "Person", examples: [], keywords: ["0"] }],
    } as never;
    const { session } = run(startCall(agent, demoCall()), { type: "call_started" }, { type: "dtmf", digits: "0" });
    expect(session.turns.find((t) => t.role === "caller")?.text).toBe("DTMF 0");
    expect(session.handoff?.destination).toBe("Front desk");
  });

  it("a caller hanging up abandons the call", () => {
    const { session } = run(startCall(demoAgent(), demoCall()), { type: "call_started" }, { type: "caller_hangup" });
    expect(session.outcome).toBe("abandoned");
    const after = step(session, say("hello?"));
    expect(after.session.turns).toHaveLength(session.turns.length);
    expect(after.session.logs.at(-1)?.message).toContain("the call has ended");
  });
});

describe("override functions", () => {
  const gold = () =>
    run(
      startCall(demoAgent({ override: "route_vip" }), demoCall({ variables: { customer_id: "abc123", tier: "gold" } })),
      { type: "call_started" },
      say("question about my bill"),
    );

  it("asks the host to run the override with conv.state", () => {
    const { session, effects } = gold();
    expect(session.status).toBe("awaiting_function");
    const req = effects.find((e) => e.type === "run_function");
    expect(req).toMatchObject({
      type: "run_function",
      request: {
        functionName: "route_vip",
        purpose: "override",
        nodeId: "vip",
        state: { customer_id: "abc123", tier: "gold" },
      },
    });
  });

  it("transfer_call wins over the node's destination", () => {
    const { session } = gold();
    const { session: done } = run(session, {
      type: "function_result",
      requestId: session.pending!.requestId,
      outcome: ok({
        action: {
          kind: "transfer_call",
          route: "sip:vip@pbx.acme.example",
          method: "refer",
          sip_headers: [{ name: "X-Tier", value: "gold" }],
          reason: "vip",
          utterance: null,
          soft: false,
          whisper: null,
        },
        metrics: [{ name: "vip_transfer", value: 1 }],
        logs: [{ level: "info", message: "routing VIP" }],
        state: { customer_id: "abc123", tier: "gold" },
      }),
    });
    expect(done.handoff).toMatchObject({
      source: "transfer_call",
      function: "route_vip",
      route: "sip:vip@pbx.acme.example",
      method: "refer",
      reason: "vip",
      destination: null,
      sip_headers: [{ name: "X-Tier", value: "gold" }],
    });
    expect(done.metrics).toMatchObject([{ name: "vip_transfer", value: 1 }]);
    expect(done.logs.find((l) => l.source === "route_vip")?.message).toBe("routing VIP");
  });

  it("an override that does not transfer leaves the node's handoff (builtin)", () => {
    const { session } = gold();
    const { session: done } = run(session, {
      type: "function_result",
      requestId: session.pending!.requestId,
      outcome: ok({ state: { tier: "gold", customer_id: "abc123" } }),
    });
    expect(done.handoff).toMatchObject({ source: "builtin", destination: "Billing Support", function: null });
  });

  it("a failing override falls back to the node and logs the error", () => {
    const { session } = gold();
    const { session: done } = run(session, {
      type: "function_result",
      requestId: session.pending!.requestId,
      outcome: { ok: false, error: { type: "KeyError", message: "'x'", line: 3 }, logs: [], metrics: [] },
    });
    expect(done.handoff?.source).toBe("builtin");
    expect(done.logs.some((l) => l.level === "error" && l.message.includes("KeyError"))).toBe(true);
  });

  it("ignores results for requests that are not pending", () => {
    const { session } = gold();
    const r = step(session, { type: "function_result", requestId: "nope", outcome: ok() });
    expect(r.session.status).toBe("awaiting_function");
  });
});

describe("determinism", () => {
  it("same inputs give the same session and trace; another seed another call id", () => {
    const a = run(startCall(demoAgent(), demoCall()), { type: "call_started" }, say("my bill"));
    const b = run(startCall(demoAgent(), demoCall()), { type: "call_started" }, say("my bill"));
    expect(JSON.stringify(a.session)).toBe(JSON.stringify(b.session));
    const c = run(startCall(demoAgent(), demoCall({ seed: "other" })), { type: "call_started" }, say("my bill"));
    expect(c.session.conversationId).not.toBe(a.session.conversationId);
    expect(c.session.sipTrace!.messages[0]!.raw).not.toBe(a.session.sipTrace!.messages[0]!.raw);
  });

  it("never mutates the session it was given", () => {
    const s0 = run(startCall(demoAgent(), demoCall()), { type: "call_started" }).session;
    const frozen = JSON.stringify(s0);
    step(s0, say("my bill"));
    expect(JSON.stringify(s0)).toBe(frozen);
  });
});

describe("busy destination", () => {
  it("records a failed transfer and goes back to the question", () => {
    const { session } = run(
      startCall(demoAgent(), demoCall({ behaviours: { "front desk": "busy" } })),
      { type: "call_started" },
      say("speak to a person"),
    );
    expect(session.handoff).toMatchObject({ destination: "Front desk", outcome: "busy", sip_status: 486 });
    expect(session.status).toBe("awaiting_input");
    expect(session.currentNodeId).toBe("intent");
    expect(session.turns.some((t) => t.text === "I couldn't connect you right now.")).toBe(true);
    expect(session.sipTrace!.messages.some((m) => m.raw.includes("486 Busy Here"))).toBe(true);
  });
});
