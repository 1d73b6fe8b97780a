import { describe, expect, it } from "vitest";
import { buildAgentDocument } from "./build";
import { DESTINATIONS } from "../runtime/testing/demo-agent";
import { demoFlow } from "../flow/demo-flow";
import { DEMO_FUNCTION } from "../functions/templates";
import { validateAgentDocument, type CheckPython } from "./validate";
import type { AgentDocument } from "./schema";

function demo(): AgentDocument {
  return buildAgentDocument({
    agent: { name: "Acme", trunkHost: "trunk.acme.example", pbxHost: "pbx.acme.example", functionTimeoutMs: 2000 },
    variables: [{ name: "tier", sampleValue: "silver", description: "" }],
    destinations: DESTINATIONS.map((d) => ({
      ...d,
      outboundEndpoint: null,
      outboundEncryption: "UDP/RTP",
      description: "",
    })),
    functions: [{ ...DEMO_FUNCTION }],
    flows: [demoFlow({ destinations: DESTINATIONS, overrideFunctionName: DEMO_FUNCTION.name })],
  });
}

/** Stands in for Pyodide: a line "def broken(" is a syntax error on that line. */
const checkPython: CheckPython = async (code) => {
  const line = code.split("\n").findIndex((l) => l.startsWith("def broken("));
  return line < 0
    ? null
    : { message: "SyntaxError: '(' was never closed", line: line + 1, column: 11, endLine: line + 1, endColumn: 12 };
};

describe("validateAgentDocument", () => {
  it("passes the demo agent (warnings allowed)", async () => {
    const r = await validateAgentDocument(demo(), checkPython);
    expect(r.ok).toBe(true);
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(r.checked).toEqual({ flows: 1, destinations: 3, functions: 1, scenarios: 0 });
  });

  it("reports each error with where it is: document rules, flow lint, Python, scenario references", async () => {
    const doc = demo();
    doc.destinations[0]!.route = "not a route";
    doc.functions.push({ name: "broken", description: "", code: "x = 1\ndef broken(\n" });
    doc.flows[0]!.nodes = doc.flows[0]!.nodes.filter((n) => n.type !== "start");
    doc.flows[0]!.edges = doc.flows[0]!.edges.filter((e) => e.source !== "start");
    doc.scenarios = [
      {
        name: "Gold",
        flow: "Nowhere",
        behaviours: [{ destination: "Sales", behaviour: ["busy"] }],
        expect: {
          outcome: "handoff",
          path: ["Greeting that is not there", doc.flows[0]!.nodes[0]!.id],
          handoff: { destination: "Billing Support", function: "missing_fn" },
        },
      } as never,
    ];
    const r = await validateAgentDocument(doc, checkPython);
    expect(r.ok).toBe(false);
    const errors = r.problems.filter((p) => p.severity === "error").map((p) => [p.area, p.where, p.message]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ["document", "destinations[0].route", expect.stringMatching(/SIP URI/)],
        ["flow", 'Flow "Main line"', expect.stringMatching(/Start/)],
        ["function", "Function broken, line 2", "SyntaxError: '(' was never closed"],
        ["scenario", 'Scenario "Gold"', 'flow "Nowhere" does not exist'],
        ["scenario", 'Scenario "Gold"', 'expect.path names "Greeting that is not there", which is no node of any flow'],
        ["scenario", 'Scenario "Gold"', 'expect.handoff.function "missing_fn" is no function of this agent'],
        ["scenario", 'Scenario "Gold"', 'behaviours: "Sales" is no destination of this agent (nor a route, nor *)'],
      ]),
    );
    // A node id in the path and an existing destination are fine.
    expect(errors.filter(([area]) => area === "scenario")).toHaveLength(4);
  });

  it("checks a scenario's call setup and the functions it expects called, with their arguments", async () => {
    const doc = demo();
    doc.functions.push({
      name: "book",
      description: "",
      code: "def book(conv, slot: int, vip: bool = False, note=''):\n    pass\n",
    });
    doc.functions.push({ name: "anything", description: "", code: "def anything(conv, **kw):\n    pass\n" });
    doc.scenarios = [
      {
        name: "Booking",
        sip_headers: [
          { name: "X-Campaign", value: "spring" },
          { name: "Call-ID", value: "x" },
        ],
        simulated_at: "yesterday",
        expect: {
          outcome: "hangup",
          functions: [
            { name: "cancel" },
            {
              name: "book",
              args: [
                { name: "slot", value: "12", type: "integer" },
                { name: "vip", value: "maybe", type: "boolean" },
                { name: "when", value: "today", type: "string" },
                { name: "note", value: "3", type: "integer" },
                { name: "slot", value: "12", type: "string" },
              ],
            },
            { name: "anything", args: [{ name: "whatever", value: "1", type: "integer" }] },
            { name: "route_vip" },
          ],
        },
      } as never,
    ];
    const r = await validateAgentDocument(doc, checkPython);
    const scenario = r.problems.filter((p) => p.area === "scenario").map((p) => [p.severity, p.message]);
    expect(scenario).toEqual([
      ["error", 'sip_headers[1] "Call-ID": Call-ID is managed by the SIP dialog and cannot be set here'],
      ["error", 'simulated_at "yesterday": An ISO 8601 date and time, e.g. 2026-03-01T09:30:00Z'],
      ["error", 'expect.functions[0]: "cancel" is no function of this agent'],
      ["error", 'expect.functions[1].args[1] "vip": "maybe" is not a boolean value (true or false)'],
      ["error", 'expect.functions[1].args[2] "when" is no parameter of book(slot, vip, note)'],
      ["warning", 'expect.functions[1].args[4] "slot" is compared as string, but book declares slot: int'],
    ]);
  });
});
