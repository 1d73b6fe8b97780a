import { DESTINATION_BEHAVIOURS } from "../handoffs/outcomes";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createRequire } from "node:module";
import { parseSipMessage } from "./parse";
import { serializeSipMessage } from "./serialize";
import { headerNameError } from "./header-rules";
import { expectedHeaderNames, headerNames, input, run, wireHeaderNames } from "./testing/ladders";

const require = createRequire(import.meta.url);
const Grammar = require("jssip/lib/Grammar") as { parse(input: string, rule: string): unknown };

/** What a caller, a CRM or a careless configuration might put in a value: line breaks first. */
const nasty = fc
  .array(
    fc.constantFrom(
      "\r",
      "\n",
      "\r\n",
      "\u0000",
      "\u0085",
      "\u2028",
      "\u2029",
      "\u007f",
      "\t",
      " ",
      ":",
      ";",
      "X-Evil: 1",
      "Via: x",
      "<",
      ">",
      '"',
      "%",
      "é",
      "😀",
      "$",
      "$customer_id",
      "a",
      // Lone surrogates, bidi controls and invisible marks: full Unicode, not just the BMP's friendly part.
      "\uD800",
      "\uDFFF",
      "\uDBFF\uDC00",
      "\u202E",
      "\u2066",
      "\u200F",
      "\u200B",
      "\uFEFF",
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));
// "binary" draws any code point, surrogate halves included.
const value = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 20 }), nasty);
/**
 * JsSIP keeps a URI's headers in a plain object, so a valid header name such as `constructor` makes
 * its parser throw (`uri_headers[name].push is not a function`): such names are renamed to another
 * token before it checks the syntax, which a token of the same characters cannot change.
 */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
const forJsSip = (value: string) =>
  value.replace(/([?&])([^=&?>]+)=/g, (whole, sep: string, name: string) =>
    PROTOTYPE_KEYS.has(name) ? `${sep}X${name}=` : whole,
  );
/** Any name the destination form accepts (a SIP token that is not reserved), not only the usual X- ones. */
const headerName = fc
  .oneof(
    fc.constantFrom(
      "X-Customer-ID",
      "X-Note",
      "X-Tier",
      "User-to-User",
      "Allow",
      "Content-Type",
      "Refer-To",
      "Event",
      "Reason",
    ),
    fc.stringMatching(/^[A-Za-z0-9\-.!%*_+`'~]{1,24}$/),
  )
  .filter((name) => headerNameError(name) === null);
/** Configured values: templates that mix variable references with arbitrary text. */
const template = fc.oneof(
  value,
  fc
    .tuple(value, fc.constantFrom("$customer_id", "$caller_id", "$note", "$unknown_var"), value)
    .map(([a, v, b]) => a + v + b),
);
const HEADER_LINE = /^[A-Za-z0-9\-.!%*_+`'~]+: /;
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\r\n\u0000\u0085\u2028\u2029]/;

describe("property: nothing a value carries can add a header line", () => {
  it("header names are exactly the expected ones, every line is a header line, and the message round-trips", () => {
    fc.assert(
      fc.property(
        fc.record({
          method: fc.constantFrom("refer", "invite", "bye" as const),
          placement: fc.constantFrom("request", "refer-to-uri", "both" as const),
          behaviour: fc.constantFrom(...DESTINATION_BEHAVIOURS),
          soft: fc.boolean(),
          names: fc.uniqueArray(headerName, { maxLength: 3, selector: (n) => n.toLowerCase() }),
          values: fc.array(template, { minLength: 3, maxLength: 3 }),
          customer: value,
          note: value,
          callerId: value,
          reason: fc.option(value, { nil: undefined }),
          utterance: fc.option(value, { nil: undefined }),
          whisper: fc.option(value, { nil: undefined }),
          agentName: fc.option(value, { nil: undefined }),
        }),
        (c) => {
          const soft = c.soft && c.method !== "bye";
          const i = input(
            {
              behaviour: c.behaviour,
              soft,
              reason: c.reason,
              utterance: c.utterance,
              whisper: soft ? c.whisper : undefined,
              agentName: c.agentName,
              variables: { customer_id: c.customer, note: c.note, caller_id: c.callerId },
            },
            {
              method: c.method,
              route: c.method === "bye" ? null : "sip:2001@pbx.example",
              referHeaderPlacement: c.placement,
              sipHeaders: c.names.map((name, n) => ({ name, value: c.values[n]! })),
            },
          );
          const expectation = {
            method: soft ? ("refer" as const) : c.method,
            placement: c.placement,
            handoffNames: [...c.names, "X-Handoff-Reason"],
          };
          for (const s of run(i).sip) {
            // Multisets, from the model and from the wire: a header sent twice is a failure.
            expect(headerNames(s.model)).toEqual(expectedHeaderNames(s, expectation));
            expect(wireHeaderNames(s.raw)).toEqual(expectedHeaderNames(s, expectation));
            const head = s.raw.slice(0, s.raw.indexOf("\r\n\r\n"));
            const lines = head.split("\r\n");
            for (const line of lines.slice(1)) expect(line).toMatch(HEADER_LINE);
            for (const line of lines) expect(LINE_BREAKING.test(line), JSON.stringify(line)).toBe(false);
            expect(serializeSipMessage(parseSipMessage(s.raw))).toBe(s.raw);
            expect(parseSipMessage(s.raw)).toEqual(s.model);
            for (const h of s.model.headers) {
              if (h.name.startsWith("X-") || h.name === "User-to-User")
                expect(Grammar.parse(h.value, "header_value"), h.value).not.toBe(-1);
              if (h.name === "Refer-To") expect(Grammar.parse(forJsSip(h.value), "Refer_To"), h.value).not.toBe(-1);
              if (h.name === "From" || h.name === "To") expect(Grammar.parse(h.value, h.name), h.value).not.toBe(-1);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
    // 1,000 generated calls take about 15 s alone; the shared CI machine may be several times slower.
  }, 90_000);
});
