import { describe, expect, it } from "vitest";
import { conversationInputSchema } from "../conversations/schema";
import type { RunResult } from "../functions/types";
import { startCall } from "../runtime";
import { demoAgent, demoCall, ok } from "../runtime/testing/demo-agent";
import { conversationFromSession, simulateScript, toOutcome } from ".";

const base: RunResult = {
  ok: true,
  returnValue: null,
  returnRepr: null,
  says: ["One moment."],
  utterance: "Transferring you.",
  endTurn: true,
  hangup: false,
  flow: null,
  handoff: null,
  metrics: [{ name: "m", value: 2 }],
  logs: [{ level: "print", message: "hi", fields: {} }],
  state: { tier: "gold", count: 3 },
  error: null,
  durationMs: 1,
};

describe("toOutcome", () => {
  it("maps says, utterance, state, logs and transfers", () => {
    const o = toOutcome({
      ...base,
      handoff: {
        source: "transfer_call",
        destination: null,
        method: "refer",
        route: "sip:vip@x.example",
        sipHeaders: [{ name: "X-A", value: "1" }],
        referHeaderPlacement: "request",
        reason: "vip",
        utterance: null,
        soft: true,
        whisper: "VIP caller",
      },
    });
    expect(o).toMatchObject({
      ok: true,
      said: ["One moment.", "Transferring you."],
      state: { tier: "gold", count: "3" },
      logs: [{ level: "info", message: "hi" }],
      action: { kind: "transfer_call", route: "sip:vip@x.example", soft: true, whisper: "VIP caller", reason: "vip" },
    });
  });

  it("maps errors and timeouts", () => {
    const o = toOutcome({
      ...base,
      ok: false,
      error: {
        kind: "timeout",
        type: "TimeoutError",
        message: "ran longer than 2 s",
        traceback: "",
        line: null,
        column: null,
        endLine: null,
        endColumn: null,
      },
    });
    expect(o).toMatchObject({ ok: false, error: { type: "TimeoutError", timedOut: true } });
  });
});

describe("simulateScript and conversationFromSession", () => {
  it("runs a call with a function host and produces a valid conversation record", async () => {
    const agent = demoAgent({ override: "route_vip" });
    const calls: string[] = [];
    const { session } = await simulateScript(
      startCall(agent, demoCall({ variables: { tier: "gold", customer_id: "abc123" } })),
      [{ say: "my bill" }],
      async (req) => {
        calls.push(req.functionName);
        return ok({
          action: {
            kind: "transfer_call",
            route: "sip:vip@pbx.acme.example",
            method: "refer",
            sip_headers: null,
            reason: null,
            utterance: "VIP line.",
            soft: false,
            whisper: null,
          },
          state: req.state,
        });
      },
    );
    expect(calls).toEqual(["route_vip"]);
    const record = conversationFromSession(session, {
      agentId: "agt_1",
      flowId: "flow_1",
      startedAt: new Date("2026-01-01T00:00:00Z"),
    });
    const parsed = conversationInputSchema.parse(record);
    expect(parsed).toMatchObject({
      outcome: "handoff",
      handoff: {
        destination: "sip:vip@pbx.acme.example",
        source: "transfer_call",
        function: "route_vip",
        reason: "transfer_call",
        utterance: "VIP line.",
      },
      path: ["start", "intent", "tier", "vip"],
      node_titles: {
        start: "Start",
        intent: "What does the caller need?",
        tier: "Gold customer?",
        vip: "Priority billing (gold)",
      },
    });
    expect(parsed.turns[0]!.at).toBe("2026-01-01T00:00:00.000Z");
  });

  it("a script that runs out while the agent listens is an abandoned call; a busy transfer is not a handoff but is recorded", async () => {
    const idle = await simulateScript(startCall(demoAgent(), demoCall()), [], async () => ok());
    expect(conversationFromSession(idle.session, { agentId: "a", flowId: null, startedAt: new Date() }).outcome).toBe(
      "abandoned",
    );
    const busy = await simulateScript(
      startCall(demoAgent(), demoCall({ behaviours: { "*": "busy" } })),
      [{ say: "speak to a person" }],
      async () => ok(),
    );
    const record = conversationInputSchema.parse(
      conversationFromSession(busy.session, { agentId: "a", flowId: null, startedAt: new Date() }),
    );
    expect(record.outcome).toBe("abandoned");
    expect(record.handoff).toMatchObject({ destination: "Front desk", outcome: "busy", sip_status: 486 });
    expect(record.transfer_attempts).toEqual([
      { destination: "Front desk", method: "refer", outcome: "busy", sip_status: 486, at: expect.any(String) },
    ]);
    expect(record.sip_trace?.messages.some((m) => m.raw.includes("486 Busy Here"))).toBe(true);
  });

  it("a call that reaches an orphaned handoff is stored as failed with its end reason, not as a hang-up", async () => {
    const agent = demoAgent();
    const orphaned = { ...agent, destinations: agent.destinations.filter((d) => d.name !== "Billing Support") };
    const done = await simulateScript(
      startCall(orphaned, demoCall()),
      [{ say: "a question about my bill" }],
      async () => ok(),
    );
    const record = conversationInputSchema.parse(
      conversationFromSession(done.session, { agentId: "a", flowId: null, startedAt: new Date() }),
    );
    expect(record).toMatchObject({ outcome: "failed", end_reason: "destination_deleted", handoff: null });
    const hungUp = await simulateScript(startCall(agent, demoCall()), [{ say: "goodbye" }], async () => ok());
    expect(
      conversationFromSession(hungUp.session, { agentId: "a", flowId: null, startedAt: new Date() }),
    ).toMatchObject({ outcome: "hangup", end_reason: "end_node" });
  });
});
