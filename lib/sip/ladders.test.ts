import { DESTINATION_BEHAVIOURS } from "../handoffs/outcomes";
import { describe, expect, it } from "vitest";
import { cseqOf, headerValue, headerValues, type SipMessage } from "./message";
import { buildHandoffTrace } from "./trace";
import { expectedHeaderNames, headerNames, input, run, shape, type HeaderExpectation } from "./testing/ladders";
import type { HandoffTraceInput } from "./types";

const INBOUND = ["sbc>agent INVITE", "agent>sbc 100/INVITE", "agent>sbc 200/INVITE", "sbc>agent ACK"];
const SAYS = "agent>sbc media";

const branch = (m: SipMessage) => headerValue(m, "Via")!.split(";branch=")[1]!;
const tag = (v: string) => /;tag=([^;]+)/.exec(v)?.[1];

describe("ladder sequences", () => {
  it("refer (blind): REFER, 202, NOTIFY 100 Trying, NOTIFY 200 OK, BYE", () => {
    const { steps, sip } = run(input({ utterance: "Transferring you now." }));
    expect(shape(steps)).toEqual([
      ...INBOUND,
      SAYS,
      "agent>sbc REFER",
      "sbc>agent 202/REFER",
      "sbc>agent NOTIFY",
      "agent>sbc 200/NOTIFY",
      "sbc>agent NOTIFY",
      "agent>sbc 200/NOTIFY",
      "agent>sbc BYE",
      "sbc>agent 200/BYE",
    ]);
    const [n1, n2] = sip.filter((s) => s.model.kind === "request" && s.model.method === "NOTIFY").map((s) => s.model);
    expect(headerValue(n1!, "Event")).toBe("refer");
    expect(headerValue(n1!, "Subscription-State")).toBe("active;expires=60");
    expect(headerValue(n1!, "Content-Type")).toBe("message/sipfrag;version=2.0");
    expect(n1!.body).toBe("SIP/2.0 100 Trying\r\n");
    expect(headerValue(n2!, "Subscription-State")).toBe("terminated;reason=noresource");
    expect(n2!.body).toBe("SIP/2.0 200 OK\r\n");
    const refer = sip.find((s) => s.label === "REFER")!.model;
    expect(headerValue(refer, "Refer-To")).toBe("<sip:2001@pbx.example>");
    expect(headerValue(refer, "Referred-By")).toBe("<sip:+18005550100@198.51.100.20>");
    expect(sip.find((s) => s.label === "202 Accepted")).toBeDefined();
  });

  it("refer busy: the final NOTIFY carries 486 and the agent stays on the call", () => {
    const { steps, sip } = run(input({ behaviour: "busy" }));
    expect(shape(steps)).toEqual([
      ...INBOUND,
      "agent>sbc REFER",
      "sbc>agent 202/REFER",
      "sbc>agent NOTIFY",
      "agent>sbc 200/NOTIFY",
      "sbc>agent NOTIFY",
      "agent>sbc 200/NOTIFY",
      "agent>sbc media",
    ]);
    const last = sip.filter((s) => s.label.startsWith("NOTIFY")).at(-1)!.model;
    expect(last.body).toBe("SIP/2.0 486 Busy Here\r\n");
    expect(headerValue(last, "Subscription-State")).toBe("terminated;reason=noresource");
    expect(steps.at(-1)!.label).toBe("Agent resumes the call");
    expect(steps.some((s) => s.model?.kind === "request" && s.model.method === "BYE")).toBe(false);
  });

  it("invite (bridge): new dialog with SDP, 100, 180, 200, ACK, bridged, then the caller's BYE is relayed", () => {
    const { steps, sip } = run(input({ utterance: "Connecting you." }, { method: "invite" }));
    expect(shape(steps)).toEqual([
      ...INBOUND,
      SAYS,
      "agent>destination INVITE",
      "destination>agent 100/INVITE",
      "destination>agent 180/INVITE",
      "destination>agent 200/INVITE",
      "agent>destination ACK",
      "agent>destination media",
      "sbc>agent BYE",
      "agent>sbc 200/BYE",
      "agent>destination BYE",
      "destination>agent 200/BYE",
    ]);
    expect(steps.find((s) => s.kind === "media" && s.to === "destination")!.label).toBe("Media bridged");
    const inbound = sip[0]!.model;
    const invite = sip[4]!.model;
    expect(headerValue(invite, "Call-ID")).not.toBe(headerValue(inbound, "Call-ID"));
    expect(headerValue(invite, "Content-Type")).toBe("application/sdp");
    expect(invite.body).toContain("m=audio ");
    expect(sip[7]!.model.body).toContain("c=IN IP4 192.0.2.30");
    expect(headerValue(sip[7]!.model, "Contact")).toBe("<sip:2001@192.0.2.30:5060>");
    // The relayed BYE belongs to the destination dialog and goes to its Contact.
    const relayed = sip[11]!.model;
    expect(relayed.kind === "request" && relayed.uri).toBe("sip:2001@192.0.2.30:5060");
    expect(headerValue(relayed, "Call-ID")).toBe(headerValue(invite, "Call-ID"));
    expect(cseqOf(relayed)).toEqual({ seq: 2, method: "BYE" });
  });

  it("invite busy: 486, an ACK on the INVITE's branch, and the agent resumes", () => {
    const { steps, sip } = run(input({ behaviour: "busy" }, { method: "invite" }));
    expect(shape(steps)).toEqual([
      ...INBOUND,
      "agent>destination INVITE",
      "destination>agent 100/INVITE",
      "destination>agent 180/INVITE",
      "destination>agent 486/INVITE",
      "agent>destination ACK",
      "agent>sbc media",
    ]);
    const invite = sip[4]!.model;
    const busy = sip[7]!.model;
    const ack = sip[8]!.model;
    expect(branch(ack)).toBe(branch(invite));
    expect(ack.kind === "request" && invite.kind === "request" && ack.uri === invite.uri).toBe(true);
    expect(headerValue(ack, "To")).toBe(headerValue(busy, "To"));
    expect(tag(headerValue(ack, "To")!)).toBeDefined();
    expect(cseqOf(ack)).toEqual({ seq: cseqOf(invite).seq, method: "ACK" });
    expect(headerValue(ack, "Contact")).toBeUndefined();
    expect(steps.at(-1)!.label).toBe("Agent resumes the call");
  });

  it("bye: BYE with a Q.850 Reason, then 200 OK", () => {
    const { steps, sip } = run(input({ utterance: "Back to the menu." }, { method: "bye", route: null }));
    expect(shape(steps)).toEqual([...INBOUND, SAYS, "agent>sbc BYE", "sbc>agent 200/BYE"]);
    const bye = sip[4]!.model;
    expect(headerValue(bye, "Reason")).toBe('Q.850;cause=16;text="Normal call clearing"');
    expect(headerValue(bye, "Contact")).toBeUndefined();
    expect(headerValue(bye, "X-Handoff-Reason")).toBe("Front desk");
  });

  it("soft (attended): consult, whisper, REFER with Replaces, NOTIFYs, BYEs on both legs", () => {
    const { steps, sip } = run(input({ soft: true, whisper: "Caller needs billing help", utterance: "Let me check." }));
    expect(shape(steps)).toEqual([
      ...INBOUND,
      SAYS,
      "agent>destination INVITE",
      "destination>agent 100/INVITE",
      "destination>agent 200/INVITE",
      "agent>destination ACK",
      "agent>destination media",
      "agent>sbc REFER",
      "sbc>agent 202/REFER",
      "sbc>agent NOTIFY",
      "agent>sbc 200/NOTIFY",
      "sbc>destination media",
      "destination>agent BYE",
      "agent>destination 200/BYE",
      "sbc>agent NOTIFY",
      "agent>sbc 200/NOTIFY",
      "agent>sbc BYE",
      "sbc>agent 200/BYE",
    ]);
    expect(steps[9]!.label).toBe('Agent whispers "Caller needs billing help"');
    const consult = sip[4]!.model;
    const ok = sip[6]!.model;
    const callId = headerValue(consult, "Call-ID")!;
    const expected =
      "<sip:2001@pbx.example?X-Handoff-Reason=Front%20desk&Replaces=" +
      callId.replace("@", "%40") +
      "%3Bto-tag%3D" +
      tag(headerValue(ok, "To")!) +
      "%3Bfrom-tag%3D" +
      tag(headerValue(consult, "From")!) +
      ">";
    const refer = sip.find((s) => s.label === "REFER")!.model;
    expect(headerValue(refer, "Refer-To")).toBe(
      // placement "request": X-Handoff-Reason rides on the REFER, only Replaces is in the URI
      expected.replace("X-Handoff-Reason=Front%20desk&", ""),
    );
    const both = run(input({ soft: true }, { referHeaderPlacement: "both" })).sip.find(
      (s) => s.label === "REFER",
    )!.model;
    expect(headerValue(both, "Refer-To")).toMatch(
      /^<sip:2001@pbx\.example\?X-Handoff-Reason=Front%20desk&Replaces=[0-9a-f]+%40198\.51\.100\.20%3Bto-tag%3D[0-9a-f]{8}%3Bfrom-tag%3D[0-9a-f]{8}>$/,
    );
  });

  it("soft busy: the consultation INVITE gets 486, the agent ACKs and stays", () => {
    const { steps } = run(input({ soft: true, behaviour: "busy" }));
    expect(shape(steps)).toEqual([
      ...INBOUND,
      "agent>destination INVITE",
      "destination>agent 100/INVITE",
      "destination>agent 486/INVITE",
      "agent>destination ACK",
      "agent>sbc media",
    ]);
  });
});

