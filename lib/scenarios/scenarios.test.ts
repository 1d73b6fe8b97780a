import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentDocument } from "../agent-document/schema";
import { createNodeFunctionRunner } from "../functions/node/node-runner";
import type { FunctionRunner } from "../functions/types";
import { startCall } from "../runtime";
import { demoAgent, demoCall } from "../runtime/testing/demo-agent";
import { simulateScript } from "../simulation";
import { coveragePaths, flowCoverage, coverageLine } from "./coverage";
import { DEMO_SCENARIOS, demoAgentDocument } from "./demo";
import { matchExpectations } from "./expectations";
import { scenarioFromSession } from "./from-session";
import { runScenarios, summarize, type ScenarioHost } from "./runner";
import { parseScenario, type Scenario } from "./schema";

// One warm Python worker for the file (Pyodide takes seconds to start); route_vip needs it.
let runner: FunctionRunner;
beforeAll(async () => {
  runner = createNodeFunctionRunner();
  await runner.warm();
}, 60_000);
afterAll(() => runner.dispose());

function hostOf(doc: AgentDocument): ScenarioHost {
  return {
    agentId: "agt_test",
    document: (v) =>
      v === "draft" ? { ok: true, document: doc, version: null } : { ok: false, message: `No version ${v}` },
    runPython: (r) => runner.run(r),
    now: () => new Date("2026-01-01T00:00:00Z"),
  };
}

const billing = DEMO_SCENARIOS[0]!;

describe("scenario schema", () => {
  it("needs only an outcome (and a name)", () => {
    expect(parseScenario({ name: "x", expect: { outcome: "hangup" } })).toMatchObject({ ok: true });
  });

  it("keys each error by its field", () => {
    const r = parseScenario({
      name: " ",
      version: "v2",
      variables: { "bad name": "1" },
      turns: [{ say: "hi" }, { dtmf: "12x" }],
      behaviours: [{ destination: "Front desk", behaviours: ["sometimes"] }],
      expect: { handoff: { method: "fax", headers: [{ name: "", value: "1" }] } },
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.fieldErrors).sort()).toEqual([
      "behaviours.0.behaviours.0",
      "expect.handoff.headers.0.name",
      "expect.handoff.method",
      "expect.outcome",
      "name",
      "turns.1.dtmf",
      "variables.bad name",
      "version",
    ]);
  });
});

describe("demo scenarios", () => {
  it("all pass against the demo agent, deterministically", async () => {
    const host = hostOf(demoAgentDocument());
    const first = await runScenarios(DEMO_SCENARIOS, host);
    expect(first.map((r) => [r.name, r.status, r.expectations.filter((e) => !e.pass)])).toEqual(
      DEMO_SCENARIOS.map((s) => [s.name, "pass", []]),
    );
    expect(first.every((r) => r.call?.channel === "scenario")).toBe(true);
    const again = await runScenarios(DEMO_SCENARIOS, host);
    expect(again.map((r) => r.call)).toEqual(first.map((r) => r.call));
  }, 60_000);

  it("fail when Billing Support sends another variable in X-Customer-ID, showing both values", async () => {
    const doc = demoAgentDocument();
    const changed: AgentDocument = {
      ...doc,
      destinations: doc.destinations.map((d) =>
        d.name === "Billing Support"
          ? {
              ...d,
              sip_headers: d.sip_headers.map((h) => (h.name === "X-Customer-ID" ? { ...h, value: "$caller_id" } : h)),
            }
          : d,
      ),
    };
    const [r] = await runScenarios([billing], hostOf(changed));
    expect(r!.status).toBe("fail");
    expect(r!.expectations.filter((e) => !e.pass)).toEqual([
      {
        key: "handoff.headers.X-Customer-ID",
        label: "Header X-Customer-ID",
        expected: "abc123",
        actual: "+14155550123",
        pass: false,
      },
    ]);
  });

  it("cannot run when the flow, a destination or the version is gone", async () => {
    const host = hostOf(demoAgentDocument());
    const results = await runScenarios(
      [
        { ...billing, name: "a", flow: "Old line" },
        { ...billing, name: "b", behaviours: [{ destination: "Sales", behaviours: ["busy"] }] },
        { ...billing, name: "c", expect: { outcome: "handoff", handoff: { destination: "Sales" } } },
        { ...billing, name: "d", version: "4" },
      ],
      host,
    );
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ["cannot_run", 'flow "Old line" was deleted or renamed'],
      ["cannot_run", 'destination "Sales" was deleted or renamed'],
      ["cannot_run", 'destination "Sales" was deleted or renamed'],
      ["cannot_run", "No version 4"],
    ]);
    expect(summarize(results)).toEqual({ passed: 0, failed: 0, cannotRun: 4 });
  });

  it("a busy Billing Support fails a handoff expectation (the transfer did not complete)", async () => {
    const [r] = await runScenarios(
      [{ ...billing, behaviours: [{ destination: "billing support", behaviours: ["busy"] }] }],
      hostOf(demoAgentDocument()),
    );
    expect(r!.status).toBe("fail");
    expect(r!.expectations.find((e) => e.key === "outcome")).toMatchObject({ expected: "handoff", pass: false });
    expect(r!.call?.handoff?.outcome).toBe("busy");
  });
});

