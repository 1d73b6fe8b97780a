import { describe, expect, it } from "vitest";
import { callUrl, connectInputSchema, numberUrls, phoneNumberSchema } from "./account";
import { sipHeaderPart, twilioHeaderNameProblem, twilioHeaderWarnings } from "../sip/twilio-header-rules";

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
