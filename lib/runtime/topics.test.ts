import { describe, expect, it } from "vitest";
import { startCall, step } from "./engine";
import { matchTopic } from "./topics";
import { demoAgent, demoCall, DESTINATIONS, ok } from "./testing/demo-agent";
import { demoTopics } from "../topics/demo";
import type { CallEvent, RuntimeTopic, Session } from "./types";

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
const TOPICS = demoTopics((name) => DESTINATIONS.find((d) => d.name === name)?.id ?? null);
const HUMAN_QUESTION = "I need to speak with the manager";
const human: RuntimeTopic = {
  ...TOPICS[1]!,
  sampleQuestions: [HUMAN_QUESTION],
};
const hours = TOPICS[0]!;

function call(topics: readonly RuntimeTopic[], busy?: "busy") {
  const s = startCall(demoAgent({ topics }), demoCall(busy ? { behaviours: { "Front desk": "busy" } } : {}));
  return run(s, { type: "call_started" }).session;
}

describe("matchTopic", () => {
  it("matches an enabled topic's sample question with the listen matcher, and ignores disabled ones", () => {
    expect(matchTopic("when are you open", [hours])).toMatchObject({
      topic: { name: "Opening hours" },
      how: "example",
    });
    expect(matchTopic("when are you open", [{ ...hours, enabled: false }])).toBeNull();
    expect(matchTopic("the weather is nice", [hours, human])).toBeNull();
  });

  it("gives a tie to the earlier topic", () => {
    const twin = { ...hours, name: "Twin" };
    expect(matchTopic("when are you open", [twin, hours])!.topic.name).toBe("Twin");
  });
});

describe("topics at a listen step (docs/design.md §13)", () => {
  it("the node's own branches win over a topic that would match too", () => {
    const billingTopic: RuntimeTopic = {
      ...hours,
      name: "Bills",
      sampleQuestions: ["I have a question about my bill"],
    };
    const { session } = run(call([billingTopic]), say("I have a question about my bill"));
    expect(session.path).toContain("billing_handoff");
    expect(session.logs.some((l) => l.message.includes("topic"))).toBe(false);
  });

  it("no action: says the content, asks the question again, and does not count a failed attempt", () => {
    const { session, effects } = run(call([hours]), say("When are you open?"));
    expect(session.status).toBe("awaiting_input");
    expect(session.turns.slice(-2).map((t) => t.text)).toEqual([
      hours.content,
      "You can ask about billing, or ask to speak to a person.",
    ]);
    expect(session.attempts.intent).toBe(0);
    expect(effects.at(-1)).toEqual({ type: "listen", nodeId: "intent" });
    expect(session.logs).toContainEqual(
      expect.objectContaining({
        message: 'Matched topic "Opening hours" by example',
        fields: expect.objectContaining({ node: "intent", topic: "Opening hours", action: "none" }),
      }),
    );
    // The branches still work after a topic answered.
    expect(run(session, say("billing")).session.path).toContain("billing_handoff");
  });

  it("builtin-handoff: the utterance, then the REFER ladder, recorded with source topic and the topic's name", () => {
    const { session } = run(call([hours, human]), say(HUMAN_QUESTION));
    expect(session.outcome).toBe("handoff");
    expect(session.handoff).toMatchObject({
      destination: "Front desk",
      method: "refer",
      reason: "needs_human",
      utterance: "Of course, let me get someone for you.",
      source: "topic",
      topic: "Speak to a human",
      function: null,
      node_id: "intent",
      outcome: "completed",
    });
    const labels = session.sipTrace!.messages.filter((m) => m.kind === "sip").map((m) => m.label);
    expect(labels).toContain("REFER");
    expect(labels).toContain("202 Accepted");
    expect(session.turns.find((t) => t.role === "agent" && t.text.startsWith("Of course"))).toBeDefined();
  });

  it("builtin-handoff to the agent default, and a busy destination returns to the question", () => {
    const toDefault: RuntimeTopic = {
      ...human,
      action: { ...(human.action as object), destinationId: null } as RuntimeTopic["action"],
    };
    const busy = run(call([toDefault], "busy"), say(HUMAN_QUESTION)).session;
    expect(busy.status).toBe("awaiting_input");
    expect(busy.handoff).toMatchObject({ destination: "Front desk", source: "topic", outcome: "busy" });
    expect(busy.turns.slice(-2).map((t) => t.text)).toEqual([
      "I couldn't connect you right now.",
      "You can ask about billing, or ask to speak to a person.",
    ]);
  });

  it("builtin-handoff whose destination is gone fails the call with the reason", () => {
    const gone: RuntimeTopic = {
      ...human,
      action: { kind: "builtin-handoff", destinationId: "hd_gone", reason: "", utterance: "" },
    };
    const { session } = run(call([gone]), say(HUMAN_QUESTION));
    expect(session.outcome).toBe("failed");
    expect(session.endReason).toBe("destination_deleted");
  });

  it("function: runs it like a function node; a conv.handoff it makes names the topic", () => {
    const fnTopic: RuntimeTopic = { ...human, name: "Route me", action: { kind: "function", functionName: "route" } };
    const agent = demoAgent({ topics: [fnTopic], functions: [{ name: "route", code: "def route(conv): pass" }] });
    const started = run(startCall(agent, demoCall()), { type: "call_started" }, say(HUMAN_QUESTION));
    expect(started.session.status).toBe("awaiting_function");
    expect(started.session.pending).toMatchObject({
      functionName: "route",
      purpose: "topic",
      topic: "Route me",
      nodeId: "intent",
    });

    const said = step(started.session, {
      type: "function_result",
      requestId: started.session.pending!.requestId,
      outcome: ok({ said: ["Our address is 1 Main St."] }),
    }).session;
    // The function's answer ends its turn (end_turn defaults to True): the agent listens at once.
    expect(said.status).toBe("awaiting_input");
    expect(said.turns.at(-1)!.text).toBe("Our address is 1 Main St.");
    // end_turn False: it speaks and goes on in the same turn, with the node's question again.
    const goesOn = step(started.session, {
      type: "function_result",
      requestId: started.session.pending!.requestId,
      outcome: ok({ said: ["Our address is 1 Main St."], endTurn: false }),
    }).session;
    expect(goesOn.status).toBe("awaiting_input");
    expect(goesOn.turns.slice(-2).map((t) => t.text)).toEqual([
      "Our address is 1 Main St.",
      "You can ask about billing, or ask to speak to a person.",
    ]);

    const handed = step(started.session, {
      type: "function_result",
      requestId: started.session.pending!.requestId,
      outcome: ok({
        action: {
          kind: "handoff",
          destination: "Billing Support",
          reason: null,
          utterance: null,
          sip_headers: null,
          route: null,
        },
      }),
    }).session;
    expect(handed.handoff).toMatchObject({
      destination: "Billing Support",
      source: "function",
      function: "route",
      topic: "Route me",
    });
  });

  it("no topic matches: the usual re-prompt and no_match", () => {
    const { session } = run(call([hours, human]), say("the weather is nice"));
    expect(session.attempts.intent).toBe(1);
    expect(session.turns.at(-1)!.text).toMatch(/^Sorry, I didn't catch that/);
  });
});
