import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BILLING, DEMO_DESTINATIONS } from "../handoffs/demo";
import { routeError } from "../sip/route";
import { createNodeFunctionRunner } from "./node/node-runner";
import { sampleCall } from "./sample";
import { DEMO_FUNCTION, DEMO_START_FUNCTION, FUNCTION_TEMPLATES } from "./templates";
import type { FunctionDestination, FunctionRunner, JsonValue, RunRequest } from "./types";

// One warm runner for the whole file: Pyodide takes ~2.5 s to start.
let runner: FunctionRunner;
beforeAll(async () => {
  runner = createNodeFunctionRunner();
  await runner.warm();
}, 30_000);
afterAll(() => runner.dispose());

// The demo agent's destinations; Billing Support also sends X-Queue, which a test overrides.
const destinations: FunctionDestination[] = DEMO_DESTINATIONS.map(({ id: _id, ...d }) =>
  d.name === DEMO_BILLING.name ? { ...d, sipHeaders: [...d.sipHeaders, { name: "X-Queue", value: "billing" }] } : d,
);

function body(lines: string): string {
  return `def f(conv):\n${lines
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n")}\n`;
}

function run(code: string, extra: Partial<RunRequest> = {}) {
  return runner.run({
    code: code.startsWith("def ") || code.startsWith("import") ? code : body(code),
    functionName: "f",
    state: { customer_id: "abc123", tier: "silver" } as Record<string, JsonValue>,
    call: sampleCall(),
    destinations,
    ...extra,
  });
}

describe("conv.handoff", () => {
  it("uses the default destination when none is named, and its name as the reason", async () => {
    const r = await run("conv.handoff()");
    expect(r.ok).toBe(true);
    expect(r.handoff).toEqual({
      source: "function",
      destination: "Front desk",
      method: "refer",
      route: "sip:frontdesk@pbx.acme.example",
      sipHeaders: [],
      referHeaderPlacement: "request",
      reason: "Front desk",
      utterance: null,
      soft: false,
      whisper: null,
    });
  });

  it("finds a destination by name ignoring case, substitutes $variables and merges headers (the call's win)", async () => {
    const r = await run(
      'conv.call_handoff(destination="billing support", reason="billing", utterance="One moment", sip_headers={"x-queue": "vip", "X-Extra": 7})',
    );
    expect(r.error).toBeNull();
    expect(r.handoff).toMatchObject({
      destination: "Billing Support",
      method: "invite",
      reason: "billing",
      utterance: "One moment",
    });
    expect(r.handoff!.sipHeaders).toEqual([
      { name: "X-Customer-ID", value: "abc123" },
      { name: "X-Caller-ID", value: "+14155550123" },
      { name: "x-queue", value: "vip" },
      { name: "X-Extra", value: "7" },
    ]);
  });

  it("reports an unknown destination with the names it knows, on the failing line", async () => {
    const r = await run('x = 1\nconv.handoff(destination="Sales")');
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: "exception", type: "ValueError", line: 3 });
    expect(r.error!.message).toContain(
      "no destination named 'Sales'; this agent has 'Front desk', 'Billing Support', 'Hand back to IVR'",
    );
    expect(r.error!.traceback).toContain('File "<function>", line 3, in f');
  });

  it("refuses a bad reason code, a route for BYE, and a second handoff", async () => {
    expect((await run('conv.handoff(reason="Needs Human")')).error!.message).toContain("is not a reason code");
    expect((await run('conv.handoff(destination="Hand back to IVR", route="2001")')).error!.message).toContain(
      "takes no route",
    );
    expect((await run('conv.handoff()\nconv.transfer_call("2001")')).error).toMatchObject({ type: "HandoffError" });
  });

  it("says when the agent has no destinations", async () => {
    const r = await run("conv.handoff()", { destinations: [] });
    expect(r.error!.message).toContain("this agent has no handoff destinations");
  });

  it("warns about unknown variables and strips control characters from runtime values", async () => {
    const r = await run('conv.handoff(destination="Billing Support")', { state: { customer_id: "abc\r\nVia: evil" } });
    expect(r.handoff!.sipHeaders[0]).toEqual({ name: "X-Customer-ID", value: "abcVia: evil" });
    expect(r.logs.map((l) => l.message)).toContain("Removed 2 control character(s) from header X-Customer-ID");
  });

  it("strips Unicode line breaks from runtime values like CR and LF", async () => {
    const r = await run('conv.handoff(destination="Billing Support")', {
      state: { customer_id: "abc\u2028X-Evil: 1\u2029\u0085" },
    });
    expect(r.handoff!.sipHeaders[0]).toEqual({ name: "X-Customer-ID", value: "abcX-Evil: 1" });
    expect(r.logs.map((l) => l.message)).toContain("Removed 3 control character(s) from header X-Customer-ID");
  });
});

