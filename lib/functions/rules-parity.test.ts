import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyRoute, routeError } from "../sip/route";
import { hostileRoute } from "../sip/testing/hostile-routes";
import { headerNameError, headerNameWarning, headerValueError, sanitizeRuntimeValue } from "../sip/header-rules";
import { createNodeFunctionRunner } from "./node/node-runner";
import { sampleCall } from "./sample";
import { isReasonCode, SUGGESTED_REASONS } from "../handoffs/record";
import { CONV_MEMBERS, LOG_MEMBERS } from "./conv-api";
import type { FunctionRunner, JsonValue } from "./types";

/**
 * The Python port of lib/sip/header-rules.ts, lib/sip/route.ts and lib/handoffs/record.ts's
 * reason-code pattern (python/sip_rules.py) must answer exactly like the TypeScript originals:
 * one table of cases runs through both.
 */
const HEADER_NAMES = [
  "X-Customer-ID",
  "Refer-To",
  "x-handoff-reason",
  "o",
  "Reason",
  "X-a.b!c%d*e_f+g`h'i~j",
  "User-to-User",
  "P-Asserted-Identity",
  "Foo",
  "",
  "   ",
  "X Customer",
  "X-Customer:",
  "X-Ünïcode",
  "X-(paren)",
  "X-Bad\r\nVia",
  "Via",
  "via",
  "FROM",
  "To",
  "Call-ID",
  "call-id",
  "CSeq",
  "Contact",
  "Max-Forwards",
  "Content-Length",
  "Route",
  "Record-Route",
  "v",
  "f",
  "t",
  "i",
  "m",
  "l",
  "x-lower",
  "user-to-user",
  "X-A\n",
  "X-\u0000",
  "X-\u0085",
  "\uFEFF",
  "\u2003",
  "X-😀",
  "X-Tab\t",
  "Record-Route2",
  "X-\u001c",
];
const HEADER_VALUES = [
  "abc123",
  "$customer_id",
  "Zoë — ünïcode ✓",
  "a\tb",
  "<sip:x@y>;tag=1",
  "日本語",
  "evil\r\nVia: x",
  "evil\nX-Injected: 1",
  "nul\u0000",
  "bell\u0007",
  "del\u007f",
  "c1\u0085",
  "   ",
  "",
  "x".repeat(1024),
  "x".repeat(1025),
  "😀".repeat(512),
  "😀".repeat(513),
  "é".repeat(1024),
  "\uFEFF",
  "\u2003x",
  "\u001c",
  "trailing\n",
  "\u009f",
  "\u00a0",
];
const ROUTES = [
  "sip:2001@pbx.acme.example",
  "sip:2001@pbx.acme.example?Replaces=abc%40host&Reason=x",
  "sip:2001@pbx.acme.example?Via=x",
  "sips:billing@pbx.acme.example:5061;transport=tls",
  "sip:pbx.acme.example",
  "sip:+14155550123@[2001:db8::1]",
  "tel:+14155550123",
  "TEL:+14155550123;phone-context=x",
  "+442071838750",
  "2001",
  "",
  "   ",
  "sip:",
  "sip:user@",
  "sip:a b@host",
  "tel:4155550123",
  "+0123",
  "+1234567890123456",
  "123456789",
  "pbx.acme.example",
  "http://example.com",
  " 2001 ",
  "2001\n",
  "sip:2001@pbx.example\n",
  "٣٣",
  "+١٢٣٤",
  "\u20032001",
  "\uFEFF2001",
  "sip:a\u00a0b@host",
  "SIP:2001@PBX.EXAMPLE",
  "sip:2001@pbx.example?X-A=1",
  "sip:2001@-bad.example",
  "sip:2001@pbx.example:123456",
  "tel:+1;x y",
  "+12",
  "12345678",
  "sip:2001@host;user=phone>",
  "sip:r@pbx.example;x=\u0000\u001b",
  "sip:r@pbx.example\u2028",
  "\t2001",
  "sip:r@pbx.example?X-A=1%0D%0AVia:%20x",
  "sip:r@pbx.example?X-A=%C2%85",
  "sip:r@pbx.example?Via=x",
  "sip:r@pbx.example?X-A=1&%56ia=x",
  "sip:r@pbx.example?",
  "sip:r@pbx.example?X-A",
  "sip:r@pbx.example?X-A=caf\u00e9",
  "sip:r@pbx.example?X-A=%zz",
  "sip:r@pbx.example?X-A=\ud83d\ude00",
  "sip:r@pbx.example;x=",
  "sip:r@pbx.example;;lr",
  "sip:a%3Fb;c=d&e+f$g,h/i@pbx.example;lr;x=a/b:c&d",
  "sip:r@pbx.example?X-Empty=&X-B=a/b?c:d[e]+$",
  "sip:a?Via=x@pbx.example",
  // Generated like the engine's property test, so the port meets the same hostile routes.
  ...fc.sample(hostileRoute, { numRuns: 400, seed: 10 }),
];

