import { describe, expect, it } from "vitest";
import { formatUtc } from "./utc";

describe("formatUtc", () => {
  it("shows UTC whatever the offset written", () => {
    expect(formatUtc("2025-05-01T11:30:12.345+02:00")).toBe("2025-05-01 09:30:12 UTC");
    expect(formatUtc("2025-05-01T11:30:12.345+02:00", "minute")).toBe("2025-05-01 09:30 UTC");
  });
  it("stored timestamps read the same to the minute as to the second", () => {
    expect(formatUtc("2025-12-31T23:59:59.999Z")).toBe("2025-12-31 23:59:59 UTC");
    expect(formatUtc("2025-12-31T23:59:59.999Z", "minute")).toBe("2025-12-31 23:59 UTC");
  });
  it("gives back text that is not a date", () => {
    expect(formatUtc("not a date")).toBe("not a date");
    expect(formatUtc("not a date", "minute")).toBe("not a date");
  });
});
