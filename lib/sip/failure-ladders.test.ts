import { describe, expect, it } from "vitest";
import { DESTINATION_BEHAVIOURS, type DestinationResponse } from "../handoffs/outcomes";
import { cseqOf, headerValue, type SipMessage, type SipRequest } from "./message";
import { buildHandoff } from "./trace";
import { input, run, shape } from "./testing/ladders";

const INBOUND = ["sbc>agent INVITE", "agent>sbc 100/INVITE", "agent>sbc 200/INVITE", "sbc>agent ACK"];
const RESUMES = "agent>sbc media";

const branch = (m: SipMessage) => headerValue(m, "Via")!.split(";branch=")[1]!;
const tag = (v: string) => /;tag=([^;]+)/.exec(v)?.[1];
type M = SipMessage;
/** The SIP messages after the inbound call (its four messages), for destructuring once the shape is checked. */
function after(sip: { model: SipMessage }[]): [M, M, M, M, M, M, M] {
  return sip.slice(4).map((s) => s.model) as [M, M, M, M, M, M, M];
}
const reject = (status: number): DestinationResponse => ({ kind: "reject", status });
const requests = (sip: { model: SipMessage }[], method: string) =>
  sip.map((s) => s.model).filter((m): m is SipRequest => m.kind === "request" && m.method === method);
const attemptsOf = (i: Parameters<typeof buildHandoff>[0]) =>
  buildHandoff(i).attempts.map((a) => ({ outcome: a.outcome, sipStatus: a.sipStatus }));

describe("INVITE refused: the final response, an ACK on the INVITE's branch, the agent resumes", () => {
  it.each([
    [486, "Busy Here", "busy"],
    [480, "Temporarily Unavailable", "no_answer"],
    [603, "Decline", "declined"],
    [404, "Not Found", "unreachable"],
  ] as const)("%i %s → %s", (status, phrase, outcome) => {
    const i = input({ behaviour: reject(status) }, { method: "invite" });
    const { steps, sip } = run(i);
    expect(shape(steps)).toEqual([
      ...INBOUND,
      "agent>destination INVITE",
      "destination>agent 100/INVITE",
      "destination>agent 180/INVITE",
      `destination>agent ${status}/INVITE`,
      "agent>destination ACK",
      RESUMES,
    ]);
    const [invite, , ringing, refusal, ack] = after(sip);
    expect(refusal!.kind === "response" && refusal.reason).toBe(phrase);
    expect(steps[7]!.label).toBe(`${status} ${phrase}`);
    expect(branch(ack!)).toBe(branch(invite!));
    expect(ack!.kind === "request" && invite!.kind === "request" && ack.uri === invite.uri).toBe(true);
    expect(cseqOf(ack!)).toEqual({ seq: cseqOf(invite!).seq, method: "ACK" });
    // The ACK's To carries the tag of the final response (the same tag the 180 used).
    expect(tag(headerValue(ack!, "To")!)).toBe(tag(headerValue(refusal!, "To")!));
    expect(tag(headerValue(ringing!, "To")!)).toBe(tag(headerValue(refusal!, "To")!));
    expect(headerValue(ack!, "Call-ID")).toBe(headerValue(invite!, "Call-ID"));
    expect(steps.at(-1)!.label).toBe("Agent resumes the call");
    expect(attemptsOf(i)).toEqual([{ outcome, sipStatus: status }]);
  });
});

