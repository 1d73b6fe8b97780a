import { describe, expect, it } from "vitest";
import { formatTried, parseTried, transferLimits } from "./transfer-attempts";

const destinations = [
  { name: "Billing Support", ringTimeoutSeconds: 20, attempts: 2 },
  { name: "Front desk", ringTimeoutSeconds: 45, attempts: 3 },
];

describe("transferLimits", () => {
  it("a configured destination's own ring timeout and attempts, found by name", () => {
    expect(transferLimits(destinations, { destination: "Front desk", source: "builtin" })).toEqual({
      ringTimeoutSeconds: 45,
      attempts: 3,
    });
    expect(transferLimits(destinations, { destination: "Billing Support", source: "function" })).toEqual({
      ringTimeoutSeconds: 20,
      attempts: 2,
    });
  });

  it("the defaults for transfer_call (even to a route named like a destination) and for an unknown name", () => {
    expect(transferLimits(destinations, { destination: "Front desk", source: "transfer_call" })).toEqual({
      ringTimeoutSeconds: 30,
      attempts: 1,
    });
    expect(transferLimits(destinations, { destination: null, source: "builtin" })).toEqual({
      ringTimeoutSeconds: 30,
      attempts: 1,
    });
  });
});

describe("the attempts a transfer URL carries", () => {
  it("round-trip, with and without a SIP status", () => {
    const tried = [
      { outcome: "busy" as const, sipStatus: 486 },
      { outcome: "no_answer" as const, sipStatus: null },
    ];
    expect(formatTried(tried)).toBe("busy:486,no_answer:");
    expect(parseTried(formatTried(tried))).toEqual(tried);
    expect(parseTried(null)).toEqual([]);
    expect(parseTried("")).toEqual([]);
  });

  it.each(["nope:486", "busy:99", "busy:700", "busy:48x", "busy:486,busy:486,busy:486,busy:486"])(
    "%s reads as no attempts",
    (text) => {
      expect(parseTried(text)).toEqual([]);
    },
  );
});
