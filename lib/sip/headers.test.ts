import { describe, expect, it } from "vitest";
import { escapeHvalue, escapeUser, uriWithHeaders } from "./hvalue";
import { headerValue, headerValues } from "./message";
import { buildHandoffTrace } from "./trace";
import { input, run } from "./testing/ladders";
import type { HandoffTraceInput } from "./types";

const refer = (i: HandoffTraceInput) => run(i).sip.find((s) => s.label === "REFER")!.model;
const newInvite = (i: HandoffTraceInput) => run(i).sip.find((s) => s.label === "INVITE" && s.from === "agent")!.model;

describe("Refer-To hvalue escaping (RFC 3261 §25.1)", () => {
  it('escapes & = ; ? % space < > " and keeps hnv-unreserved and unreserved', () => {
    expect(escapeHvalue('a&b=c;d?e%f g<h>"i')).toBe("a%26b%3Dc%3Bd%3Fe%25f%20g%3Ch%3E%22i");
    expect(escapeHvalue("[]/:+$-_.!~*'()AZaz09")).toBe("[]/:+$-_.!~*'()AZaz09");
    expect(escapeHvalue("#,@\\^`{|}\t")).toBe("%23%2C%40%5C%5E%60%7B%7C%7D%09");
  });

  it("escapes non-ASCII as UTF-8 bytes", () => {
    expect(escapeHvalue("Zoë")).toBe("Zo%C3%AB");
    expect(escapeHvalue("日")).toBe("%E6%97%A5");
    expect(escapeHvalue("😀")).toBe("%F0%9F%98%80");
    expect(escapeHvalue("\ud800")).toBe("%EF%BF%BD");
    for (const s of ["Zoë & co", "a=b;c", "😀 日本 ?%"]) expect(decodeURIComponent(escapeHvalue(s))).toBe(s);
  });

  it("user parts keep user-unreserved characters", () => {
    expect(escapeUser("+1;ext=2&x")).toBe("+1;ext=2&x");
    expect(escapeUser("a b@c")).toBe("a%20b%40c");
  });

  it("appends with & when the URI already carries headers", () => {
    expect(uriWithHeaders("sip:a@b", [])).toBe("sip:a@b");
    expect(uriWithHeaders("sip:a@b?x=1", [{ name: "X-A", value: "1 2" }])).toBe("sip:a@b?x=1&X-A=1%202");
  });
});

describe("REFER header placement", () => {
  const cfg = (referHeaderPlacement: "request" | "refer-to-uri" | "both") =>
    input(
      { reason: "billing" },
      { referHeaderPlacement, sipHeaders: [{ name: "X-Customer-ID", value: "$customer_id" }] },
    );

  it("request: custom headers and X-Handoff-Reason on the REFER", () => {
    const m = refer(cfg("request"));
    expect(headerValue(m, "Refer-To")).toBe("<sip:2001@pbx.example>");
    expect(headerValue(m, "X-Customer-ID")).toBe("abc123");
    expect(headerValue(m, "X-Handoff-Reason")).toBe("billing");
  });

  it("refer-to-uri: escaped into the Refer-To URI only", () => {
    const m = refer(cfg("refer-to-uri"));
    expect(headerValue(m, "Refer-To")).toBe("<sip:2001@pbx.example?X-Customer-ID=abc123&X-Handoff-Reason=billing>");
    expect(headerValue(m, "X-Customer-ID")).toBeUndefined();
    expect(headerValue(m, "X-Handoff-Reason")).toBeUndefined();
  });

  it("both: on the REFER and in the URI", () => {
    const m = refer(cfg("both"));
    expect(headerValue(m, "Refer-To")).toBe("<sip:2001@pbx.example?X-Customer-ID=abc123&X-Handoff-Reason=billing>");
    expect(headerValue(m, "X-Customer-ID")).toBe("abc123");
  });

  it("special characters and unicode in a variable value are escaped in the URI", () => {
    const m = refer(
      input(
        { variables: { customer_id: 'a&b=c; d?e%f <g> "h" Zoë' } },
        { referHeaderPlacement: "refer-to-uri", sipHeaders: [{ name: "X-Customer-ID", value: "$customer_id" }] },
      ),
    );
    expect(headerValue(m, "Refer-To")).toBe(
      "<sip:2001@pbx.example?X-Customer-ID=a%26b%3Dc%3B%20d%3Fe%25f%20%3Cg%3E%20%22h%22%20Zo%C3%AB&X-Handoff-Reason=Front%20desk>",
    );
  });

  it("custom headers go on the bridge INVITE and on the hand-back BYE", () => {
    const headers = [{ name: "X-Customer-ID", value: "$customer_id" }];
    expect(headerValue(newInvite(input({}, { method: "invite", sipHeaders: headers })), "X-Customer-ID")).toBe(
      "abc123",
    );
    const bye = run(input({}, { method: "bye", route: null, sipHeaders: headers })).sip.find(
      (s) => s.label === "BYE",
    )!.model;
    expect(headerValue(bye, "X-Customer-ID")).toBe("abc123");
    expect(headerValue(bye, "X-Handoff-Reason")).toBe("Front desk");
  });
});