describe("conv.transfer_call", () => {
  it("records route, method, headers, reason, utterance and soft/whisper", async () => {
    const r = await run(
      'conv.transfer_call("+14155550199", method="invite", sip_headers={"X-Tier": "gold"}, reason="vip", utterance="Hold on", soft=True, whisper="Gold caller")',
    );
    expect(r.handoff).toEqual({
      source: "transfer_call",
      destination: null,
      method: "invite",
      route: "+14155550199",
      sipHeaders: [{ name: "X-Tier", value: "gold" }],
      referHeaderPlacement: "request",
      reason: "vip",
      utterance: "Hold on",
      soft: true,
      whisper: "Gold caller",
    });
  });

  it("falls back to the reason transfer_call", async () => {
    expect((await run('conv.transfer_call("2001")')).handoff!.reason).toBe("transfer_call");
  });

  it.each([
    ['conv.transfer_call("pbx.acme.example")', "Enter a SIP URI, tel: URI, E.164 number or extension"],
    ['conv.transfer_call("sip:a b@host")', "Not a valid SIP URI"],
    ['conv.transfer_call("123456789")', "Extensions are 1 to 8 digits"],
    ["conv.transfer_call(2001)", "route must be a string"],
    [
      'conv.transfer_call("2001", method="bye")',
      "method must be 'refer' or 'invite', got 'bye'; to hand the call back",
    ],
    ['conv.transfer_call("2001", method="REFER")', "method must be 'refer' or 'invite'"],
    ['conv.transfer_call("2001", sip_headers={"Via": "x"})', "Via is managed by the SIP dialog"],
    ['conv.transfer_call("2001", sip_headers={"X Tier": "x"})', "contains a space"],
    [
      'conv.transfer_call("2001", sip_headers={"X-A": "a\\r\\nVia: evil"})',
      "cannot contain control characters (found CR)",
    ],
    ['conv.transfer_call("2001", sip_headers={"X-A": ""})', "Enter a header value"],
    ['conv.transfer_call("2001", sip_headers={"X-A": "1", "x-a": "2"})', "is set twice"],
    ['conv.transfer_call("2001", sip_headers="X-A: 1")', "sip_headers must be a dict"],
    ['conv.transfer_call("2001", whisper="hi")', "whisper is only said on a soft transfer"],
    ['conv.transfer_call("2001", reason="x" * 65)', "is not a reason code"],
    // Routes follow the form's rules: no control characters, no dialog headers after "?".
    ['conv.transfer_call("sip:r@pbx.example;x=\\x00\\x1b")', "Routes cannot contain control characters (found NUL)"],
    ['conv.transfer_call("sip:r@pbx.example\\u2028")', "(found U+2028)"],
    ['conv.transfer_call("sip:r@pbx.example?X-A=%0D%0AVia:x")', "escaped control characters (found %0D)"],
    ['conv.transfer_call("sip:r@pbx.example?Via=x")', 'Route header "Via": Via is managed by the SIP dialog'],
    ['conv.transfer_call("sip:" + "a?Call-ID=1" + "@pbx.example")', 'Route header "Call-ID"'],
    ['conv.handoff(route="sip:r@pbx.example?X-A=caf\u00e9")', 'In a SIP URI, "\u00e9" must be percent-escaped'],
    ['conv.transfer_call("2001", sip_headers={"X-A": "a\\u2029b"})', "(found U+2029)"],
  ])("%s raises ValueError: %s", async (code, message) => {
    const r = await run(code);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: "exception", type: "ValueError", line: 2 });
    expect(r.error!.message).toContain(message);
  });

  it("can be caught by the function, which then hands off instead", async () => {
    const r = await run(
      'try:\n    conv.transfer_call("nope")\nexcept ValueError as e:\n    conv.log.warning("bad route", error=str(e))\n    conv.handoff()',
    );
    expect(r.ok).toBe(true);
    expect(r.handoff!.destination).toBe("Front desk");
    expect(r.logs[0]).toMatchObject({ level: "warning", message: "bad route" });
  });
});

