import { describe, expect, it } from "vitest";
import { headerValue, parseSipMessage, type SipMessage } from "../sip";
import { startCall, step } from "./engine";
import { DESTINATIONS, demoAgent, demoCall, ok } from "./testing/demo-agent";
import type { AgentSetup, CallEvent, CallSetup, Session } from "./types";

/**
 * Each kind of transfer through the runtime (not only the SIP engine): what the call does, what
 * the handoff record says and what the trace carries — for warm transfers, INVITE refusals, BYE
 * and REFER header placement.
 */

const say = (text: string): CallEvent => ({ type: "user_utterance", text });

function run(session: Session, ...events: CallEvent[]) {
  let s = session;
  for (const e of events) s = step(s, e).session;
  return s;
}

const sip = (s: Session) =>
  s.sipTrace!.messages.filter((m) => m.kind === "sip").map((m) => ({ m: parseSipMessage(m.raw), to: m.to }));
const requests = (s: Session, method: string): SipMessage[] =>
  sip(s)
    .map(({ m }) => m)
    .filter((m) => m.kind === "request" && m.method === method);
const statuses = (s: Session) =>
  sip(s)
    .map(({ m }) => m)
    .flatMap((m) => (m.kind === "response" ? [m.status] : []));

/** A gold caller reaches the override function; it answers with this transfer_call. */
function goldCallWith(action: Record<string, unknown>, behaviours?: CallSetup["behaviours"]): Session {
  const agent = demoAgent({ override: "route_vip" });
  const s = run(
    startCall(agent, demoCall({ variables: { customer_id: "abc123", tier: "gold" }, behaviours })),
    { type: "call_started" },
    say("I have a question about my bill"),
  );
  expect(s.status).toBe("awaiting_function");
  return step(s, {
    type: "function_result",
    requestId: s.pending!.requestId,
    outcome: ok({
      action: {
        kind: "transfer_call",
        route: "sip:vip@pbx.acme.example",
        method: "refer",
        sip_headers: null,
        reason: null,
        utterance: null,
        soft: false,
        whisper: null,
        ...action,
      } as never,
    }),
  }).session;
}

describe("transfer_call(soft=True): a warm transfer through the runtime", () => {
  it("answered: consultation INVITE, the whisper, REFER with Replaces, the call ends handed off and soft", () => {
    const s = goldCallWith({ soft: true, whisper: "A gold customer about a bill" });
    expect(s.outcome).toBe("handoff");
    expect(s.handoff).toMatchObject({ source: "transfer_call", soft: true, outcome: "completed" });
    const invites = sip(s).filter(({ m, to }) => m.kind === "request" && m.method === "INVITE" && to === "destination");
    expect(invites).toHaveLength(1);
    const whisper = s.sipTrace!.messages.find(
      (m) => m.kind === "media" && m.raw.includes("A gold customer about a bill"),
    );
    expect(whisper).toBeDefined();
    const [refer] = requests(s, "REFER");
    expect(headerValue(refer!, "Refer-To")).toContain("Replaces=");
    // The consultation comes first, then the whisper, then the REFER.
    const labels = s.sipTrace!.messages.map((m) => m.label);
    expect(labels.indexOf("INVITE")).toBeLessThan(labels.findIndex((l) => l.includes("whispers")));
    expect(labels.findIndex((l) => l.includes("whispers"))).toBeLessThan(labels.indexOf("REFER"));
  });

  it("busy: the consultation INVITE gets 486, no REFER is sent, the agent stays and says the fallback line", () => {
    const s = goldCallWith({ soft: true, whisper: "hello" }, { "sip:vip@pbx.acme.example": "busy", "*": "busy" });
    expect(s.handoff).toMatchObject({ source: "transfer_call", soft: true, outcome: "busy", sip_status: 486 });
    expect(statuses(s)).toContain(486);
    expect(requests(s, "REFER")).toEqual([]);
    expect(s.status).toBe("awaiting_input");
    expect(s.turns.some((t) => t.text === "I couldn't connect you right now.")).toBe(true);
  });

  it("a whisper without soft is not said, and the transfer is cold", () => {
    const s = goldCallWith({ soft: false });
    expect(s.handoff).toMatchObject({ soft: false, outcome: "completed" });
    expect(s.sipTrace!.messages.some((m) => m.label.includes("whispers"))).toBe(false);
  });
});