describe("INVITE ring timeout: CANCEL → 200 (CANCEL) → 487 → ACK", () => {
  it("the CANCEL matches the INVITE's transaction and comes after the destination's ring timeout", () => {
    const i = input({ behaviour: "no_answer", ringTimeoutS: 12 }, { method: "invite" });
    const { steps, sip } = run(i);
    expect(shape(steps)).toEqual([
      ...INBOUND,
      "agent>destination INVITE",
      "destination>agent 100/INVITE",
      "destination>agent 180/INVITE",
      "agent>destination CANCEL",
      "destination>agent 200/CANCEL",
      "destination>agent 487/INVITE",
      "agent>destination ACK",
      RESUMES,
    ]);
    const [invite, , ringing, cancel, cancelled, terminated, ack] = after(sip);
    if (invite.kind !== "request" || cancel.kind !== "request") throw new Error("expected requests");
    // RFC 3261 §9.1: same Request-URI, Call-ID, To, From and CSeq number, one Via equal to the INVITE's top Via.
    expect(cancel.uri).toBe(invite.uri);
    expect(headerValue(cancel, "Via")).toBe(headerValue(invite, "Via"));
    for (const h of ["From", "To", "Call-ID"]) expect(headerValue(cancel, h)).toBe(headerValue(invite, h));
    expect(cseqOf(cancel)).toEqual({ seq: cseqOf(invite).seq, method: "CANCEL" });
    expect(cancel.body).toBe("");
    expect(headerValue(cancel, "Content-Type")).toBeUndefined();
    expect(cseqOf(cancelled!)).toEqual({ seq: cseqOf(invite).seq, method: "CANCEL" });
    expect(branch(cancelled!)).toBe(branch(invite));
    expect(terminated!.kind === "response" && terminated.reason).toBe("Request Terminated");
    expect(cseqOf(terminated!).method).toBe("INVITE");
    expect(tag(headerValue(cancelled!, "To")!)).toBe(tag(headerValue(terminated!, "To")!));
    expect(branch(ack!)).toBe(branch(invite));
    expect(cseqOf(ack!)).toEqual({ seq: cseqOf(invite).seq, method: "ACK" });
    expect(tag(headerValue(ack!, "To")!)).toBe(tag(headerValue(terminated!, "To")!));
    const ringAt = steps[6]!.at;
    const cancelAt = steps[7]!.at;
    expect(cancelAt - ringAt).toBeGreaterThanOrEqual(12_000);
    expect(cancelAt - ringAt).toBeLessThan(13_000);
    expect(ringing!.kind === "response" && ringing.status).toBe(180);
    expect(attemptsOf(i)).toEqual([{ outcome: "no_answer", sipStatus: 487 }]);
    expect(steps.at(-1)!.raw).toContain("Nobody answered within the ring timeout (12 s)");
  });

  it("the ring timeout defaults to 30 seconds", () => {
    const { steps } = run(input({ behaviour: "no_answer" }, { method: "invite" }));
    expect(steps[7]!.at - steps[6]!.at).toBeGreaterThanOrEqual(30_000);
  });
});

describe("REFER refused by the SBC (403 / 603 to the REFER itself)", () => {
  it.each([
    [403, "Forbidden"],
    [603, "Decline"],
  ] as const)("%i %s: no subscription, no NOTIFY, no BYE; outcome declined", (status, phrase) => {
    const i = input({ behaviour: { kind: "refer_rejected", status } });
    const { steps, sip } = run(i);
    expect(shape(steps)).toEqual([...INBOUND, "agent>sbc REFER", `sbc>agent ${status}/REFER`, RESUMES]);
    const [refer, refusal] = after(sip);
    expect(refusal!.kind === "response" && refusal.reason).toBe(phrase);
    for (const h of ["Via", "From", "Call-ID", "CSeq"]) expect(headerValue(refusal!, h)).toBe(headerValue(refer!, h));
    expect(headerValue(refusal!, "Contact")).toBeUndefined();
    expect(attemptsOf(i)).toEqual([{ outcome: "declined", sipStatus: status }]);
  });

  it("the `rejected` behaviour is 403 Forbidden", () => {
    expect(attemptsOf(input({ behaviour: "rejected" }))).toEqual([{ outcome: "declined", sipStatus: 403 }]);
  });
});