const CONFIGS: Array<{ name: string; i: HandoffTraceInput; e: HeaderExpectation }> = [];
for (const method of ["refer", "invite", "bye"] as const) {
  for (const placement of ["request", "refer-to-uri", "both"] as const) {
    for (const behaviour of DESTINATION_BEHAVIOURS) {
      for (const soft of method === "bye" ? [false] : [false, true]) {
        CONFIGS.push({
          name: `${method}${soft ? " soft" : ""} ${placement} ${behaviour}`,
          i: input(
            { behaviour, soft, utterance: "Okay." },
            {
              method,
              route: method === "bye" ? null : "2001",
              referHeaderPlacement: placement,
              sipHeaders: [
                { name: "X-Customer-ID", value: "$customer_id" },
                { name: "X-Name", value: "Zoë" },
              ],
            },
          ),
          e: {
            method: soft ? "refer" : method,
            placement,
            handoffNames: ["X-Customer-ID", "X-Name", "X-Handoff-Reason"],
          },
        });
      }
    }
  }
}

describe("mandatory headers of every message of every ladder", () => {
  it.each(CONFIGS)("$name", ({ i, e }) => {
    for (const s of run(i).sip) {
      const m = s.model;
      expect(headerNames(m), s.label).toEqual(expectedHeaderNames(s, e));
      expect(headerValue(m, "Via")).toMatch(
        /^SIP\/2\.0\/UDP (203\.0\.113\.10|198\.51\.100\.20|192\.0\.2\.30):5060;branch=z9hG4bK[0-9a-f]+$/,
      );
      expect(Number(headerValue(m, "Content-Length"))).toBe(Buffer.byteLength(m.body, "utf8"));
      expect(headerValue(m, "Content-Type") !== undefined).toBe(m.body !== "");
      expect(
        s.raw
          .split("\r\n")
          .slice(0, -1)
          .every((l) => !l.includes("\n")),
      ).toBe(true);
      if (m.kind === "request") {
        expect(headerValue(m, "Max-Forwards")).toBe("70");
        expect(cseqOf(m).method).toBe(m.method);
      }
    }
  });

  it("responses echo the request's Via, From, Call-ID and CSeq, and To plus a tag", () => {
    const { sip } = run(input({ soft: true }));
    for (let n = 0; n < sip.length; n++) {
      const res = sip[n]!.model;
      if (res.kind !== "response") continue;
      const req = sip
        .slice(0, n)
        .reverse()
        .find((s) => s.model.kind === "request" && s.model.method !== "ACK" && branch(s.model) === branch(res))!.model;
      for (const h of ["Via", "From", "Call-ID", "CSeq"]) expect(headerValue(res, h)).toBe(headerValue(req, h));
      expect(headerValue(res, "To")!.startsWith(headerValue(req, "To")!.split(";tag=")[0]!)).toBe(true);
      if (res.status !== 100) expect(tag(headerValue(res, "To")!)).toBeDefined();
    }
  });

  it("Content-Length counts bytes, not characters, with non-ASCII SDP", () => {
    const { sip } = run(input({ agentName: "Zoë — Support" }, { sipHeaders: [{ name: "X-Name", value: "Zoë" }] }));
    const ok = sip[2]!.model;
    expect(ok.body).toContain("s=Zoë — Support\r\n");
    expect(Number(headerValue(ok, "Content-Length"))).toBe(Buffer.byteLength(ok.body));
    expect(Buffer.byteLength(ok.body)).toBe(ok.body.length + 3);
    expect(headerValue(sip.find((s) => s.label === "REFER")!.model, "X-Name")).toBe("Zoë");
  });
});