let runner: FunctionRunner;
beforeAll(async () => {
  runner = createNodeFunctionRunner();
  await runner.warm();
}, 30_000);
afterAll(() => runner.dispose());

async function python(expression: string, table: JsonValue): Promise<JsonValue> {
  const code = `import json, switchboard as sb\n\ndef check(conv):\n    cases = json.loads(conv.state["cases"])\n    return ${expression}\n`;
  const r = await runner.run({
    code,
    functionName: "check",
    state: { cases: JSON.stringify(table) },
    call: sampleCall(),
    destinations: [],
  });
  if (!r.ok) throw new Error(r.error?.traceback || r.error?.message);
  return r.returnValue;
}

describe("Python port of the SIP rules matches TypeScript", () => {
  it("header names", async () => {
    const py = await python("[[sb.header_name_error(n), sb.header_name_warning(n)] for n in cases]", HEADER_NAMES);
    expect(py).toEqual(HEADER_NAMES.map((n) => [headerNameError(n), headerNameWarning(n)]));
  });

  it("header values", async () => {
    const py = await python(
      "[[sb.header_value_error(v), list(sb.sanitize_runtime_value(v))] for v in cases]",
      HEADER_VALUES,
    );
    expect(py).toEqual(
      HEADER_VALUES.map((v) => {
        const s = sanitizeRuntimeValue(v);
        return [headerValueError(v), [s.value, s.removed]];
      }),
    );
  });

  it("routes", async () => {
    const py = await python("[[sb.route_error(r), sb.classify_route(r)] for r in cases]", ROUTES);
    expect(py).toEqual(ROUTES.map((r) => [routeError(r), classifyRoute(r)]));
  });

  it("reason codes", async () => {
    const codes = [
      ...SUGGESTED_REASONS,
      "a",
      `a${"b".repeat(63)}`,
      `a${"b".repeat(64)}`,
      "",
      "Billing",
      "2fa",
      "_x",
      "needs-human",
      "needs human",
      "billing\n",
      "billing\nx",
      "bïlling",
    ];
    const py = await python("[bool(sb.REASON_CODE.match(c)) for c in cases]", codes);
    expect(py).toEqual(codes.map(isReasonCode));
  });
});

describe("the Python conv object matches the API description in conv-api.ts", () => {
  it("has every described member, with the described parameters and defaults, and nothing else public", async () => {
    const code = `import inspect, switchboard as sb

def describe(conv):
    def params(fn):
        out = []
        for p in list(inspect.signature(fn).parameters.values())[1:]:
            out.append([p.name, None if p.default is inspect.Parameter.empty else repr(p.default), p.kind == inspect.Parameter.VAR_KEYWORD])
        return out
    members = {}
    for name in sorted(n for n in dir(conv) if not n.startswith("_")):
        value = getattr(sb.Conv, name, None)
        members[name] = params(value) if callable(value) else "property"
    log = {n: params(getattr(sb.Log, n)) for n in dir(sb.Log) if not n.startswith("_")}
    return {"conv": members, "log": log}
`;
    const r = await runner.run({ code, functionName: "describe", state: {}, call: sampleCall(), destinations: [] });
    expect(r.error).toBeNull();
    const toPy = (d: string | undefined) => (d === undefined ? null : d.replace(/^"(.*)"$/, "'$1'"));
    const expected = (members: typeof CONV_MEMBERS) =>
      Object.fromEntries(
        [...members]
          .sort((a, b) => (a.name < b.name ? -1 : 1))
          .map((m) => [
            m.name,
            m.kind === "property"
              ? "property"
              : (m.params ?? []).map((p) => [p.name, toPy(p.default), Boolean(p.variadicKeywords)]),
          ]),
      );
    expect(r.returnValue).toEqual({ conv: expected(CONV_MEMBERS), log: expected(LOG_MEMBERS) });
  });
});