describe("REFER accepted, then the final NOTIFY reports the failure (terminated)", () => {
  it.each([
    [486, "Busy Here", "busy"],
    [480, "Temporarily Unavailable", "no_answer"],
    [603, "Decline", "declined"],
  ] as const)("NOTIFY sipfrag %i %s → %s", (status, phrase, outcome) => {
    const i = input({ behaviour: reject(status) });
    const { steps, sip } = run(i);
    expect(shape(steps)).toEqual([
      ...INBOUND,
      "agent>sbc REFER",
      "sbc>agent 202/REFER",
      "sbc>agent NOTIFY",
      "agent>sbc 200/NOTIFY",
      "sbc>agent NOTIFY",
      "agent>sbc 200/NOTIFY",
      RESUMES,
    ]);
    const [first, last] = requests(sip, "NOTIFY");
    expect(first!.body).toBe("SIP/2.0 100 Trying\r\n");
    expect(headerValue(first!, "Subscription-State")).toBe("active;expires=60");
    expect(last!.body).toBe(`SIP/2.0 ${status} ${phrase}\r\n`);
    expect(headerValue(last!, "Subscription-State")).toBe("terminated;reason=noresource");
    expect(headerValue(last!, "Event")).toBe("refer");
    expect(headerValue(last!, "Content-Type")).toBe("message/sipfrag;version=2.0");
    expect(cseqOf(last!).seq).toBe(cseqOf(first!).seq + 1);
    expect(steps.find((s) => s.model === last)!.label).toBe(`NOTIFY (${status} ${phrase})`);
    expect(attemptsOf(i)).toEqual([{ outcome, sipStatus: status }]);
  });

  it("no answer: the SBC reports 480 after the ring timeout", () => {
    const i = input({ behaviour: "no_answer", ringTimeoutS: 20 });
    const { steps, sip } = run(i);
    const [first, last] = requests(sip, "NOTIFY");
    expect(last!.body).toBe("SIP/2.0 480 Temporarily Unavailable\r\n");
    const gap = steps.find((s) => s.model === last)!.at - steps.find((s) => s.model === first)!.at;
    expect(gap).toBeGreaterThanOrEqual(20_000);
    expect(attemptsOf(i)).toEqual([{ outcome: "no_answer", sipStatus: 480 }]);
  });

  it("a 202 alone is not success: the outcome is the final NOTIFY's", () => {
    const { attempts } = buildHandoff(input({ behaviour: "busy" }));
    expect(attempts.map((a) => a.outcome)).toEqual(["busy"]);
    expect(buildHandoff(input()).attempts.map((a) => [a.outcome, a.sipStatus])).toEqual([["completed", 200]]);
  });
});

describe("the agent keeps the call in every failure", () => {
  const failing = DESTINATION_BEHAVIOURS.filter((b) => b !== "answers");
  for (const method of ["refer", "invite"] as const) {
    for (const soft of [false, true]) {
      it.each(failing)(`${method}${soft ? " soft" : ""} %s`, (behaviour) => {
        const i = input({ behaviour, soft, attempts: 2 }, { method });
        const { steps, sip } = run(i);
        // The agent never ends the caller's dialog and never tells the SBC the transfer worked.
        const callId = headerValue(sip[0]!.model, "Call-ID");
        const byes = requests(sip, "BYE").filter((b) => headerValue(b, "Call-ID") === callId);
        expect(byes).toEqual([]);
        expect(steps.at(-1)!.label).toBe("Agent resumes the call");
        expect(steps.at(-1)!.raw).toContain("after 2 attempts");
        const attempts = buildHandoff(i).attempts;
        expect(attempts).toHaveLength(2);
        expect(attempts.every((a) => a.outcome !== "completed")).toBe(true);
      });
    }
  }

  it("soft, REFER refused: consult, whisper, 403 to the REFER, the agent hangs up the consultation leg", () => {
    const { steps } = run(input({ soft: true, behaviour: "rejected" }));
    expect(shape(steps)).toEqual([
      ...INBOUND,
      "agent>destination INVITE",
      "destination>agent 100/INVITE",
      "destination>agent 200/INVITE",
      "agent>destination ACK",
      "agent>destination media",
      "agent>sbc REFER",
      "sbc>agent 403/REFER",
      "agent>destination BYE",
      "destination>agent 200/BYE",
      RESUMES,
    ]);
  });
});

