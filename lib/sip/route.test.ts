import { describe, expect, it } from "vitest";
import { classifyRoute, routeError, routeToSipUri } from "./route";

const hosts = { trunkHost: "trunk.example", pbxHost: "pbx.example" };

describe("routes", () => {
  it.each([
    ["sip:2001@pbx.acme.example", "sip", "sip:2001@pbx.acme.example"],
    ["sips:billing@pbx.acme.example:5061;transport=tls", "sip", "sips:billing@pbx.acme.example:5061;transport=tls"],
    ["sip:pbx.acme.example", "sip", "sip:pbx.acme.example"],
    ["sip:+14155550123@[2001:db8::1]", "sip", "sip:+14155550123@[2001:db8::1]"],
    ["tel:+14155550123", "tel", "sip:+14155550123@trunk.example;user=phone"],
    ["+442071838750", "e164", "sip:+442071838750@trunk.example;user=phone"],
    ["2001", "extension", "sip:2001@pbx.example"],
  ])("%s is a %s route → %s", (route, kind, uri) => {
    expect(classifyRoute(route)?.kind).toBe(kind);
    expect(routeError(route)).toBeNull();
    expect(routeToSipUri(route, hosts)).toBe(uri);
  });

  it.each([
    ["", "Enter a route"],
    ["   ", "Enter a route"],
    ["sip:", "Not a valid SIP URI"],
    ["sip:user@", "Not a valid SIP URI"],
    ["sip:a b@host", "Not a valid SIP URI"],
    ["tel:4155550123", "tel: routes need an E.164 number"],
    ["+0123", "E.164 numbers are"],
    ["+1234567890123456", "E.164 numbers are"],
    ["123456789", "Extensions are 1 to 8 digits"],
    ["pbx.acme.example", "Enter a SIP URI, tel: URI"],
    ["http://example.com", "Enter a SIP URI, tel: URI"],
  ])("rejects %j", (route, message) => {
    expect(routeError(route)).toContain(message);
    expect(classifyRoute(route)).toBeNull();
  });
});