describe("conv.sip_uri", () => {
  it("escapes caller data into a route the SIP rules accept", async () => {
    const r = await run(
      'return [conv.sip_uri("2001", "pbx.acme.example"), conv.sip_uri("+1 415;x?Via=1@evil", "pbx.acme.example:5060", headers={"X-Note": "café & <b>=?", "X-Ticket": 42}), conv.sip_uri(None, "[2001:db8::1]"), conv.sip_uri(7, "10.0.0.5")]',
    );
    expect(r.error).toBeNull();
    expect(r.returnValue).toEqual([
      "sip:2001@pbx.acme.example",
      "sip:+1%20415%3Bx%3FVia%3D1%40evil@pbx.acme.example:5060?X-Note=caf%C3%A9%20%26%20%3Cb%3E%3D%3F&X-Ticket=42",
      "sip:[2001:db8::1]",
      "sip:7@10.0.0.5",
    ]);
    for (const uri of r.returnValue as string[]) expect(routeError(uri), uri).toBeNull();
  });

  it("hands its result to transfer_call", async () => {
    const r = await run('conv.transfer_call(conv.sip_uri(conv.state["customer_id"], "pbx.acme.example"))');
    expect(r.handoff).toMatchObject({ route: "sip:abc123@pbx.acme.example" });
  });

  it.each([
    ['conv.sip_uri("a\\r\\nVia: x", "pbx.example")', "user cannot contain control characters (found CR)"],
    ['conv.sip_uri("a\\u2028", "pbx.example")', "(found U+2028)"],
    ['conv.sip_uri("", "pbx.example")', "user is empty; pass None"],
    ['conv.sip_uri(["a"], "pbx.example")', "user must be a string"],
    ['conv.sip_uri("a", "pbx.example?Via=x")', "host must be a host name or IP address"],
    ['conv.sip_uri("a", "pbx.example;transport=tcp")', "host must be a host name"],
    ['conv.sip_uri("a", None)', "host must be a host name"],
    ['conv.sip_uri("a", "pbx.example", headers={"Via": "x"})', "Via is managed by the SIP dialog"],
    ['conv.sip_uri("a", "pbx.example", headers={"X-A": "1\\r\\n2"})', "cannot contain control characters (found CR)"],
    [
      'conv.sip_uri("a", "pbx.example", headers={"X-A": "1\\t2"})',
      "a route cannot carry control characters (found a tab)",
    ],
    ['conv.sip_uri("a", "pbx.example", headers={"X-A": ""})', "Enter a header value"],
  ])("%s raises ValueError: %s", async (code, message) => {
    const r = await run(`return ${code}`);
    expect(r.error).toMatchObject({ type: "ValueError" });
    expect(r.error!.message).toContain(`conv.sip_uri: `);
    expect(r.error!.message).toContain(message);
  });
});

