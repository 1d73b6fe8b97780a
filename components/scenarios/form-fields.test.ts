import { describe, expect, it } from "vitest";
import { DEMO_SCENARIOS, parseScenario } from "@/lib/scenarios";
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
});
