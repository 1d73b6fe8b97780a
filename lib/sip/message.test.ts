import { DESTINATION_BEHAVIOURS } from "../handoffs/outcomes";
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { parseSipMessage, SipParseError } from "./parse";
import { serializeSipMessage } from "./serialize";
import { utf8ByteLength, type SipMessage } from "./message";
import { formatTraceText, methodNote } from "./format";
import { buildHandoffTrace } from "./trace";
import { input, run } from "./testing/ladders";
import type { HandoffTraceInput } from "./types";

const require = createRequire(import.meta.url);
/** jssip's PEG grammar of RFC 3261 (and 3515, 3891, 6665): an independent check of our output. */
const Grammar = require("jssip/lib/Grammar") as { parse(input: string, rule: string): unknown };
const Parser = require("jssip/lib/Parser") as {
  parseMessage(data: string, ua: unknown): { method?: string; status_code?: number; body: string } | undefined;
};

/**
 * Header name → jssip start rule. Referred-By (RFC 3892) is `referrer-uri = name-addr / addr-spec`
 * plus generic params, which is what jssip's Name_Addr_Header accepts. Allow is a comma list
 * of method tokens, the same shape as Allow_Events. Anything else (X- headers) is checked
 * against `header_value`, i.e. RFC 3261 `*(TEXT-UTF8char / UTF8-CONT / LWS)`.
 */
const RULES: Record<string, string> = {
  Via: "Via",
  From: "From",
  To: "To",
  "Call-ID": "Call_ID",
  CSeq: "CSeq",
  Contact: "Contact",
  "Max-Forwards": "Max_Forwards",
  "Content-Length": "Content_Length",
  "Content-Type": "Content_Type",
  "Refer-To": "Refer_To",
  "Record-Route": "Record_Route",
  Route: "Route",
  Event: "Event",
  "Subscription-State": "Subscription_State",
  Reason: "Reason",
  "Referred-By": "Name_Addr_Header",
  Allow: "Allow_Events",
};

function grammarAccepts(rule: string, text: string): boolean {
  return Grammar.parse(text, rule) !== -1;
}

/** Every header value of `m` parses with jssip's grammar; returns the failures. */
export function grammarFailures(m: SipMessage): string[] {
  const bad: string[] = [];
  for (const h of m.headers) {
    const rule = RULES[h.name] ?? "header_value";
    if (!grammarAccepts(rule, h.value)) bad.push(`${h.name} (${rule}): ${h.value}`);
    if (h.name === "Refer-To") {
      const replaces = /[?&]Replaces=([^&>]*)/.exec(h.value);
      if (replaces && !grammarAccepts("Replaces", decodeURIComponent(replaces[1]!)))
        bad.push(`Replaces: ${replaces[1]}`);
    }
  }
  return bad;
}

const MATRIX: HandoffTraceInput[] = [];
for (const method of ["refer", "invite", "bye"] as const) {
  for (const behaviour of DESTINATION_BEHAVIOURS) {
    for (const soft of [false, true]) {
      for (const placement of ["request", "refer-to-uri", "both"] as const) {
        MATRIX.push(
          input(
            {
              behaviour,
              soft: soft && method !== "bye",
              utterance: "One moment, Zoë.",
              agentName: "Zoë's desk",
              reason: "billing",
              variables: { customer_id: 'a&b=c; d?e%f <g> "h" é' },
            },
            {
              method,
              route: method === "bye" ? null : "+14155550199",
              referHeaderPlacement: placement,
              sipHeaders: [
                { name: "X-Customer-ID", value: "$customer_id" },
                { name: "X-Name", value: "Zoë" },
              ],
            },
          ),
        );
      }
    }
  }
}