describe("say, metrics, logs, state", () => {
  it("records them in order, with structured fields and print output", async () => {
    const r = await run(
      'conv.say("Hello")\nconv.write_metric("lookups", 2)\nconv.write_metric("latency_ms", 12.5)\nconv.log.info("found", customer=conv.state.get("customer_id"), n=1)\nconv.log.error("oops", obj=object)\nprint("debug line")\nconv.state["tier"] = "gold"\nconv.say("Bye")',
    );
    expect(r.ok).toBe(true);
    expect(r.says).toEqual(["Hello", "Bye"]);
    expect(r.metrics).toEqual([
      { name: "lookups", value: 2 },
      { name: "latency_ms", value: 12.5 },
    ]);
    expect(r.logs).toEqual([
      { level: "info", message: "found", fields: { customer: "abc123", n: 1 } },
      { level: "error", message: "oops", fields: { obj: "<class 'object'>" } },
      { level: "print", message: "debug line", fields: {} },
    ]);
    expect(r.state).toEqual({ customer_id: "abc123", tier: "gold" });
  });

  it("validates metric names and values", async () => {
    expect((await run('conv.write_metric("bad name", 1)')).error!.message).toContain("write_metric: name 'bad name'");
    expect((await run('conv.write_metric("n", {"a": 1})')).error!.message).toContain("must be a number, text");
    expect((await run('conv.write_metric("n", float("nan"))')).error!.message).toContain("must be a finite number");
    expect((await run('conv.write_metric("n", 1, write_once="yes")')).error!.message).toContain(
      "write_once must be True or False",
    );
  });

  it("exposes the call and the destinations", async () => {
    const r = await run(
      'return [conv.id, conv.caller_number, conv.callee_number, conv.sip_headers.get("X-Campaign"), sorted(conv.handoffs), conv.handoffs["Billing Support"]["sip_headers"]["X-Queue"]]',
      {
        call: sampleCall({ sipHeaders: { "X-Campaign": "spring" } }),
      },
    );
    expect(r.returnValue).toEqual([
      "conv_demo",
      "+14155550123",
      "+18005550100",
      "spring",
      ["Billing Support", "Front desk", "Hand back to IVR"],
      "billing",
    ]);
  });

  it("conv.last_transfer: None before a transfer failed, then outcome, status and attempts", async () => {
    const read =
      'lt = conv.last_transfer\nreturn None if lt is None else [lt["outcome"], lt["sip_status"], len(lt["attempts"]), lt["destination"]]';
    expect((await run(read)).returnValue).toBeNull();
    const r = await run(read, {
      lastTransfer: {
        destination: "Billing Support",
        method: "invite",
        outcome: "busy",
        sip_status: 486,
        attempts: [
          { outcome: "no_answer", sip_status: 480 },
          { outcome: "busy", sip_status: 486 },
        ],
      },
    });
    expect(r.returnValue).toEqual(["busy", 486, 2, "Billing Support"]);
  });
});

describe("return values", () => {
  it("a string is what the agent says", async () => {
    const r = await run("return f\"Your tier is {conv.state.get('tier')}\"");
    expect(r).toMatchObject({
      ok: true,
      utterance: "Your tier is silver",
      returnValue: "Your tier is silver",
      returnRepr: "'Your tier is silver'",
    });
  });

  it("a dict can say, hang up and hand off", async () => {
    const r = await run('return {"utterance": "Goodbye", "hangup": True}');
    expect(r).toMatchObject({ ok: true, utterance: "Goodbye", hangup: true, handoff: null });
    const h = await run(
      'return {"utterance": "Transferring", "handoff": {"destination": "Billing Support", "reason": "billing"}}',
    );
    expect(h.handoff).toMatchObject({ source: "function", destination: "Billing Support", reason: "billing" });
    expect((await run('return {"handoff": "hand back to ivr"}')).handoff).toMatchObject({
      destination: "Hand back to IVR",
      method: "bye",
      route: null,
    });
    expect((await run('return {"handoff": True}')).handoff!.destination).toBe("Front desk");
  });

  it("warns about dict keys the agent does not read; other values are just data", async () => {
    const r = await run('return {"utterance": "Hi", "score": 3}');
    expect(r.logs[0]!.message).toContain("'score' mean nothing to the agent");
    const n = await run("return {1, 2}");
    expect(n).toMatchObject({ ok: true, returnValue: [1, 2], utterance: null });
  });

  it("None does nothing", async () => {
    expect(await run("return None")).toMatchObject({
      ok: true,
      returnValue: null,
      returnRepr: null,
      utterance: null,
      says: [],
      handoff: null,
    });
  });
});

