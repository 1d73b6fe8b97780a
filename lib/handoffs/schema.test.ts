import { describe, expect, it } from "vitest";
import { copyName, destinationWarnings, parseDestination } from "./schema";

const base = { name: "Billing", description: "", method: "refer", route: "sip:billing@pbx.example", sipHeaders: [] };

function errorsOf(input: unknown) {
  const r = parseDestination(input);
  if (r.ok) throw new Error("expected errors");
  return r.fieldErrors;
}

describe("destination schema", () => {
  it("accepts a REFER destination and normalises it", () => {
    const r = parseDestination({
      ...base,
      name: "  Billing  ",
      sipHeaders: [{ name: " X-Customer-ID ", value: "$customer_id" }],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        name: "Billing",
        description: "",
        method: "refer",
        route: "sip:billing@pbx.example",
        referHeaderPlacement: "request",
        sipHeaders: [{ name: "X-Customer-ID", value: "$customer_id" }],
        ringTimeoutSeconds: 30,
        attempts: 1,
        outboundEndpoint: null,
        outboundEncryption: "UDP/RTP",
      },
    });
  });

  it("outbound endpoint (host[:port], optional) and encryption for INVITE, trimmed", () => {
    const invite = (extra: Record<string, unknown>) => {
      const r = parseDestination({ ...base, method: "invite", ...extra });
      return r.ok ? { endpoint: r.value.outboundEndpoint, encryption: r.value.outboundEncryption } : r.fieldErrors;
    };
    expect(invite({})).toEqual({ endpoint: null, encryption: "UDP/RTP" });
    expect(invite({ outboundEndpoint: "  " })).toEqual({ endpoint: null, encryption: "UDP/RTP" });
    for (const ok of [
      "sip.trunk.example.com",
      "trunk.example:5061",
      "203.0.113.5",
      "203.0.113.5:5060",
      "[2001:db8::5]:5061",
      "[::1]",
    ])
      expect(invite({ outboundEndpoint: ` ${ok} `, outboundEncryption: "TLS/SRTP" })).toEqual({
        endpoint: ok,
        encryption: "TLS/SRTP",
      });
    const bad: [string, RegExp][] = [
      ["sip:trunk.example.com", /without "sip:"/],
      ["trunk.example.com:0", /1 to 65535/],
      ["trunk.example.com:65536", /1 to 65535/],
      ["trunk.example.com:", /1 to 65535/],
      ["trunk example.com", /nothing else/],
      ["user@trunk.example.com", /nothing else/],
      ["trunk.example.com;lr", /nothing else/],
      ["2001:db8::5", /in brackets/],
      ["[2001:db8::zz]", /not an IPv6 address/],
      ["300.1.1.1", /not an IPv4 address/],
      ["-trunk.example", /not a host name/],
      [":5060", /host before the port/],
    ];
    for (const [endpoint, message] of bad) {
      const r = invite({ outboundEndpoint: endpoint });
      expect(r, endpoint).toHaveProperty("outboundEndpoint");
      expect((r as Record<string, string>).outboundEndpoint, endpoint).toMatch(message);
    }
    expect(invite({ outboundEncryption: "TLS" })).toEqual({ outboundEncryption: "Choose UDP/RTP or TLS/SRTP" });
  });

  it("refuses an endpoint or TLS/SRTP on REFER and BYE, which place no call of their own", () => {
    expect(errorsOf({ ...base, outboundEndpoint: "trunk.example" })).toEqual({
      outboundEndpoint: "Only a SIP INVITE is sent through an outbound endpoint; clear it",
    });
    expect(errorsOf({ ...base, method: "bye", route: null, outboundEncryption: "TLS/SRTP" })).toEqual({
      outboundEncryption: "Only a SIP INVITE can use TLS/SRTP; choose UDP/RTP",
    });
  });

  it("ring timeout (5–120 s, typed text or a number) and attempts (1–3), with defaults", () => {
    const ok = (extra: Record<string, unknown>) => {
      const r = parseDestination({ ...base, ...extra });
      return r.ok ? { ringTimeoutSeconds: r.value.ringTimeoutSeconds, attempts: r.value.attempts } : r.fieldErrors;
    };
    expect(ok({})).toEqual({ ringTimeoutSeconds: 30, attempts: 1 });
    expect(ok({ ringTimeoutSeconds: " 45 ", attempts: "3" })).toEqual({ ringTimeoutSeconds: 45, attempts: 3 });
    expect(ok({ ringTimeoutSeconds: 5, attempts: 2 })).toEqual({ ringTimeoutSeconds: 5, attempts: 2 });
    for (const bad of ["", "abc", "4", "121", "12.5", -1])
      expect(ok({ ringTimeoutSeconds: bad })).toEqual({
        ringTimeoutSeconds: "Enter a whole number of seconds from 5 to 120",
      });
    for (const bad of [0, 4, 1.5, "x"])
      expect(ok({ attempts: bad })).toEqual({ attempts: "Choose 1, 2 or 3 attempts" });
  });

  it("defaults the method to REFER", () => {
    const r = parseDestination({ name: "A", route: "2001" });
    expect(r.ok && r.value.method).toBe("refer");
  });

  it("requires a name", () => {
    expect(errorsOf({ ...base, name: "   " })).toEqual({ name: "Enter a name" });
    expect(errorsOf({ ...base, name: undefined }).name).toBe("Enter a name");
    expect(errorsOf({ ...base, name: "x".repeat(81) }).name).toContain("80");
  });

  it("accepts unicode names", () => {
    expect(parseDestination({ ...base, name: "Équipe facturation 請求" }).ok).toBe(true);
  });

  it.each(["sip:2001@pbx.example", "sips:2001@pbx.example", "tel:+14155550123", "+14155550123", "2001"])(
    "accepts route %s for REFER and INVITE",
    (route) => {
      expect(parseDestination({ ...base, route }).ok).toBe(true);
      expect(parseDestination({ ...base, method: "invite", route }).ok).toBe(true);
    },
  );

  it("requires a route for REFER and INVITE", () => {
    expect(errorsOf({ ...base, route: "" })).toEqual({ route: "Enter a route" });
    expect(errorsOf({ ...base, method: "invite", route: null })).toEqual({ route: "Enter a route" });
    expect(errorsOf({ ...base, route: "pbx.example" }).route).toContain("Enter a SIP URI");
  });

  it("rejects a route for BYE and stores none", () => {
    expect(errorsOf({ ...base, method: "bye", route: "sip:x@y" }).route).toContain("takes no route");
    const r = parseDestination({ ...base, method: "bye", route: null, referHeaderPlacement: "both" });
    expect(r.ok && r.value).toMatchObject({ route: null, referHeaderPlacement: "request" });
    expect(parseDestination({ ...base, method: "bye", route: "  " }).ok).toBe(true);
  });

  it("rejects unknown methods and placements", () => {
    expect(errorsOf({ ...base, method: "notify" }).method).toContain("Choose SIP REFER");
    expect(errorsOf({ ...base, referHeaderPlacement: "body" }).referHeaderPlacement).toContain("Choose request");
  });

  it("keeps the placement for REFER", () => {
    const r = parseDestination({ ...base, referHeaderPlacement: "refer-to-uri" });
    expect(r.ok && r.value.referHeaderPlacement).toBe("refer-to-uri");
  });

  it("reports header errors at the row and field", () => {
    const errors = errorsOf({
      ...base,
      sipHeaders: [
        { name: "X Bad", value: "ok" },
        { name: "Via", value: "ok" },
        { name: "X-Ok", value: "evil\r\nX-Injected: 1" },
        { name: "X-LF", value: "a\nb" },
        { name: "X-Nul", value: "a\u0000b" },
        { name: "x-ok", value: "dup" },
        { name: "", value: "" },
      ],
    });
    expect(errors["sipHeaders.0.name"]).toContain("contains a space");
    expect(errors["sipHeaders.1.name"]).toContain("Via is managed");
    expect(errors["sipHeaders.2.value"]).toContain("found CR");
    expect(errors["sipHeaders.3.value"]).toContain("found LF");
    expect(errors["sipHeaders.4.value"]).toContain("found NUL");
    expect(errors["sipHeaders.5.name"]).toBe("x-ok is already set in row 3");
    expect(errors["sipHeaders.6.name"]).toBe("Enter a header name");
    expect(errors["sipHeaders.6.value"]).toBe("Enter a header value");
  });

  it("rejects malformed shapes with field errors instead of throwing", () => {
    expect(errorsOf(null)._form).toBeTruthy();
    expect(errorsOf({ ...base, sipHeaders: "X-A: 1" }).sipHeaders).toBeTruthy();
    expect(errorsOf({ ...base, sipHeaders: [{ name: 1, value: [] }] })["sipHeaders.0.name"]).toBeTruthy();
    expect(
      errorsOf({ ...base, sipHeaders: Array.from({ length: 21 }, (_, i) => ({ name: `X-${i}`, value: "v" })) })
        .sipHeaders,
    ).toContain("20");
  });
});

describe("warnings", () => {
  it("flags non-X- names and unknown variables, not well-known headers", () => {
    const w = destinationWarnings(
      {
        sipHeaders: [
          { name: "Customer", value: "$customer_id" },
          { name: "User-to-User", value: "$nope and $caller_id and $other" },
        ],
      },
      ["customer_id", "caller_id"],
    );
    expect(w).toEqual({
      "sipHeaders.0.name": 'Custom headers usually start with "X-"; proxies may drop or act on "Customer"',
      "sipHeaders.1.value": "Unknown variables $nope, $other: they will be empty unless set during the call",
    });
  });
});

describe("copyName", () => {
  it("picks the first free copy name, ignoring case", () => {
    expect(copyName("Billing", ["Billing"])).toBe("Billing (copy)");
    expect(copyName("Billing", ["Billing", "billing (COPY)"])).toBe("Billing (copy 2)");
    expect(copyName("Billing (copy)", ["Billing", "Billing (copy)"])).toBe("Billing (copy 2)");
  });

  it("stays within the name limit", () => {
    const long = "x".repeat(80);
    expect(copyName(long, [long])).toHaveLength(80);
    expect(copyName(long, [long]).endsWith(" (copy)")).toBe(true);
  });
});