describe("dialog state", () => {
  it("the agent's in-dialog requests reuse the inbound dialog", () => {
    const { sip } = run(input({ behaviour: "answers" }));
    const [invite, , ok] = sip.map((s) => s.model);
    const sbcContact = headerValue(invite!, "Contact")!.slice(1, -1);
    const agentTag = tag(headerValue(ok!, "To")!);
    const fromAgent = sip.filter((s) => s.from === "agent" && s.model.kind === "request").map((s) => s.model);
    expect(fromAgent.map((m) => (m.kind === "request" ? m.method : ""))).toEqual(["REFER", "BYE"]);
    for (const m of fromAgent) {
      expect(m.kind === "request" && m.uri).toBe(sbcContact);
      expect(headerValue(m, "Call-ID")).toBe(headerValue(invite!, "Call-ID"));
      expect(tag(headerValue(m, "From")!)).toBe(agentTag);
      expect(tag(headerValue(m, "To")!)).toBe(tag(headerValue(invite!, "From")!));
      expect(headerValues(m, "Route")).toEqual(headerValues(invite!, "Record-Route"));
    }
    // The agent's own counter: independent of the SBC's, increasing by one per request.
    expect(fromAgent.map((m) => cseqOf(m).seq)).toEqual([1, 2]);
    const sbcSeqs = sip
      .filter((s) => s.from === "sbc" && s.model.kind === "request" && s.label !== "ACK")
      .map((s) => cseqOf(s.model).seq);
    expect(sbcSeqs).toEqual([cseqOf(invite!).seq, cseqOf(invite!).seq + 1, cseqOf(invite!).seq + 2]);
  });

  it("bridged call: agent CSeq restarts in the new dialog and the SBC's BYE continues the SBC's counter", () => {
    const { sip } = run(input({}, { method: "invite" }));
    const sbcBye = sip.find((s) => s.from === "sbc" && s.label === "BYE")!.model;
    expect(cseqOf(sbcBye).seq).toBe(cseqOf(sip[0]!.model).seq + 1);
    expect(headerValues(sbcBye, "Route")).toEqual([]);
  });

  it("branches: z9hG4bK, new per transaction; the 2xx ACK gets a new one", () => {
    for (const i of [
      input({ soft: true }),
      input({}, { method: "invite" }),
      input({ behaviour: "busy" }, { method: "invite" }),
    ]) {
      const { sip } = run(i);
      const requests = sip.filter((s) => s.model.kind === "request");
      const seen = new Map<string, string>();
      for (const r of requests) {
        const b = branch(r.model);
        expect(b.startsWith("z9hG4bK")).toBe(true);
        const failureAck =
          r.label === "ACK" &&
          sip.some((s) => s.model.kind === "response" && s.model.status >= 300 && branch(s.model) === b);
        if (!failureAck) expect(seen.has(b), `${r.label} reuses ${seen.get(b)}'s branch`).toBe(false);
        seen.set(b, r.label);
      }
    }
  });

  it("caller_id and called_number drive the inbound From and To", () => {
    const { sip } = run(input({ variables: { caller_id: "+442071234567", called_number: "+18005550199" } }));
    expect(headerValue(sip[0]!.model, "From")).toMatch(/^<sip:\+442071234567@203\.0\.113\.10>;tag=/);
    expect(headerValue(sip[0]!.model, "To")).toBe("<sip:+18005550199@198.51.100.20>");
    const over = run(
      input({ variables: { caller_id: "+1" }, caller: { callerId: "+15551234567", calledNumber: "2000" } }),
    ).sip;
    expect(headerValue(over[0]!.model, "From")).toMatch(/^<sip:\+15551234567@/);
    expect(headerValue(over[0]!.model, "To")).toBe("<sip:2000@198.51.100.20>");
    const odd = run(input({ caller: { callerId: "Zoë <x>" } })).sip;
    expect(headerValue(odd[0]!.model, "From")).toMatch(/^<sip:Zo%C3%AB%20%3Cx%3E@/);
  });
});

