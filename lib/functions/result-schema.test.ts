import { describe, expect, it } from "vitest";
import { checkRunResult } from "./result-schema";
import type { RunResult } from "./types";

const good: RunResult = {
  ok: true,
  returnValue: { a: [1, "x", null, true] },
  returnRepr: "{'a': [1, 'x', None, True]}",
  says: ["Hello"],
  utterance: null,
  endTurn: true,
  hangup: false,
  flow: null,
  handoff: {
    source: "transfer_call",
    destination: null,
    method: "refer",
    route: "2001",
    sipHeaders: [{ name: "X-A", value: "1" }],
    referHeaderPlacement: "request",
    reason: "transfer_call",
    utterance: null,
    soft: false,
    whisper: null,
  },
  metrics: [{ name: "m", value: 1.5 }],
  logs: [{ level: "print", message: "debug", fields: {} }],
  state: { tier: "gold" },
  error: null,
  durationMs: 0.4,
};

describe("checkRunResult", () => {
  it("passes a well-formed result through unchanged", () => {
    expect(checkRunResult(good)).toEqual(good);
  });

  it.each([
    [
      "a non-string header value",
      { handoff: { ...good.handoff!, sipHeaders: [{ name: "X-A", value: 5 }] } },
      "handoff.sipHeaders[0].value: expected text, got 5",
    ],
    ["a numeric route", { handoff: { ...good.handoff!, route: 5 } }, "handoff.route: expected text, got 5"],
    ["a handoff missing its fields", { handoff: { destination: 5 } }, "handoff.source: expected one of"],
    [
      "an unknown method",
      { handoff: { ...good.handoff!, method: "bye!" } },
      'handoff.method: expected one of "refer", "invite", "bye", got "bye!"',
    ],
    ["an extra handoff key", { handoff: { ...good.handoff!, via: "x" } }, 'handoff: unexpected key "via"'],
    ["a number said", { says: ["ok", 5] }, "says[1]: expected text, got 5"],
    ["a list metric", { metrics: [{ name: "m", value: [1] }] }, "metrics[0].value: Invalid input"],
    ["a missing field", { hangup: undefined }, "hangup: expected boolean, got nothing"],
  ])("turns %s into the function's error", (_label, patch, message) => {
    const r = checkRunResult({ ...good, ...patch });
    expect(r).toMatchObject({
      ok: false,
      handoff: null,
      says: [],
      error: { kind: "invalid_result", type: "InvalidResult" },
    });
    expect(r.error!.message).toContain(`The function's result is malformed: ${message}`);
    expect(r.error!.message).toContain("conv._handoff");
    // Well-formed logs survive: print output helps find the bug.
    expect(r.logs).toEqual(good.logs);
  });

  it("survives something that is not a result at all", () => {
    expect(checkRunResult("nope").error!.message).toContain("the result: expected object");
    expect(checkRunResult(null).error!.kind).toBe("invalid_result");
  });
});