describe("retries (a destination's attempts)", () => {
  it("REFER: a new REFER in the same dialog per attempt, CSeq counting on, until one connects", () => {
    const i = input({ behaviour: ["busy", "no_answer", "answers"], attempts: 3, ringTimeoutS: 5 });
    const { steps, sip } = run(i);
    const refers = requests(sip, "REFER");
    expect(refers.map((r) => cseqOf(r).seq)).toEqual([1, 2, 3]);
    expect(new Set(refers.map(branch)).size).toBe(3);
    expect(new Set(refers.map((r) => headerValue(r, "Call-ID")))).toEqual(
      new Set([headerValue(sip[0]!.model, "Call-ID")]),
    );
    expect(requests(sip, "NOTIFY").map((n) => n.body)).toEqual([
      "SIP/2.0 100 Trying\r\n",
      "SIP/2.0 486 Busy Here\r\n",
      "SIP/2.0 100 Trying\r\n",
      "SIP/2.0 480 Temporarily Unavailable\r\n",
      "SIP/2.0 100 Trying\r\n",
      "SIP/2.0 200 OK\r\n",
    ]);
    expect(shape(steps).slice(-2)).toEqual(["agent>sbc BYE", "sbc>agent 200/BYE"]);
    const attempts = buildHandoff(i).attempts;
    expect(attempts.map((a) => [a.outcome, a.sipStatus])).toEqual([
      ["busy", 486],
      ["no_answer", 480],
      ["completed", 200],
    ]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThan(2000);
  });

  it("INVITE: a new Call-ID and CSeq 1 per attempt; the last behaviour repeats", () => {
    const i = input({ behaviour: ["declines", "busy"], attempts: 3 }, { method: "invite" });
    const { sip } = run(i);
    const invites = requests(sip, "INVITE").slice(1);
    expect(invites).toHaveLength(3);
    expect(new Set(invites.map((r) => headerValue(r, "Call-ID"))).size).toBe(3);
    expect(invites.map((r) => cseqOf(r).seq)).toEqual([1, 1, 1]);
    expect(requests(sip, "ACK").slice(1)).toHaveLength(3);
    expect(buildHandoff(i).attempts.map((a) => a.outcome)).toEqual(["declined", "busy", "busy"]);
  });

  it("a first attempt that connects stops there", () => {
    expect(buildHandoff(input({ attempts: 3 })).attempts).toHaveLength(1);
  });

  it("refuses attempts outside 1–3", () => {
    expect(() => buildHandoff(input({ attempts: 4 }))).toThrow(/Attempts must be 1, 2 or 3/);
  });

  it("a BYE always succeeds: one attempt, and a warning that the behaviour had no effect", () => {
    const built = buildHandoff(input({ behaviour: "busy", attempts: 3 }, { method: "bye", route: null }));
    expect(built.attempts.map((a) => [a.outcome, a.sipStatus])).toEqual([["completed", 200]]);
    expect(built.warnings.map((w) => w.code)).toEqual(["option_ignored"]);
  });
});

describe("several handoffs in one call", () => {
  it("a later handoff continues the same dialog after an earlier failed one", () => {
    const first = input({ behaviour: "busy", utterance: "Trying billing." });
    const second = input({ utterance: "Trying the front desk.", at: 60_000 }, { name: "Desk", route: "2002" });
    const both = run({ ...second, seed: 42 });
    const built = buildHandoff({ ...second, seed: 42 }, [first]);
    expect(built.trace.messages.filter((m) => m.label === "INVITE")).toHaveLength(1);
    const refers = requests(run(second).sip, "REFER");
    expect(refers).toHaveLength(1);
    const replayed = built.models.filter((m): m is SipRequest => m?.kind === "request" && m.method === "REFER");
    expect(replayed.map((r) => cseqOf(r).seq)).toEqual([1, 2]);
    expect(headerValue(replayed[1]!, "Refer-To")).toBe("<sip:2002@pbx.example>");
    expect(built.attempts.map((a) => a.outcome)).toEqual(["completed"]);
    const says = built.trace.messages.filter((m) => m.label.startsWith("Agent says"));
    expect(says.map((m) => m.label)).toEqual(['Agent says "Trying billing."', 'Agent says "Trying the front desk."']);
    expect(says[1]!.at).toBeGreaterThanOrEqual(60_000);
    expect(both.steps.length).toBeLessThan(built.trace.messages.length);
  });
});
