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
    [
      "sip:r@pbx.example?X-Ticket=42&X-Note=caf%C3%A9%20%3Cb%3E",
      "sip",
      "sip:r@pbx.example?X-Ticket=42&X-Note=caf%C3%A9%20%3Cb%3E",
    ],
    ["sip:r@pbx.example?X-Empty=&X-B=a/b?c:d[e]+$", "sip", "sip:r@pbx.example?X-Empty=&X-B=a/b?c:d[e]+$"],
    ["sip:a%3Fb;c=d&e+f$g,h/i@pbx.example;lr;x=a/b:c&d", "sip", "sip:a%3Fb;c=d&e+f$g,h/i@pbx.example;lr;x=a/b:c&d"],
    ["  sip:2001@pbx.example  ", "sip", "sip:2001@pbx.example"],
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
    // Control characters, raw or escaped, anywhere (issue: these went out raw in the Request-URI).
    ["sip:r@pbx.example;x=\u0000\u001b", "Routes cannot contain control characters (found NUL)"],
    ["sip:r@pbx.example\r\nVia: x", "(found CR)"],
    ["sip:r@pbx.example\n", "(found LF)"],
    ["\t2001", "(found a tab)"],
    ["sip:r\u007f@pbx.example", "(found U+007F)"],
    ["sip:r@pbx.example;x=\u0085", "(found U+0085)"],
    ["+14155550123\u2028", "(found U+2028)"],
    ["sip:r@pbx.example?X-A=\u2029", "(found U+2029)"],
    ["sip:r@pbx.example?X-A=1%0D%0AVia:%20x", "escaped control characters (found %0D)"],
    ["sip:r%00@pbx.example", "(found %00)"],
    ["tel:+14155550123;x=%7f", "(found %7f)"],
    ["sip:r@pbx.example?X-A=%C2%85", "(found %C2%85)"],
    ["sip:r@pbx.example?X-A=%e2%80%a8", "(found %e2%80%a8)"],
    // Headers after "?" become header lines at the receiver: the form's header-name rules apply.
    ["sip:r@pbx.example?Via=x", 'Route header "Via": Via is managed by the SIP dialog'],
    ["sip:r@pbx.example?X-A=1&%56ia=x", 'Route header "Via"'],
    ["sip:r@pbx.example?t=x", 'Route header "t": To is managed'],
    ["sip:r@pbx.example?X%20A=1", 'Route header "X A": Header names are SIP tokens'],
    ["sip:r@pbx.example?", 'name=value pairs after "?"'],
    ["sip:r@pbx.example?X-A", 'found "X-A"'],
    ["sip:r@pbx.example?X-A=1&", 'found ""'],
    ["sip:r@pbx.example?=1", 'found "=1"'],
    // Values (and user parts, parameters) are percent-escaped.
    ["sip:r@pbx.example?X-A=caf\u00e9", 'In a SIP URI, "\u00e9" must be percent-escaped'],
    ["sip:r@pbx.example?X-A=a=b", '"=" must be percent-escaped'],
    ["sip:r@pbx.example?X-A=100%", '"%" must be percent-escaped'],
    ["sip:r@pbx.example?X-A=%zz", '"%" must be percent-escaped'],
    ["sip:jos\u00e9@pbx.example", '"\u00e9" must be percent-escaped'],
    ["sip:r#1@pbx.example", '"#" must be percent-escaped'],
    ["sip:r@pbx.example;x=a,b", '"," must be percent-escaped'],
    ["sip:r@pbx.example;x=", 'found ";x="'],
    ["sip:r@pbx.example;;lr", 'found ";"'],
    ["sip:a?Via=x@pbx.example", 'Route header "Via"'],
  ])("rejects %j", (route, message) => {
    expect(routeError(route)).toContain(message);
    expect(classifyRoute(route)).toBeNull();
  });
});
