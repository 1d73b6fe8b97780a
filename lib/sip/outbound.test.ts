import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DESTINATION_BEHAVIOURS } from "../handoffs/outcomes";
import { destinationInputSchema } from "../handoffs/schema";
import { OUTBOUND_ENCRYPTIONS } from "../handoffs/types";
import { headerValue, headerValues, type SipRequest } from "./message";
import { outboundLeg, withTlsTransport } from "./outbound";
import { parseSipMessage } from "./parse";
import { serializeSipMessage } from "./serialize";
import { expectedHeaderNames, headerNames, HOSTS, input, run, shape } from "./testing/ladders";

const require = createRequire(import.meta.url);
const Grammar = require("jssip/lib/Grammar") as { parse(input: string, rule: string): unknown };

/** The agent's INVITEs to the destination, in order. */
function agentInvites(i: Parameters<typeof run>[0]) {
  return run(i).sip.filter((s) => s.from === "agent" && s.to === "destination");
}

function inviteOf(i: Parameters<typeof run>[0]): SipRequest {
  const m = agentInvites(i).find((s) => s.model.kind === "request" && s.model.method === "INVITE")!.model;
  return m as SipRequest;
}

const mLine = (body: string) => body.split("\r\n").find((l) => l.startsWith("m=audio"))!;
const cryptoLines = (body: string) => body.split("\r\n").filter((l) => l.startsWith("a=crypto:"));

describe("outboundLeg", () => {
  it("without endpoint or encryption it is the route's own URI (as before)", () => {
    expect(outboundLeg("+14155550199", HOSTS)).toEqual({
      uri: "sip:+14155550199@trunk.example.net;user=phone",
      route: null,
      tls: false,
      srtp: false,
    });
    expect(outboundLeg("2001", HOSTS).uri).toBe("sip:2001@pbx.example");
    expect(outboundLeg("sips:2001@pbx.example", HOSTS)).toMatchObject({ uri: "sips:2001@pbx.example", tls: true });
  });

  it("an endpoint is the Request-URI's host for number routes and a loose Route for URI routes", () => {
    expect(outboundLeg("tel:+14155550199", HOSTS, { endpoint: "edge.example:5070" })).toEqual({
      uri: "sip:+14155550199@edge.example:5070;user=phone",
      route: null,
      tls: false,
      srtp: false,
    });
    expect(outboundLeg("2001", HOSTS, { endpoint: "edge.example" }).uri).toBe("sip:2001@edge.example");
    expect(outboundLeg("sip:2001@pbx.example", HOSTS, { endpoint: "[2001:db8::5]:5070" })).toEqual({
      uri: "sip:2001@pbx.example",
      route: "<sip:[2001:db8::5]:5070;lr>",
      tls: false,
      srtp: false,
    });
  });

  it("TLS/SRTP: sips: where the agent writes the URI, transport=tls on the hop of an operator's sip: URI", () => {
    const tls = { encryption: "TLS/SRTP" } as const;
    expect(outboundLeg("+14155550199", HOSTS, tls)).toEqual({
      uri: "sips:+14155550199@trunk.example.net;user=phone",
      route: null,
      tls: true,
      srtp: true,
    });
    expect(outboundLeg("+14155550199", HOSTS, { ...tls, endpoint: "edge.example" }).uri).toBe(
      "sips:+14155550199@edge.example;user=phone",
    );
    expect(outboundLeg("sip:2001@pbx.example?X-A=1", HOSTS, tls).uri).toBe("sip:2001@pbx.example;transport=tls?X-A=1");
    expect(outboundLeg("sip:2001@pbx.example;transport=udp", HOSTS, tls).uri).toBe(
      "sip:2001@pbx.example;transport=tls",
    );
    expect(outboundLeg("sip:2001@pbx.example", HOSTS, { ...tls, endpoint: "edge.example" })).toEqual({
      uri: "sip:2001@pbx.example",
      route: "<sip:edge.example;transport=tls;lr>",
      tls: true,
      srtp: true,
    });
    expect(outboundLeg("sips:2001@pbx.example", HOSTS, { ...tls, endpoint: "edge.example" }).route).toBe(
      "<sips:edge.example;lr>",
    );
    expect(withTlsTransport("sip:a@b;x=1")).toBe("sip:a@b;x=1;transport=tls");
  });
});