describe("expectation matching", () => {
  it("compares every kind of expectation and reports what happened", async () => {
    const [r] = await runScenarios([DEMO_SCENARIOS[2]!], hostOf(demoAgentDocument()));
    const call = r!.call!;
    const results = matchExpectations(
      {
        outcome: "hangup",
        handoff: {
          destination: "front DESK",
          method: "invite",
          reason: "needs_human",
          utterance: "FRONT desk",
          headers: [{ name: "X-Nope", value: "1" }],
        },
        path: ["What does the caller need?", "Gold customer?"],
        metrics: [{ name: "vip_transfers", value: "1" }],
        transcript: ["talk to a person", "goodbye forever"],
      },
      call,
    );
    expect(results.map((e) => [e.key, e.pass, e.actual.split("\n")[0]])).toEqual([
      ["outcome", false, "handoff"],
      ["handoff.destination", true, "Front desk"],
      ["handoff.method", false, "refer"],
      ["handoff.reason", true, "needs_human"],
      ["handoff.utterance", true, "Connecting you to the front desk now."],
      ["handoff.headers.X-Nope", false, "(not sent)"],
      ["path.What does the caller need?", true, expect.any(String)],
      ["path.Gold customer?", false, expect.any(String)],
      ["metrics.vip_transfers", false, "(not written)"],
      ["transcript.0", true, expect.any(String)],
      ["transcript.1", false, expect.any(String)],
    ]);
  });

  it("says (no handoff) when the call ended without one", async () => {
    const scenario: Scenario = {
      name: "goodbye",
      turns: [{ say: "goodbye" }],
      expect: { outcome: "hangup", handoff: { destination: "Front desk", headers: [{ name: "X-A", value: "1" }] } },
    };
    const [r] = await runScenarios([scenario], hostOf(demoAgentDocument()));
    expect(r!.expectations.map((e) => [e.key, e.actual, e.pass])).toEqual([
      ["outcome", "hangup", true],
      ["handoff.destination", "(no handoff)", false],
      ["handoff.headers.X-A", "(no handoff)", false],
    ]);
  });
});

describe("coverage", () => {
  it("counts nodes entered and branches followed over all runs", () => {
    const flow = demoAgent().flow;
    const none = flowCoverage(flow, []);
    expect(none.nodes).toEqual({ total: 9, covered: 0 });
    expect(none.branches).toEqual({ total: 8, covered: 0 });
    const c = flowCoverage(flow, [
      ["start", "intent", "tier", "billing_handoff"],
      ["start", "intent", "front_desk"],
    ]);
    expect(coverageLine(c)).toBe("5 of 9 nodes, 4 of 8 branches covered");
    expect(c.uncoveredNodes.sort()).toEqual(["back_to_ivr", "end", "sorry", "vip"]);
    expect(c.uncoveredEdges.sort()).toEqual(["e_intent_goodbye", "e_intent_no_match", "e_sorry_next", "e_tier_gold"]);
  });

  it("ignores steps that are not edges (a jump back to a question)", () => {
    const c = flowCoverage(demoAgent().flow, [["start", "intent", "front_desk", "intent"]]);
    expect(c.branches.covered).toBe(2);
  });
});

describe("save as scenario", () => {
  it("turns a finished call into a scenario that replays it and passes", async () => {
    const agent = demoAgent();
    const call = demoCall({
      seed: "saved",
      behaviours: { "Front desk": ["busy", "answers"] },
      sipHeaders: { "X-Campaign": "spring" },
    });
    const r = await simulateScript(startCall(agent, call), [{ say: "I'd like a human" }, { dtmf: "1" }], async () => {
      throw new Error("no functions here");
    });
    const scenario = scenarioFromSession(r.session, { name: "Saved", flow: "Main line" });
    expect(parseScenario(scenario)).toEqual({ ok: true, value: scenario });
    // Front desk is busy, so the agent asks again and the DTMF turn is used too.
    expect(scenario.turns).toEqual([{ say: "I'd like a human" }, { dtmf: "1" }]);
    expect(scenario.behaviours).toEqual([{ destination: "Front desk", behaviours: ["busy", "answers"] }]);
    expect(scenario.expect.handoff).toMatchObject({
      destination: "Front desk",
      method: "refer",
      reason: "needs_human",
    });
    expect(scenario.variables).toMatchObject({ customer_id: "abc123", caller_id: "+14155550123" });
    expect(scenario.sip_headers).toEqual([{ name: "X-Campaign", value: "spring" }]);
    const [replayed] = await runScenarios([scenario], hostOf(demoAgentDocument()));
    expect(replayed!.expectations.filter((e) => !e.pass)).toEqual([]);
    expect(replayed!.status).toBe("pass");
  });
});

describe("coverage of calls that changed flow", () => {
  it("counts each flow's own steps, whichever flow the call started in", () => {
    const results = [
      { flow: "Main", version: null, call: { path: ["Main/s", "Main/g", "Billing/s", "Billing/f", "Main/z"] } },
      { flow: "Main", version: null, call: { path: ["s", "q"] } },
    ];
    expect(coveragePaths(results, "Billing")).toEqual([["s", "f"]]);
    expect(coveragePaths(results, "main")).toEqual([
      ["s", "g", "z"],
      ["s", "q"],
    ]);
  });
});
