import { describe, expect, it } from "vitest";
import { DEMO_SCENARIOS, parseScenario, type Scenario } from "@/lib/scenarios";
import { formErrorsOf, formValuesOf, scenarioOf } from "./form-fields";

describe("the scenario form's fields", () => {
  it("round-trip every demo scenario through the form unchanged", () => {
    for (const s of DEMO_SCENARIOS) {
      const built = scenarioOf(formValuesOf(s, ["Main line"]), s);
      expect(built.ok).toBe(true);
      const parsed = built.ok ? parseScenario(built.scenario) : null;
      expect(parsed).toMatchObject({ ok: true });
      expect(JSON.parse(JSON.stringify(parsed!.ok && parsed!.value))).toEqual(JSON.parse(JSON.stringify(s)));
    }
  });

  it("reads turns, DTMF, headers and behaviours from lines; a malformed line is an error naming it", () => {
    const v = {
      ...formValuesOf(null, ["Main line"]),
      name: "n",
      turns: "hello\n\nDTMF 12#",
      headers: "X-A: 1\nX-B:2",
      behaviours: { "Front desk": "busy" as const, "Billing Support": "" as const },
    };
    const r = scenarioOf(v, null);
    expect(r.ok && r.scenario).toMatchObject({
      turns: [{ say: "hello" }, { dtmf: "12#" }],
      behaviours: [{ destination: "Front desk", behaviours: ["busy"] }],
      expect: {
        handoff: {
          headers: [
            { name: "X-A", value: "1" },
            { name: "X-B", value: "2" },
          ],
        },
      },
    });
    expect(scenarioOf({ ...v, variables: "tier=gold\nbroken" }, null)).toEqual({
      ok: false,
      errors: { variables: "Line 2: write name=value" },
    });
  });

  it("map the server's field errors onto the form's fields, with the line of a list", () => {
    expect(
      formErrorsOf({
        name: "Enter a name",
        "turns.1.dtmf": "Keypad digits 0-9, * and # only",
        "expect.handoff.headers.0.name": "Enter a header name",
        "expect.outcome": "Choose an outcome",
        "variables.bad name": "Variable names look like customer_id",
        "behaviours.0.behaviours.0": "One of …",
        weird: "x",
      }),
    ).toEqual({
      name: "Enter a name",
      turns: "Line 2: Keypad digits 0-9, * and # only",
      headers: "Line 1: Enter a header name",
      outcome: "Choose an outcome",
      variables: "Variable names look like customer_id",
      behaviours: "One of …",
      _form: "weird: x",
    });
  });

  it("edit the call's setup and function assertions; the clock is kept as written unless it changes", () => {
    const full: Scenario = {
      name: "Setup",
      sip_headers: [{ name: "X-Campaign", value: "a: b" }],
      caller_number: "",
      simulated_at: "2026-03-01T10:30:00+01:00",
      tags: ["smoke", "vip"],
      expect: {
        outcome: "hangup",
        functions: [
          { name: "book", args: [{ name: "slot", value: "12", type: "integer" }] },
          { name: "start_function" },
        ],
      },
    };
    const v = formValuesOf(full, []);
    expect(v).toMatchObject({ callerWithheld: true, clock: "2026-03-01T09:30:00", tags: "smoke, vip" });
    const same = scenarioOf(v, full);
    const parsed = same.ok ? parseScenario(same.scenario) : null;
    expect(parsed?.ok && JSON.parse(JSON.stringify(parsed.value))).toEqual({ ...full, turns: [] });
    const changed = scenarioOf(
      { ...v, clock: "2026-03-02T08:00", callerWithheld: false, callerNumber: " +441234 ", tags: "a,b  c" },
      full,
    );
    expect(changed.ok && changed.scenario).toMatchObject({
      simulated_at: "2026-03-02T08:00Z",
      caller_number: "+441234",
      tags: ["a", "b", "c"],
    });
    expect(scenarioOf({ ...v, callerWithheld: false, callerNumber: "", clock: "" }, full)).toMatchObject({
      ok: true,
      scenario: { caller_number: undefined, simulated_at: undefined },
    });
    expect(scenarioOf({ ...v, clockIncomplete: true }, full)).toEqual({
      ok: false,
      errors: { clock: "Finish the date and time (UTC), or clear it" },
    });
  });

  it("put the server's errors for headers, assertions and tags on their cells", () => {
    expect(
      formErrorsOf({
        "sip_headers.1.name": "Via is managed by the SIP dialog",
        "expect.functions.0.args.2.value": "A whole number, e.g. 42",
        "expect.functions.1.name": "Enter a function name",
        "tags.1": "Tags are lower case",
        simulated_at: "An ISO 8601 date and time",
        caller_number: "At most 64 characters",
      }),
    ).toEqual({
      "sipHeaders.1.name": "Via is managed by the SIP dialog",
      "functions.0.args.2.value": "A whole number, e.g. 42",
      "functions.1.name": "Enter a function name",
      tags: "Tag 2: Tags are lower case",
      clock: "An ISO 8601 date and time",
      callerNumber: "At most 64 characters",
    });
  });
});