describe("errors", () => {
  it("a syntax error is reported with its position", async () => {
    const r = await run("def f(conv):\n    return (1\n");
    expect(r.error).toMatchObject({ kind: "syntax", type: "SyntaxError", line: 2 });
    expect(await runner.check("def f(conv):\n    return (1\n")).toMatchObject({
      line: 2,
      message: expect.stringContaining("never closed"),
    });
    expect(await runner.check("def f(conv):\n    return 1\n")).toBeNull();
  });

  it("a missing function names what it expected", async () => {
    const r = await run("def g(conv):\n    pass\n");
    expect(r.error).toMatchObject({ kind: "not_found" });
    expect(r.error!.message).toBe("Define the function this record is named after: def f(conv): (found g)");
  });

  it("a traceback lists only the function's own frames", async () => {
    const r = await run("def helper(x):\n    return x['missing']\n\ndef f(conv):\n    return helper({})\n");
    expect(r.error).toMatchObject({ type: "KeyError", line: 2, message: "'missing'" });
    expect(r.error!.traceback).toMatch(/line 5, in f[\s\S]*line 2, in helper/);
    expect(r.error!.traceback).not.toContain("switchboard");
  });

  // How fast the stop happens is a benchmark's business, not a unit test's: on a loaded CI machine a
  // wall-clock bound here failed without anything being wrong.
  it("stops a runaway function at its time limit and the next call succeeds", async () => {
    const r = await run("while True:\n    pass");
    expect(r.error).toMatchObject({ kind: "timeout", type: "TimeoutError" });
    expect(r.error!.message).toContain("did not finish within 2000 ms and was stopped");
    const next = await run('return "alive"');
    expect(next).toMatchObject({ ok: true, utterance: "alive" });
  }, 30_000);

  it("honours a per-request time limit", async () => {
    const r = await run("import time\ndef f(conv):\n    time.sleep(1)\n    return 'late'\n", { timeoutMs: 300 });
    expect(r.error).toMatchObject({ kind: "timeout" });
    expect((await run("return 1")).ok).toBe(true);
  }, 30_000);
});

describe("a result broken through conv's private fields", () => {
  it.each([
    [
      'conv.transfer_call("2001")\nconv._handoff["sipHeaders"] = [{"name": "X-A", "value": 5}]',
      "handoff.sipHeaders[0].value: expected text, got 5",
    ],
    ['conv.transfer_call("2001")\nconv._handoff["route"] = 5', "handoff.route: expected text, got 5"],
    ['conv._handoff = {"destination": 5}', "handoff.source: expected one of"],
    ["conv._says.append(5)", "says[0]: expected text, got 5"],
    ['conv._metrics.append({"name": "m", "value": [1]})', "metrics[0].value: Invalid input"],
  ])("%s is the function's error, naming the field", async (code, message) => {
    const r = await run(`print("before")\n${code}`);
    expect(r).toMatchObject({
      ok: false,
      handoff: null,
      says: [],
      error: { kind: "invalid_result", type: "InvalidResult" },
    });
    expect(r.error!.message).toContain(`The function's result is malformed: ${message}`);
    expect(r.logs).toEqual([{ level: "print", message: "before", fields: {} }]);
    // The worker is fine: the next run works.
    expect((await run('return "alive"')).utterance).toBe("alive");
  });
});