describe("timeline and determinism", () => {
  it("the utterance comes before the REFER / INVITE / BYE, and times increase", () => {
    for (const method of ["refer", "invite", "bye"] as const) {
      const trace = buildHandoffTrace(
        input(
          { utterance: "Please hold while I connect you to a colleague." },
          { method, route: method === "bye" ? null : "2001" },
        ),
      );
      const says = trace.messages.findIndex((m) => m.kind === "media");
      expect(trace.messages[says]).toMatchObject({
        from: "agent",
        to: "sbc",
        label: 'Agent says "Please hold while I connect you to a colleague."',
      });
      expect(trace.messages[says + 1]!.label).toBe(method.toUpperCase());
      // Nine words at about 150 words a minute.
      expect(trace.messages[says + 1]!.at - trace.messages[says]!.at).toBeGreaterThanOrEqual(3600);
      for (let n = 1; n < trace.messages.length; n++)
        expect(trace.messages[n]!.at).toBeGreaterThan(trace.messages[n - 1]!.at);
    }
  });

  it("same seed, same trace; another seed, another Call-ID", () => {
    const a = buildHandoffTrace(input({ seed: 7, soft: true }));
    expect(buildHandoffTrace(input({ seed: 7, soft: true }))).toEqual(a);
    const b = buildHandoffTrace(input({ seed: 8, soft: true }));
    const callId = (t: typeof a) => /Call-ID: (.*)\r\n/.exec(t.messages[0]!.raw)![1];
    expect(callId(b)).not.toBe(callId(a));
    expect(callId(buildHandoffTrace(input({ seed: "7" })))).not.toBe(callId(a));
    const { seed: _s, ...unseeded } = input();
    expect(buildHandoffTrace(unseeded)).toEqual(buildHandoffTrace(unseeded));
  });
});