describe("routes", () => {
  const cases: Array<[string, string]> = [
    ["sip:frontdesk@pbx.acme.example", "sip:frontdesk@pbx.acme.example"],
    ["sips:secure@pbx.acme.example;transport=tls", "sips:secure@pbx.acme.example;transport=tls"],
    ["tel:+14155550123", "sip:+14155550123@trunk.example.net;user=phone"],
    ["+14155550123", "sip:+14155550123@trunk.example.net;user=phone"],
    ["2001", "sip:2001@pbx.example"],
  ];
  it.each(cases)("%s → %s (REFER and INVITE)", (route, uri) => {
    expect(headerValue(refer(input({}, { route })), "Refer-To")).toBe(`<${uri}>`);
    const inv = newInvite(input({}, { route, method: "invite" }));
    expect(inv.kind === "request" && inv.uri).toBe(uri);
    expect(headerValue(inv, "To")).toBe(`<${uri}>`);
  });

  it("a sips: destination is reached over TLS on every message of the new dialog", () => {
    const legs = run(input({}, { method: "invite", route: "sips:secure@pbx.acme.example" })).sip.filter(
      (s) => s.from === "destination" || s.to === "destination",
    );
    expect(legs.map((s) => s.label)).toEqual(["INVITE", "100 Trying", "180 Ringing", "200 OK", "ACK", "BYE", "200 OK"]);
    for (const s of legs)
      expect(headerValue(s.model, "Via")).toMatch(/^SIP\/2\.0\/TLS 198\.51\.100\.20:5061;branch=z9hG4bK/);
    expect(headerValue(legs[0]!.model, "Contact")).toBe("<sips:+18005550100@198.51.100.20:5061>");
    expect(headerValue(legs[3]!.model, "Contact")).toBe("<sips:secure@192.0.2.30:5061>");
    const bye = legs[5]!.model;
    expect(bye.kind === "request" && bye.uri).toBe("sips:secure@192.0.2.30:5061");
  });

  it("refuses a refer or invite destination without a valid route", () => {
    expect(() => buildHandoffTrace(input({}, { route: null }))).toThrow(/needs a valid route/);
    expect(() => buildHandoffTrace(input({}, { route: "not a route", method: "invite" }))).toThrow(
      /needs a valid route/,
    );
  });
});