describe("templates and the demo function", () => {
  it("every template compiles and runs", async () => {
    for (const t of FUNCTION_TEMPLATES) {
      const r = await runner.run({
        code: t.code("my_fn"),
        functionName: "my_fn",
        state: { tier: "gold", customer_id: "abc123" },
        call: sampleCall(),
        destinations,
      });
      expect(r.error, t.id).toBeNull();
    }
  });

  it("route_vip sends gold callers to the VIP queue and others to Billing Support", async () => {
    const gold = await runner.run({
      code: DEMO_FUNCTION.code,
      functionName: "route_vip",
      state: { tier: "gold", customer_id: "abc123" },
      call: sampleCall(),
      destinations,
    });
    expect(gold.handoff).toMatchObject({
      source: "transfer_call",
      route: "sip:vip@pbx.acme.example",
      sipHeaders: [
        { name: "X-Tier", value: "gold" },
        { name: "X-Customer-ID", value: "abc123" },
      ],
    });
    expect(gold.metrics).toEqual([{ name: "vip_transfers", value: 1 }]);
    const silver = await runner.run({
      code: DEMO_FUNCTION.code,
      functionName: "route_vip",
      state: { tier: "silver", customer_id: "abc123" },
      call: sampleCall(),
      destinations,
    });
    expect(silver.handoff).toMatchObject({ source: "function", destination: "Billing Support", reason: "billing" });
  });
});

