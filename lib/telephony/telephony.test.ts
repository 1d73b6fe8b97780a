import { describe, expect, it } from "vitest";
import { callUrl, connectInputSchema, numberUrls, phoneNumberSchema } from "./account";
import { sipHeaderPart, twilioHeaderNameProblem, twilioHeaderWarnings } from "../sip/twilio-header-rules";
import type { HandoffAttempt } from "../handoffs/record";
import type { Effect, Session } from "../runtime";
import { transferTarget, turnTwiml } from "./twiml";

describe("connect input", () => {
  const ok = { accountSid: "AC" + "a".repeat(32), authToken: "b".repeat(32), publicBaseUrl: "https://x.example/sb/" };

  it("accepts AC + 32 hex, https (or http on localhost), and drops the trailing slash", () => {
    expect(connectInputSchema.parse(ok).publicBaseUrl).toBe("https://x.example/sb");
    expect(connectInputSchema.parse({ ...ok, publicBaseUrl: "http://localhost:3113" }).publicBaseUrl).toBe(
      "http://localhost:3113",
    );
  });

  it.each([
    ["accountSid", "AC" + "a".repeat(31)],
    ["accountSid", "AC" + "g".repeat(32)],
    ["accountSid", "SK" + "a".repeat(32)],
    ["authToken", ""],
    ["authToken", "has space"],
    ["publicBaseUrl", "http://acme.example"],
    ["publicBaseUrl", "https://acme.example/?a=1"],
    ["publicBaseUrl", "acme.example"],
  ])("refuses %s %j", (field, value) => {
    const r = connectInputSchema.safeParse({ ...ok, [field]: value });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([field]);
  });

  it("numbers are E.164", () => {
    expect(phoneNumberSchema.safeParse("+14155550123").success).toBe(true);
    expect(phoneNumberSchema.safeParse("4155550123").success).toBe(false);
  });

  it("names the URLs Twilio calls; later ones carry the conversation id", () => {
    expect(numberUrls("https://x.example")).toEqual({
      voiceUrl: "https://x.example/voice/call",
      statusCallback: "https://x.example/voice/status",
    });
    expect(callUrl("https://x.example", "/voice/gather", "conv_a b")).toBe(
      "https://x.example/voice/gather?conversation=conv_a%20b",
    );
  });
});

describe("Twilio's header rules", () => {
  it.each([
    ["X-Customer-ID", null],
    ["x-lower", null],
    ["User-to-User", null],
    ["p-called-party-id", null],
    ["Customer-ID", /only X- headers/],
    ["X-Twilio-Foo", /reserves names starting with X-Twilio/],
  ])("%s", (name, problem) => {
    const r = twilioHeaderNameProblem(name);
    if (problem === null) expect(r).toBeNull();
    else expect(r).toMatch(problem);
  });

  it("counts the escaped header part and warns at 1024 characters", () => {
    expect(sipHeaderPart([{ name: "X-A", value: "a b&c" }])).toBe("X-A=a%20b%26c");
    const fits = [{ name: "X-A", value: "v".repeat(1019) }]; // "X-A=" + 1019 = 1023
    expect(twilioHeaderWarnings(fits)).toEqual({});
    const over = [{ name: "X-A", value: "v".repeat(1020) }];
    expect(twilioHeaderWarnings(over).sipHeaders).toMatch(
      /1024 characters in Twilio's <Sip> URI; Twilio allows fewer than 1024/,
    );
    expect(twilioHeaderWarnings([{ name: "Foo", value: "1" }])).toEqual({ "sipHeaders.0.name": expect.any(String) });
  });
});

describe("Twilio and an INVITE destination's outbound endpoint and encryption", () => {
  const hosts = { trunkHost: "trunk.example.net", pbxHost: "pbx.example" };
  const headers = [{ name: "X-Handoff-Reason", value: "billing" }];

  it("a number route without an endpoint is <Number>; TLS/SRTP cannot apply there and says so", () => {
    expect(transferTarget("+14155550199", headers, hosts)).toEqual({
      noun: "Number",
      value: "+14155550199",
      warnings: [],
    });
    const secure = transferTarget("+14155550199", headers, hosts, { encryption: "TLS/SRTP" });
    expect(secure.noun).toBe("Number");
    expect(secure.warnings).toEqual([expect.stringMatching(/phone network .*TLS\/SRTP does not apply/)]);
  });

  it("a number route through an endpoint is <Sip> to sip:<number>@<endpoint>; TLS/SRTP adds transport=tls and secure=true", () => {
    expect(transferTarget("+14155550199", headers, hosts, { endpoint: "edge.example:5061" })).toEqual({
      noun: "Sip",
      value: "sip:+14155550199@edge.example:5061;user=phone?X-Handoff-Reason=billing",
      warnings: [],
    });
    expect(
      transferTarget("+14155550199", headers, hosts, { endpoint: "edge.example", encryption: "TLS/SRTP" }).value,
    ).toBe("sip:+14155550199@edge.example;user=phone;transport=tls;secure=true?X-Handoff-Reason=billing");
    expect(transferTarget("sips:2001@pbx.example", [], hosts, { encryption: "TLS/SRTP" }).value).toBe(
      "sips:2001@pbx.example;secure=true",
    );
  });

  it("a SIP URI route cannot go through an endpoint with <Sip> (no outbound proxy): dialled directly, with a warning", () => {
    const t = transferTarget("sip:2001@pbx.example", headers, hosts, { endpoint: "edge.example" });
    expect(t.value).toBe("sip:2001@pbx.example?X-Handoff-Reason=billing");
    expect(t.warnings).toEqual([expect.stringMatching(/no outbound proxy: it dials sip:2001@pbx.example directly/)]);
  });

  it("turnTwiml dials an INVITE destination as its endpoint and encryption say, and passes the warnings on", () => {
    const session = {
      status: "ended",
      agent: {
        destinations: [
          {
            name: "Billing",
            method: "invite",
            route: "+14155550199",
            outboundEndpoint: "edge.example",
            outboundEncryption: "TLS/SRTP",
          },
        ],
      },
    } as unknown as Session;
    const record = {
      destination: "billing",
      method: "invite",
      route: "+14155550199",
      reason: "billing",
      sip_headers: [],
      outcome: "completed",
    } as unknown as HandoffAttempt;
    const ctx = { publicBaseUrl: "https://sb.example", conversationId: "c1", sipOriginated: false, hosts };
    const out = turnTwiml([{ type: "handoff", record } as unknown as Effect], session, ctx);
    expect(out.xml).toContain(
      "<Sip>sip:+14155550199@edge.example;user=phone;transport=tls;secure=true?X-Handoff-Reason=billing</Sip>",
    );
    expect(out.warnings).toEqual([]);
  });
});
