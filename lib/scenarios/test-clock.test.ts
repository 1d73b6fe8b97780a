import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgentDocument } from "../agent-document/build";
import type { AgentDocument } from "../agent-document/schema";
import { at, doc, edge } from "../flow/testing/builders";
import { createNodeFunctionRunner } from "../functions/node/node-runner";
import { sampleCall } from "../functions/sample";
import type { FunctionRunner } from "../functions/types";
import { DEMO_DESTINATIONS } from "../handoffs/demo";
import { runScenarios, type ScenarioHost } from "./runner";
import { parseScenario, type Scenario } from "./schema";

/**
 * A scenario's call setup (docs/design.md §15): inbound SIP headers, the caller number (withheld
 * when empty), the test clock read by conv.now(), and the function calls it records — through the
 * real Pyodide runner on Node.
 */

let runner: FunctionRunner;
beforeAll(async () => {
  runner = createNodeFunctionRunner();
  await runner.warm();
}, 60_000);
afterAll(() => runner.dispose());

const BOOK = `def book(conv, slot: int, vip: bool, note: str = ""):
    now = conv.now()
    conv.write_metric("now", now.isoformat())
    conv.write_metric("tz", str(now.tzinfo))
    conv.write_metric("caller", conv.caller_number or "withheld")
    conv.write_metric("campaign", conv.sip_headers.get("x-campaign") or "none")
    if conv.state.get("transfer") == "yes":
        conv.handoff(destination="Billing Support")
`;

function agent(): AgentDocument {
  const flow = doc(
    [
      { id: "s", type: "start", position: at, data: { greeting: "Hello." } },
      {
        id: "f",
        type: "function",
        position: at,
        data: {
          functionName: "book",
          arguments: [
            { name: "slot", value: "$slot" },
            { name: "vip", value: "true" },
            { name: "note", value: "hi there" },
          ],
        },
      },
      { id: "z", type: "end", position: at, data: { goodbye: "Bye." } },
    ],
    [edge("s", "next", "f"), edge("f", "next", "z"), edge("f", "error", "z")],
  );
  return buildAgentDocument({
    agent: { name: "Clinic", trunkHost: "trunk.example", pbxHost: "pbx.example", functionTimeoutMs: 2_000 },
    variables: [
      { name: "slot", sampleValue: "7", description: "" },
      { name: "transfer", sampleValue: "no", description: "" },
    ],
    destinations: DEMO_DESTINATIONS,
    functions: [{ name: "book", description: "", code: BOOK }],
    flows: [{ ...flow, name: "Main" }],
  });
}

const host = (d: AgentDocument): ScenarioHost => ({
  agentId: "agt_clinic",
  document: () => ({ ok: true, document: d, version: null }),
  runPython: (r) => runner.run(r),
  now: () => new Date("2020-01-01T00:00:00Z"),
});

const metric = (call: { metrics?: { name: string; value: unknown }[] } | null, name: string) =>
  call?.metrics?.find((m) => m.name === name)?.value;

const base: Scenario = { name: "Book", expect: { outcome: "hangup" } };

describe("the test clock", () => {
  it("conv.now() is the scenario's moment in UTC, plus the call's simulated time so far", async () => {
    const [r] = await runScenarios([{ ...base, simulated_at: "2026-03-01T10:30:00+01:00" }], host(agent()));
    expect(r!.status).toBe("pass");
    expect(metric(r!.call, "tz")).toBe("UTC");
    const now = String(metric(r!.call, "now"));
    // The greeting takes simulated speaking time before the function runs: later than 09:30, same minute.
    expect(now.startsWith("2026-03-01T09:30:")).toBe(true);
    expect(now.endsWith("+00:00")).toBe(true);
    expect(Date.parse(now)).toBeGreaterThan(Date.parse("2026-03-01T09:30:00Z"));
    // The recorded call starts at the clock too.
    expect(r!.call!.started_at).toBe("2026-03-01T09:30:00.000Z");
  });

  it("without a clock conv.now() is the real time, timezone-aware UTC", async () => {
    const [r] = await runScenarios([base], host(agent()));
    expect(metric(r!.call, "tz")).toBe("UTC");
    expect(Date.parse(String(metric(r!.call, "now")))).toBeGreaterThan(Date.parse("2025-01-01T00:00:00Z"));
    expect(r!.call!.started_at).toBe("2020-01-01T00:00:00.000Z");
  });

  it("a run request's now is what conv.now() returns, to the microsecond", async () => {
    const r = await runner.run({
      code: "def f(conv):\n    return conv.now().isoformat()\n",
      functionName: "f",
      state: {},
      call: sampleCall(),
      destinations: [],
      now: "2026-12-31T23:59:59.123Z",
    });
    expect(r.returnValue).toBe("2026-12-31T23:59:59.123000+00:00");
  });
});