describe("INVITE through an outbound endpoint", () => {
  it("an E.164 route: the INVITE's Request-URI and To are sip:<number>@<endpoint>, with no Route", () => {
    const invite = inviteOf(
      input({}, { method: "invite", route: "+14155550199", outboundEndpoint: "edge.example:5070" }),
    );
    expect(invite.uri).toBe("sip:+14155550199@edge.example:5070;user=phone");
    expect(headerValue(invite, "To")).toBe("<sip:+14155550199@edge.example:5070;user=phone>");
    expect(headerValues(invite, "Route")).toEqual([]);
  });

  it("a URI route: Route <sip:endpoint;lr> on the INVITE, its CANCEL and the ACK of its failure; not in the dialog", () => {
    const dest = { method: "invite", route: "sip:2001@pbx.example", outboundEndpoint: "edge.example" } as const;
    const route = ["<sip:edge.example;lr>"];
    const timeout = run(input({ behaviour: "no_answer", ringTimeoutS: 5 }, dest)).sip;
    const byMethod = (m: string) =>
      timeout.find((s) => s.from === "agent" && s.model.kind === "request" && s.model.method === m)!.model;
    expect(shape(timeout.filter((s) => s.to === "destination" || s.from === "destination"))).toEqual([
      "agent>destination INVITE",
      "destination>agent 100/INVITE",
      "destination>agent 180/INVITE",
      "agent>destination CANCEL",
      "destination>agent 200/CANCEL",
      "destination>agent 487/INVITE",
      "agent>destination ACK",
    ]);
    for (const m of ["INVITE", "CANCEL", "ACK"]) expect(headerValues(byMethod(m), "Route"), m).toEqual(route);
    const answered = run(input({}, dest)).sip.filter((s) => s.from === "agent" && s.to === "destination");
    expect(answered.map((s) => [(s.model as SipRequest).method, headerValues(s.model, "Route")])).toEqual([
      ["INVITE", route],
      ["ACK", []],
      ["BYE", []],
    ]);
  });
});

describe("INVITE with TLS/SRTP", () => {
  const tls = { method: "invite", route: "+14155550199", outboundEncryption: "TLS/SRTP" } as const;

  it("Via SIP/2.0/TLS on 5061, sips: Request-URI and Contact, RTP/SAVP offer and answer keyed by a=crypto", () => {
    const steps = run(input({}, tls)).sip;
    const invite = steps.find((s) => s.from === "agent" && s.to === "destination")!.model as SipRequest;
    expect(invite.uri).toBe("sips:+14155550199@trunk.example.net;user=phone");
    expect(headerValue(invite, "Via")).toMatch(/^SIP\/2\.0\/TLS 198\.51\.100\.20:5061;branch=z9hG4bK[0-9a-f]{16}$/);
    expect(headerValue(invite, "Contact")).toMatch(/^<sips:[^@>]+@198\.51\.100\.20:5061>$/);
    expect(mLine(invite.body)).toMatch(/^m=audio \d+ RTP\/SAVP 0 8 101$/);
    const ok = steps.find(
      (s) => s.from === "destination" && s.model.kind === "response" && s.model.status === 200,
    )!.model;
    expect(headerValue(ok, "Contact")).toBe("<sips:+14155550199@192.0.2.30:5061>");
    expect(mLine(ok.body)).toMatch(/^m=audio \d+ RTP\/SAVP 0 101$/);
    const keys = [invite.body, ok.body].map((body) => {
      const lines = cryptoLines(body);
      expect(lines).toHaveLength(1);
      const m = /^a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:([A-Za-z0-9+/]{40})$/.exec(lines[0]!);
      expect(m, lines[0]).not.toBeNull();
      // RFC 4568 §6.1: key||salt, 16 + 14 bytes for AES_CM_128.
      expect(Buffer.from(m![1]!, "base64")).toHaveLength(30);
      return m![1]!;
    });
    expect(keys[0]).not.toBe(keys[1]);
    // The seeded id source: the same call gives the same keys, another seed other keys.
    expect(cryptoLines(inviteOf(input({}, tls)).body)).toEqual(cryptoLines(invite.body));
    expect(cryptoLines(inviteOf(input({ seed: 43 }, tls)).body)).not.toEqual(cryptoLines(invite.body));
    // The in-dialog ACK and BYE keep TLS.
    for (const s of steps.filter((x) => x.from === "agent" && x.to === "destination"))
      expect(headerValue(s.model, "Via")!.startsWith("SIP/2.0/TLS 198.51.100.20:5061;")).toBe(true);
  });

  it("a sip: URI route keeps its scheme over TLS: ;transport=tls on the Request-URI, or on the Route to the endpoint", () => {
    const direct = inviteOf(input({}, { ...tls, route: "sip:2001@pbx.example" }));
    expect(direct.uri).toBe("sip:2001@pbx.example;transport=tls");
    expect(headerValue(direct, "Contact")).toMatch(/^<sip:[^>]+@198\.51\.100\.20:5061;transport=tls>$/);
    const routed = inviteOf(input({}, { ...tls, route: "sip:2001@pbx.example", outboundEndpoint: "edge.example" }));
    expect(routed.uri).toBe("sip:2001@pbx.example");
    expect(headerValues(routed, "Route")).toEqual(["<sip:edge.example;transport=tls;lr>"]);
  });

  it("UDP/RTP leaves the INVITE exactly as it was, and a REFER never uses either field", () => {
    const plain = run(input({}, { method: "invite", route: "+14155550199" })).trace;
    expect(run(input({}, { method: "invite", route: "+14155550199", outboundEncryption: "UDP/RTP" })).trace).toEqual(
      plain,
    );
    const refer = { method: "refer", route: "+14155550199" } as const;
    expect(
      run(input({}, { ...refer, outboundEndpoint: "edge.example", outboundEncryption: "TLS/SRTP" })).trace,
    ).toEqual(run(input({}, refer)).trace);
  });
});