describe("INVITE refused at runtime level", () => {
  it("Billing Support busy: 486, an ACK on the INVITE's branch, the record says busy, the agent stays on the call", () => {
    const s = run(
      startCall(demoAgent(), demoCall({ behaviours: { "Billing Support": "busy" } })),
      { type: "call_started" },
      say("I have a question about my bill"),
    );
    expect(s.handoff).toMatchObject({
      destination: "Billing Support",
      method: "invite",
      outcome: "busy",
      sip_status: 486,
    });
    const [invite] = requests(s, "INVITE").filter((m) => m.kind === "request" && m.uri.includes("billing"));
    expect(invite).toBeDefined();
    const callId = headerValue(invite!, "Call-ID");
    const acks = requests(s, "ACK").filter((m) => headerValue(m, "Call-ID") === callId);
    expect(acks).toHaveLength(1);
    const ack = acks[0];
    expect(headerValue(ack!, "Via")!.split(";branch=")[1]).toBe(headerValue(invite!, "Via")!.split(";branch=")[1]);
    expect(s.outcome).not.toBe("handoff");
    expect(s.status).toBe("awaiting_input");
  });
});

describe("BYE can never be busy", () => {
  const byeFrontDesk: AgentSetup = {
    ...demoAgent(),
    destinations: DESTINATIONS.map((d) =>
      d.name === "Front desk" ? { ...d, method: "bye" as const, route: null, sipHeaders: [] } : d,
    ),
  };

  for (const behaviour of ["busy", "no_answer", "declines"] as const) {
    it(`a BYE destination told "${behaviour}" still hands the call back: completed, no failure status`, () => {
      const s = run(
        startCall(byeFrontDesk, demoCall({ behaviours: { "Front desk": behaviour } })),
        { type: "call_started" },
        say("speak to a person"),
      );
      expect(s.handoff).toMatchObject({ destination: "Front desk", method: "bye", outcome: "completed" });
      expect(s.handoff!.attempts).toHaveLength(1);
      expect(statuses(s).filter((c) => c >= 300)).toEqual([]);
      expect(requests(s, "BYE")).toHaveLength(1);
      expect(s.outcome).toBe("handoff");
    });
  }
});

describe("REFER header placement `both`, end to end", () => {
  it("the destination's headers go on the REFER and into the Refer-To URI, with $variables resolved", () => {
    const agent: AgentSetup = {
      ...demoAgent(),
      destinations: DESTINATIONS.map((d) =>
        d.name === "Front desk"
          ? {
              ...d,
              referHeaderPlacement: "both" as const,
              sipHeaders: [{ name: "X-Customer-ID", value: "$customer_id" }],
            }
          : d,
      ),
    };
    const s = run(startCall(agent, demoCall()), { type: "call_started" }, say("speak to a person"));
    expect(s.handoff).toMatchObject({ destination: "Front desk", method: "refer", outcome: "completed" });
    const [refer] = requests(s, "REFER");
    expect(headerValue(refer!, "X-Customer-ID")).toBe("abc123");
    expect(headerValue(refer!, "Refer-To")).toMatch(/^<sip:frontdesk@pbx\.acme\.example\?[^>]*X-Customer-ID=abc123/);
    expect(s.handoff!.sip_headers).toEqual(expect.arrayContaining([{ name: "X-Customer-ID", value: "abc123" }]));
  });

  it("`request` keeps them off the Refer-To URI and `refer-to-uri` keeps them off the REFER", () => {
    const withPlacement = (placement: "request" | "refer-to-uri") =>
      run(
        startCall(
          {
            ...demoAgent(),
            destinations: DESTINATIONS.map((d) =>
              d.name === "Front desk"
                ? {
                    ...d,
                    referHeaderPlacement: placement,
                    sipHeaders: [{ name: "X-Customer-ID", value: "$customer_id" }],
                  }
                : d,
            ),
          },
          demoCall(),
        ),
        { type: "call_started" },
        say("speak to a person"),
      );
    const onRequest = requests(withPlacement("request"), "REFER")[0]!;
    expect(headerValue(onRequest, "X-Customer-ID")).toBe("abc123");
    expect(headerValue(onRequest, "Refer-To")).not.toContain("X-Customer-ID");
    const inUri = requests(withPlacement("refer-to-uri"), "REFER")[0]!;
    expect(headerValue(inUri, "X-Customer-ID")).toBeUndefined();
    expect(headerValue(inUri, "Refer-To")).toContain("X-Customer-ID=abc123");
  });
});