describe("serializer and parser", () => {
  it("writes the start line, headers in order, an empty line and the body", () => {
    const m: SipMessage = {
      kind: "request",
      method: "BYE",
      uri: "sip:a@b",
      headers: [
        { name: "Via", value: "x" },
        { name: "Content-Length", value: "0" },
      ],
      body: "",
    };
    expect(serializeSipMessage(m)).toBe("BYE sip:a@b SIP/2.0\r\nVia: x\r\nContent-Length: 0\r\n\r\n");
    const r: SipMessage = {
      kind: "response",
      status: 486,
      reason: "Busy Here",
      headers: [{ name: "Content-Length", value: "3" }],
      body: "é!",
    };
    expect(serializeSipMessage(r)).toBe("SIP/2.0 486 Busy Here\r\nContent-Length: 3\r\n\r\né!");
    expect(parseSipMessage(serializeSipMessage(r))).toEqual(r);
    expect(parseSipMessage(serializeSipMessage(m))).toEqual(m);
  });

  it("rejects what is not a canonical SIP message", () => {
    expect(() => parseSipMessage("BYE sip:a@b SIP/2.0\r\nVia: x\r\n")).toThrow(SipParseError);
    expect(() => parseSipMessage("BYE sip:a@b SIP/2.0\r\nno colon\r\n\r\n")).toThrow(/no name/);
    expect(() => parseSipMessage("BYE sip:a@b SIP/2.0\r\nVia: x\nX: y\r\n\r\n")).toThrow(/Bare/);
    expect(() => parseSipMessage("BYE sip:a@b SIP/2.0\r\nContent-Length: 1\r\n\r\né")).toThrow(/Content-Length/);
    expect(() => parseSipMessage("SIP/2.0 99 Odd\r\n\r\n")).toThrow(/status/);
    expect(() => parseSipMessage("BYE sip:a@b SIP/3.0\r\n\r\n")).toThrow(/start line/);
  });

  it("counts UTF-8 bytes like Buffer does", () => {
    for (const s of ["", "abc", "Zoë", "日本", "😀x", "\ud800", "a\udc00b"]) {
      expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, "utf8"));
    }
  });

  it(`round-trips every message of every ladder (${MATRIX.length} configurations) exactly`, () => {
    let count = 0;
    for (const i of MATRIX) {
      for (const s of run(i).sip) {
        expect(parseSipMessage(s.raw)).toEqual(s.model);
        expect(serializeSipMessage(parseSipMessage(s.raw))).toBe(s.raw);
        count++;
      }
    }
    expect(count).toBeGreaterThan(300);
  });
});

describe("jssip's RFC 3261 grammar accepts what we send", () => {
  it("every start line and header value", () => {
    const failures: string[] = [];
    for (const i of MATRIX) {
      for (const s of run(i).sip) {
        const startLine = s.raw.slice(0, s.raw.indexOf("\r\n"));
        if (!grammarAccepts("Request_Response", startLine)) failures.push(startLine);
        failures.push(...grammarFailures(s.model));
      }
    }
    expect(failures).toEqual([]);
  });

  it("whole messages through jssip's Parser.parseMessage", () => {
    for (const i of MATRIX.slice(0, 12)) {
      for (const s of run(i).sip) {
        const parsed = Parser.parseMessage(s.raw, {});
        expect(parsed, s.label).toBeDefined();
        if (s.model.kind === "request") expect(parsed!.method).toBe(s.model.method);
        else expect(parsed!.status_code).toBe(s.model.status);
      }
    }
  });
});

describe("formatTraceText and methodNote", () => {
  it("writes a header line per message, the raw text, then the warnings", () => {
    const trace = buildHandoffTrace(input({ utterance: "Hold on" }, { sipHeaders: [{ name: "X-A", value: "$nope" }] }));
    const text = formatTraceText(trace);
    expect(text).toMatch(/^\[ {2}0\.000s\] SBC -> Agent {2}INVITE\nINVITE sip:/);
    expect(text).toContain('] Agent -> SBC  Agent says "Hold on"');
    expect(text).toMatch(/\] Agent -> SBC {2}REFER\nREFER sip:/);
    expect(text).not.toContain("\r");
    expect(text).toContain("Warnings (1):\n  - [unknown_variable] Header X-A: $nope");
    expect(formatTraceText({ messages: [], warnings: [] })).toBe("Warnings: none\n");
  });

  it("has a one-sentence note per method", () => {
    expect(methodNote("refer")).toBe(
      "The pre-handoff utterance must finish playing before the REFER is sent: once the SBC accepts the transfer the agent leaves the call.",
    );
    for (const m of ["refer", "invite", "bye"] as const) expect(methodNote(m)).toMatch(/^[A-Z].*\.$/);
    expect(methodNote("refer", true)).toContain("Replaces");
    expect(methodNote("bye", true)).toBe(methodNote("bye"));
  });
});
