import { describe, expect, it } from "vitest";
import { headerNameError, headerNameWarning, headerValueError, sanitizeRuntimeValue } from "./header-rules";

describe("header names", () => {
  it.each(["X-Customer-ID", "X-a.b!c%d*e_f+g`h'i~j", "User-to-User", "P-Asserted-Identity", "Foo"])(
    "accepts token %s",
    (name) => {
      expect(headerNameError(name)).toBeNull();
    },
  );

  it("rejects an empty name", () => expect(headerNameError("")).toBe("Enter a header name"));

  it.each([
    ["X Customer", "a space"],
    ["X-Customer:", '":"'],
    ["X-Ünïcode", '"Ü"'],
    ["X-(paren)", '"("'],
    ["X-Bad\r\nVia", "CR"],
  ])("rejects %j, naming %s", (name, shown) => {
    expect(headerNameError(name)).toContain(`contains ${shown}`);
  });

  it.each([
    "Via",
    "via",
    "FROM",
    "To",
    "Call-ID",
    "call-id",
    "CSeq",
    "Contact",
    "Max-Forwards",
    "Content-Length",
    "Route",
    "Record-Route",
    "v",
    "f",
    "t",
    "i",
    "m",
    "l",
  ])("rejects reserved %s", (name) => {
    expect(headerNameError(name)).toMatch(/is managed by the SIP dialog/);
  });

  it("names the canonical header for compact forms", () => {
    expect(headerNameError("i")).toBe("Call-ID is managed by the SIP dialog and cannot be set here");
  });

  it.each([
    "X-Handoff-Reason",
    "content-type",
    "Refer-To",
    "r",
    "Referred-By",
    "Event",
    "Subscription-State",
    "Reason",
    "Allow",
  ])("rejects %s, which the handoff writes itself (it would be sent twice)", (name) => {
    expect(headerNameError(name)).toMatch(/is written by the handoff itself and cannot be set here$/);
  });

  it("warns for names without X- except well-known transfer headers", () => {
    expect(headerNameWarning("Foo")).toContain('usually start with "X-"');
    expect(headerNameWarning("x-lower")).toBeNull();
    expect(headerNameWarning("User-to-User")).toBeNull();
    expect(headerNameWarning("p-asserted-identity")).toBeNull();
    // An invalid name gets an error, not a warning too.
    expect(headerNameWarning("Via")).toBeNull();
  });
});

describe("header values", () => {
  it.each(["abc123", "$customer_id", "Zoë — ünïcode ✓", "a\tb", "<sip:x@y>;tag=1", "日本語"])("accepts %j", (v) => {
    expect(headerValueError(v)).toBeNull();
  });

  it.each([
    ["evil\r\nVia: x", "CR"],
    ["evil\nX-Injected: 1", "LF"],
    ["nul\u0000", "NUL"],
    ["bell\u0007", "U+0007"],
    ["del\u007f", "U+007F"],
    ["c1\u0085", "U+0085"],
    // Valid SIP, but parsers that split lines on Unicode line breaks would read a new header.
    ["line\u2028X-Injected: 1", "U+2028"],
    ["para\u2029X-Injected: 1", "U+2029"],
  ])("rejects %j (found %s)", (v, found) => {
    expect(headerValueError(v)).toContain(`found ${found}`);
  });

  it("rejects blank and over-long values", () => {
    expect(headerValueError("   ")).toBe("Enter a header value");
    expect(headerValueError("x".repeat(1025))).toContain("1024");
  });

  it("cleans runtime values and counts what it removed", () => {
    expect(sanitizeRuntimeValue("abc\r\nVia: evil\u0000")).toEqual({ value: "abcVia: evil", removed: 3 });
    expect(sanitizeRuntimeValue("Zoë")).toEqual({ value: "Zoë", removed: 0 });
    expect(sanitizeRuntimeValue("a\u2028b\u2029c\u0085d")).toEqual({ value: "abcd", removed: 3 });
  });
});
