import { describe, expect, it } from "vitest";
import { formatDuration, formatMetricValue, formatOffset, formatPath, toHandoffTrace } from "./format";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [400, "0 s"],
    [500, "1 s"],
    [42_000, "42 s"],
    [59_600, "1 min 00 s"],
    [65_000, "1 min 05 s"],
    [3_599_000, "59 min 59 s"],
    [3_723_000, "1 h 02 min"],
    [-5, "0 s"],
  ])("%d ms → %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("formatOffset", () => {
  it("shows time into the call in tenths", () => {
    const start = "2025-05-01T09:00:00.000Z";
    expect(formatOffset(start, start)).toBe("0:00.0");
    expect(formatOffset("2025-05-01T09:00:04.040Z", start)).toBe("0:04.0");
    expect(formatOffset("2025-05-01T09:01:09.960Z", start)).toBe("1:10.0");
    expect(formatOffset("2025-05-01T08:59:00.000Z", start)).toBe("0:00.0");
  });
});

describe("small formatters", () => {
  it("metric values and paths", () => {
    expect(formatMetricValue(1)).toBe("1");
    expect(formatMetricValue(0.25)).toBe("0.25");
    expect(formatMetricValue(true)).toBe("true");
    expect(formatMetricValue("gold")).toBe("gold");
    expect(formatPath(["start", "intent", "billing_handoff"])).toBe("start → intent → billing_handoff");
    expect(formatPath([])).toBe("—");
  });
});

describe("toHandoffTrace", () => {
  it("keeps messages between known lanes and drops the rest", () => {
    const trace = toHandoffTrace({
      messages: [
        { from: "sbc", to: "agent", label: "INVITE", raw: "INVITE sip:a SIP/2.0\r\n\r\n", at: 0, kind: "sip" },
        { from: "pbx", to: "agent", label: "??", raw: "", at: 1, kind: "sip" },
        { from: "agent", to: "agent", label: 'Agent says "hi"', raw: "hi", at: 2, kind: "media" },
      ],
      warnings: [{ code: "message_too_large", message: "INVITE is 1400 bytes" }],
    });
    expect(trace.messages.map((m) => m.label)).toEqual(["INVITE", 'Agent says "hi"']);
    expect(trace.warnings).toEqual([{ code: "message_too_large", message: "INVITE is 1400 bytes" }]);
  });
});