describe("caller number and inbound headers", () => {
  it("reach conv.caller_number and conv.sip_headers (names ignoring case), and the inbound INVITE", async () => {
    const [r] = await runScenarios(
      [
        {
          ...base,
          caller_number: "+442071234567",
          variables: { transfer: "yes" },
          sip_headers: [{ name: "X-Campaign", value: "spring" }],
          expect: { outcome: "handoff" },
        },
      ],
      host(agent()),
    );
    expect(r!.status).toBe("pass");
    expect(metric(r!.call, "caller")).toBe("+442071234567");
    expect(metric(r!.call, "campaign")).toBe("spring");
    const invite = r!.call!.sip_trace!.messages[0]!.raw;
    expect(invite).toMatch(/^INVITE /);
    expect(invite).toContain("\r\nX-Campaign: spring\r\n");
    expect(invite).toContain("From: <sip:+442071234567@");
    expect(invite).not.toContain("Privacy:");
  });

  it("an empty caller number is withheld: conv.caller_number is empty, the From anonymous with Privacy: id", async () => {
    const [r] = await runScenarios(
      [{ ...base, caller_number: "", variables: { transfer: "yes" }, expect: { outcome: "handoff" } }],
      host(agent()),
    );
    expect(metric(r!.call, "caller")).toBe("withheld");
    const invite = r!.call!.sip_trace!.messages[0]!.raw;
    expect(invite).toContain('From: "Anonymous" <sip:anonymous@anonymous.invalid>;tag=');
    expect(invite).toContain("\r\nPrivacy: id\r\n");
    // The agent's own INVITE to the destination keeps the caller anonymous too.
    const outbound = r!.call!.sip_trace!.messages.find((m) => m.from === "agent" && m.raw.startsWith("INVITE "));
    expect(outbound?.raw).toContain('From: "Anonymous" <sip:anonymous@anonymous.invalid>;tag=');
  });
});

describe("function-call assertions", () => {
  const assert = (functions: NonNullable<Scenario["expect"]["functions"]>): Scenario => ({
    ...base,
    variables: { slot: "12" },
    expect: { outcome: "hangup", functions },
  });

  it("pass when a call had every listed argument (typed), and show the calls seen when not", async () => {
    const results = await runScenarios(
      [
        assert([
          {
            name: "book",
            args: [
              { name: "slot", value: "12", type: "integer" },
              { name: "vip", value: "True", type: "boolean" },
              { name: "note", value: "hi there", type: "string" },
            ],
          },
        ]),
        { ...assert([{ name: "book", args: [{ name: "slot", value: "13", type: "integer" }] }]), name: "wrong" },
        { ...assert([{ name: "cancel" }]), name: "absent" },
      ],
      host(agent()),
    );
    expect(results.map((r) => r.status)).toEqual(["pass", "fail", "fail"]);
    expect(results[0]!.functionCalls).toEqual([
      { name: "book", args: { slot: 12, vip: true, note: "hi there" }, purpose: "node" },
    ]);
    expect(results[1]!.expectations.at(-1)).toEqual({
      key: "functions.0.book",
      label: "Function book called",
      expected: "book(slot=13)",
      actual: 'book(slot=12, vip=true, note="hi there")',
      pass: false,
    });
    expect(results[2]!.expectations.at(-1)).toMatchObject({ actual: "(not called; called: book)", pass: false });
  });
});

describe("scenario schema: call setup fields", () => {
  it("keys each error by its field path", () => {
    const r = parseScenario({
      name: "x",
      sip_headers: [
        { name: "X-Ok", value: "1" },
        { name: "Via", value: "1" },
        { name: "X Bad", value: "" },
      ],
      caller_number: "x".repeat(65),
      simulated_at: "2026-03-01 09:30",
      tags: ["smoke", "Smoke!"],
      expect: {
        outcome: "hangup",
        functions: [
          { name: "book", args: [{ name: "slot", value: "1.5", type: "integer" }] },
          { name: "2bad", args: [{ name: "vip", value: "yes", type: "boolean" }] },
          {
            name: "book",
            args: [
              { name: "amount", value: "abc", type: "number" },
              { name: "n", value: "", type: "text" },
            ],
          },
        ],
      },
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors).toEqual({
      "sip_headers.1.name": "Via is managed by the SIP dialog and cannot be set here",
      "sip_headers.2.name": expect.stringContaining("Header names are SIP tokens"),
      "sip_headers.2.value": "Enter a header value",
      caller_number: "At most 64 characters",
      simulated_at: "An ISO 8601 date and time, e.g. 2026-03-01T09:30:00Z",
      "tags.1": "Tags are lower case letters, digits, - and _ (e.g. smoke, billing-vip)",
      "expect.functions.0.args.0.value": "A whole number, e.g. 42",
      "expect.functions.1.name": "Enter a function name, e.g. lookup_account",
      "expect.functions.1.args.0.value": "true or false",
      "expect.functions.2.args.0.value": "A number, e.g. 12.5",
      "expect.functions.2.args.1.type": "One of string, integer, number, boolean",
    });
  });

  it("keeps the clock as written, drops duplicate tags and allows at most 20", () => {
    const r = parseScenario({
      ...base,
      simulated_at: "2026-03-01T10:30:00+01:00",
      tags: ["smoke", "vip", "smoke"],
    });
    expect(r).toMatchObject({ ok: true, value: { simulated_at: "2026-03-01T10:30:00+01:00", tags: ["smoke", "vip"] } });
    const many = parseScenario({ ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) });
    expect(!many.ok && many.fieldErrors).toEqual({ tags: "At most 20 tags" });
    const dupes = parseScenario({ ...base, tags: [...Array.from({ length: 20 }, (_, i) => `t${i}`), "t0"] });
    expect(dupes.ok).toBe(true);
  });
});