describe("conv parity (docs/design.md §4)", () => {
  it("conv.state.tier reads and writes the same value as conv.state['tier'] and .get; a missing one is None", async () => {
    const r = await run(
      'a = conv.state.tier\nb = conv.state["tier"]\nc = conv.state.get("tier")\nconv.state.tier = "gold"\nconv.state.plan = "pro"\nreturn [a, b, c, conv.state["tier"], conv.state.missing, "plan" in conv.state]',
    );
    expect(r.error).toBeNull();
    expect(r.returnValue).toEqual(["silver", "silver", "silver", "gold", null, true]);
    expect(r.state).toEqual({ customer_id: "abc123", tier: "gold", plan: "pro" });
  });

  it("write_metric: a value, no value (True), text, and write_once across the call", async () => {
    const r = await run(
      'conv.write_metric("a", 2)\nconv.write_metric("b")\nconv.write_metric("c", "gold")\nconv.write_metric("once", 1, write_once=True)\nconv.write_metric("once", 2, write_once=True)\nconv.write_metric("earlier", 3, write_once=True)\nconv.write_metric("again", 1)\nconv.write_metric("again", 2)',
      { writtenMetrics: ["earlier"] },
    );
    expect(r.error).toBeNull();
    expect(r.metrics).toEqual([
      { name: "a", value: 2 },
      { name: "b", value: true },
      { name: "c", value: "gold" },
      { name: "once", value: 1 },
      { name: "again", value: 1 },
      { name: "again", value: 2 },
    ]);
    const bad = await run('conv.write_metric("a", [1])');
    expect(bad.error).toMatchObject({ type: "ValueError", line: 2 });
    expect(bad.error!.message).toContain("must be a number, text, True/False or None");
  });

  it('a returned {"utterance": ..., "end_turn": False} speaks and goes on; end_turn defaults to True', async () => {
    const r = await run('return {"utterance": "Let me check.", "end_turn": False}');
    expect(r).toMatchObject({ ok: true, utterance: "Let me check.", endTurn: false });
    expect((await run('return "Hello"')).endTurn).toBe(true);
    const bad = await run('return {"utterance": "x", "end_turn": "no"}');
    expect(bad.error!.message).toContain("end_turn must be True or False");
  });

  it("reads caller_number, sip_headers and integration_attributes from the host", async () => {
    const r = await run(
      'return [conv.caller_number, conv.sip_headers.get("X-Customer-Tier"), conv.integration_attributes["channel"], conv.integration_attributes["retries"]]',
      {
        call: sampleCall({ callerNumber: "+447700900123", sipHeaders: { "X-Customer-Tier": "gold" } }),
        integrationAttributes: { channel: "cli", retries: 2 },
      },
    );
    expect(r.error).toBeNull();
    expect(r.returnValue).toEqual(["+447700900123", "gold", "cli", 2]);
  });

  it("conv.functions.other(...) calls another function of the agent with the same conv", async () => {
    const functions = [
      {
        name: "lookup",
        code: 'def lookup(conv, customer, bonus=0):\n    conv.log.info("looked up", customer=customer)\n    conv.state.tier = "gold"\n    return 100 + bonus\n',
      },
      { name: "broken", code: "def broken(conv):\n    return 1 / 0\n" },
    ];
    const r = await run("return conv.functions.lookup(conv.state.customer_id, bonus=5)", { functions });
    expect(r.error).toBeNull();
    expect(r.returnValue).toBe(105);
    expect(r.state.tier).toBe("gold");
    expect(r.logs).toEqual([{ level: "info", message: "looked up", fields: { customer: "abc123" } }]);
    const unknown = await run("conv.functions.nope()", { functions });
    expect(unknown.error).toMatchObject({ type: "AttributeError", line: 2 });
    expect(unknown.error!.message).toContain("no function named 'nope' (its functions: broken, lookup)");
    // The error marks the calling line of this function; the traceback shows the other function's frame.
    const raised = await run("x = 1\nconv.functions.broken()", { functions });
    expect(raised.error).toMatchObject({ type: "ZeroDivisionError", line: 3 });
    expect(raised.error!.traceback).toContain("<function broken>");
  });

  it("the whole conv.functions chain shares the one time limit", async () => {
    const functions = [{ name: "spin", code: "def spin(conv):\n    while True:\n        pass\n" }];
    const r = await run("conv.functions.spin()", { functions, timeoutMs: 300 });
    expect(r.error).toMatchObject({ kind: "timeout" });
    expect((await run('return "alive"')).utterance).toBe("alive");
  });

  it("goto_flow names a flow of the agent (any case); exit_flow; at most one flow change, never with a handoff", async () => {
    const flows = ["Main", "Billing"];
    expect((await run('conv.goto_flow("billing")', { flows })).flow).toEqual({ kind: "goto", flow: "Billing" });
    expect((await run("conv.exit_flow()", { flows })).flow).toEqual({ kind: "exit", flow: null });
    const unknown = await run('conv.goto_flow("Sales")', { flows });
    expect(unknown.error!.message).toBe("conv.goto_flow: no flow named 'Sales'; this agent has 'Main', 'Billing'");
    const twice = await run('conv.goto_flow("Billing")\nconv.exit_flow()', { flows });
    expect(twice.error!.message).toContain("a function changes flow at most once");
    const both = await run('conv.handoff()\nconv.goto_flow("Billing")', { flows });
    expect(both.error).toMatchObject({ type: "HandoffError" });
    expect(both.error!.message).toContain("either hands off or changes flow");
  });
});

describe("the demo start_function", () => {
  it("copies an inbound X-Customer-Tier header (any case) into conv.state.tier, and leaves the tier alone without one", async () => {
    const gold = await runner.run({
      code: DEMO_START_FUNCTION.code,
      functionName: "start_function",
      state: { tier: "silver" },
      call: sampleCall({ sipHeaders: { "x-customer-tier": " Gold " } }),
      destinations,
    });
    expect(gold.error).toBeNull();
    expect(gold.state.tier).toBe("gold");
    expect(gold.logs).toEqual([
      { level: "info", message: "tier from the inbound SIP header", fields: { tier: "gold" } },
    ]);
    const none = await runner.run({
      code: DEMO_START_FUNCTION.code,
      functionName: "start_function",
      state: { tier: "silver" },
      call: sampleCall(),
      destinations,
    });
    expect(none.state.tier).toBe("silver");
    expect(none.logs).toEqual([]);
  });
});