const ENDPOINTS = [
  "edge.example",
  "edge.example:5070",
  "203.0.113.7",
  "203.0.113.7:5061",
  "[2001:db8::5]:5070",
  "[::1]",
];
const ROUTES = [
  "+14155550199",
  "tel:+14155550199",
  "2001",
  "sip:2001@pbx.example",
  "sips:2001@pbx.example",
  "sip:+1415@pbx.example;user=phone?X-Ticket=42",
];

describe("property: every endpoint, encryption, route and behaviour gives clean, parseable messages", () => {
  it("headers as expected (Route exactly where routed), round-trips, JsSIP's grammar accepts URIs, Via and Route", () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...ENDPOINTS), { nil: null }),
        fc.constantFrom(...OUTBOUND_ENCRYPTIONS),
        fc.constantFrom(...ROUTES),
        fc.constantFrom(...DESTINATION_BEHAVIOURS),
        fc.integer({ min: 1, max: 3 }),
        (endpoint, encryption, route, behaviour, attempts) => {
          const dest = { method: "invite" as const, route, outboundEndpoint: endpoint, outboundEncryption: encryption };
          // What the engine draws is what the form accepts.
          expect(destinationInputSchema.safeParse({ name: "D", ...dest }).success).toBe(true);
          const leg = outboundLeg(route, HOSTS, { endpoint, encryption });
          const steps = run(input({ behaviour, attempts, ringTimeoutS: 5 }, dest)).sip;
          for (const s of steps) {
            expect(headerNames(s.model)).toEqual(
              expectedHeaderNames(s, {
                method: "invite",
                placement: "request",
                handoffNames: ["X-Handoff-Reason"],
                routedUri: leg.route === null ? undefined : leg.uri,
              }),
            );
            expect(serializeSipMessage(parseSipMessage(s.raw))).toBe(s.raw);
            const m = s.model;
            if (m.kind === "request") expect(Grammar.parse(m.uri, "Request_URI"), m.uri).not.toBe(-1);
            for (const h of m.headers) {
              if (h.name === "Via" || h.name === "Route" || h.name === "To" || h.name === "Contact")
                expect(Grammar.parse(h.value, h.name), `${h.name}: ${h.value}`).not.toBe(-1);
            }
            if (s.from === "agent" && s.to === "destination")
              expect(headerValue(m, "Via")!.startsWith(leg.tls ? "SIP/2.0/TLS " : "SIP/2.0/UDP ")).toBe(true);
            if (m.body.startsWith("v=0") && (s.from === "destination" || s.to === "destination")) {
              expect(mLine(m.body).includes(" RTP/SAVP ")).toBe(leg.srtp);
              expect(cryptoLines(m.body)).toHaveLength(leg.srtp ? 1 : 0);
            }
          }
        },
      ),
      { numRuns: 300, seed: 19 },
    );
  });
});