describe("header values at run time", () => {
  it("X-Handoff-Reason: the given reason, else the destination's name", () => {
    expect(headerValue(refer(input({ reason: "needs_human" })), "X-Handoff-Reason")).toBe("needs_human");
    expect(headerValue(refer(input()), "X-Handoff-Reason")).toBe("Front desk");
    expect(headerValue(refer(input({ reason: "  " }, { name: "Billing Support" })), "X-Handoff-Reason")).toBe(
      "Billing Support",
    );
  });

  it("an unknown variable becomes empty and is reported", () => {
    const { trace, sip } = run(input({}, { sipHeaders: [{ name: "X-Account", value: "acct-$account_no" }] }));
    expect(headerValue(sip.find((s) => s.label === "REFER")!.model, "X-Account")).toBe("acct-");
    expect(trace.warnings).toEqual([
      {
        code: "unknown_variable",
        message: "Header X-Account: $account_no is not a known variable; it was replaced by an empty value",
      },
    ]);
  });

  it("built-in variables are always known", () => {
    const { trace, sip } = run(
      input({ variables: {} }, { sipHeaders: [{ name: "X-Caller-ID", value: "$caller_id" }] }),
    );
    expect(headerValue(sip.find((s) => s.label === "REFER")!.model, "X-Caller-ID")).toBe("+14155550123");
    expect(trace.warnings).toEqual([]);
  });

  it("CR, LF and NUL in a variable value are removed and reported: no header line is added", () => {
    const evil = "abc\r\nX-Injected: 1\r\n\r\nBODY\u0000";
    const { trace, sip } = run(
      input(
        { variables: { customer_id: evil }, utterance: "Hi\r\nX-Evil: 2" },
        { sipHeaders: [{ name: "X-Customer-ID", value: "$customer_id" }] },
      ),
    );
    const m = sip.find((s) => s.label === "REFER")!;
    expect(headerValue(m.model, "X-Customer-ID")).toBe("abcX-Injected: 1BODY");
    expect(headerValue(m.model, "X-Injected")).toBeUndefined();
    for (const s of sip) expect(s.raw).not.toMatch(/\r\nX-(Injected|Evil)/);
    expect(trace.warnings.map((w) => w.code)).toEqual(["control_characters_removed", "control_characters_removed"]);
    expect(trace.warnings[0]!.message).toContain("X-Customer-ID: removed 7 control characters");
  });

  it("reserved or engine-owned names are dropped, non-X names are flagged", () => {
    const { trace, sip } = run(
      input(
        {},
        {
          sipHeaders: [
            { name: "Via", value: "SIP/2.0/UDP evil" },
            { name: "Refer-To", value: "<sip:evil@x>" },
            { name: "Bad Name", value: "x" },
            { name: "Priority", value: "urgent" },
            { name: "User-to-User", value: "abc;encoding=hex" },
          ],
        },
      ),
    );
    const m = sip.find((s) => s.label === "REFER")!.model;
    expect(headerValues(m, "Via")).toHaveLength(1);
    expect(headerValues(m, "Refer-To")).toEqual(["<sip:2001@pbx.example>"]);
    expect(headerValue(m, "Priority")).toBe("urgent");
    expect(headerValue(m, "User-to-User")).toBe("abc;encoding=hex");
    expect(trace.warnings.map((w) => w.code)).toEqual([
      "header_dropped",
      "header_dropped",
      "header_dropped",
      "header_name_unusual",
    ]);
  });

  it("warns when a message exceeds 1300 bytes, naming it", () => {
    const sipHeaders = Array.from({ length: 12 }, (_, n) => ({ name: `X-Long-${n}`, value: "v".repeat(100) }));
    const trace = buildHandoffTrace(input({}, { sipHeaders }));
    const big = trace.warnings.filter((w) => w.code === "message_too_large");
    expect(big).toHaveLength(1);
    expect(big[0]!.message).toMatch(
      /^REFER \(message \d+, agent → sbc\) is \d{4} bytes, over the 1300-byte UDP limit \(RFC 3261 §18\.1\.1\)/,
    );
    expect(buildHandoffTrace(input()).warnings).toEqual([]);
  });

  it("reports options that do not apply", () => {
    expect(
      buildHandoffTrace(input({ behaviour: "busy" }, { method: "bye", route: null })).warnings.map((w) => w.code),
    ).toEqual(["option_ignored"]);
    expect(
      buildHandoffTrace(input({ soft: true }, { method: "bye", route: null })).warnings.map((w) => w.code),
    ).toEqual(["option_ignored"]);
    expect(buildHandoffTrace(input({ whisper: "hi" })).warnings.map((w) => w.code)).toEqual(["option_ignored"]);
  });
});
