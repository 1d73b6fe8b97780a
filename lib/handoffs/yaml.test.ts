import { describe, expect, it } from "vitest";
import { DEMO_DESTINATIONS } from "./demo";
import { exportHandoffsYaml, parseHandoffsYaml, type YamlDestination } from "./yaml";

const DESTINATIONS: YamlDestination[] = [
  ...DEMO_DESTINATIONS,
  {
    name: "Sales line",
    description: "Outbound trunk, encrypted",
    method: "invite",
    route: "+14155550123",
    sipHeaders: [{ name: "X-Queue", value: "sales $caller_id" }],
    referHeaderPlacement: "request",
    ringTimeoutSeconds: 20,
    attempts: 2,
    outboundEndpoint: "sip.trunk.example.com:5061",
    outboundEncryption: "TLS/SRTP",
    isDefault: false,
  },
  {
    name: "Escalations",
    description: "",
    method: "refer",
    route: "2001",
    sipHeaders: [{ name: "X-Note", value: "a: b # not a comment" }],
    referHeaderPlacement: "both",
    ringTimeoutSeconds: 30,
    attempts: 1,
    outboundEndpoint: null,
    outboundEncryption: "UDP/RTP",
    isDefault: false,
  },
];

function parsed(text: string) {
  const r = parseHandoffsYaml(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.destinations;
}

function errorsOf(text: string) {
  const r = parseHandoffsYaml(text);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

/** A valid file with one handoff changed by `edit` (YAML text, indented under the list item). */
const file = (...handoffs: string[]) =>
  `handoffs:\n${handoffs.map((h) => `  - ${h.trim().replace(/\n/g, "\n    ")}`).join("\n")}\n`;
const REFER = `name: Front desk\nis_default: true\nsip_config:\n  method: refer\n  route: sip:frontdesk@pbx.example`;

describe("handoffs.yaml", () => {
  it("writes PolyAI's fields, x_switchboard only for what the format lacks and differs from the default", () => {
    const text = exportHandoffsYaml(DESTINATIONS);
    expect(text).toContain(`  - name: Sales line
    description: Outbound trunk, encrypted
    is_default: false
    sip_config:
      method: invite
      phone_number: "+14155550123"
      outbound_endpoint: sip.trunk.example.com:5061
      outbound_encryption: TLS/SRTP
    sip_headers:
      - key: X-Queue
        value: sales $caller_id
    x_switchboard:
      ring_timeout_seconds: 20
      attempts: 2
`);
    expect(text).toContain(`      method: refer
      route: "2001"
    sip_headers:
      - key: X-Note
        value: "a: b # not a comment"
    x_switchboard:
      refer_header_placement: both
`);
    // BYE: no route; the demo destinations have default transfer settings, so no x_switchboard.
    expect(text).toContain(`  - name: Hand back to IVR
    description: Return the caller to the IVR menu.
    is_default: false
    sip_config:
      method: bye
    sip_headers: []
`);
    expect(text.match(/x_switchboard/g)).toHaveLength(2);
  });

  it("round trip: export → import → export is byte-identical, every field kept", () => {
    const text = exportHandoffsYaml(DESTINATIONS);
    const back = parsed(text);
    expect(exportHandoffsYaml(back)).toBe(text);
    expect(back).toEqual(DESTINATIONS.map(({ ...d }) => ({ ...d, id: undefined })).map(({ id: _id, ...d }) => d));
  });

  it("imports a PolyAI file without x_switchboard with the defaults", () => {
    const [d] = parsed(
      file(`name: Billing
description: Billing team
is_default: true
sip_config:
  method: invite
  phone_number: "+442071838750"
  outbound_endpoint: sip.example.com
  outbound_encryption: TLS/SRTP
sip_headers:
  - key: X-Reason
    value: billing`),
    );
    expect(d).toEqual({
      name: "Billing",
      description: "Billing team",
      method: "invite",
      route: "+442071838750",
      sipHeaders: [{ name: "X-Reason", value: "billing" }],
      referHeaderPlacement: "request",
      ringTimeoutSeconds: 30,
      attempts: 1,
      outboundEndpoint: "sip.example.com",
      outboundEncryption: "TLS/SRTP",
      isDefault: true,
    });
  });

  it("reports every problem with its path, and returns nothing to import", () => {
    const errors = errorsOf(
      file(
        REFER,
        `name: Billing\nsip_config:\n  method: invite\n  phone_number: "+14155550123"\n  outbound_encryption: TLS\n  outbound_endpoint: sip:edge.example`,
        `name: Sales\nsip_config:\n  method: transfer\n  phone_number: "+14155550124"`,
        `name: Ops\nsip_config:\n  method: refer\n  phone_number: +14155550125\nsip_headers:\n  - key: X-Ok\n    value: "1"\n  - key: Via\n    value: x`,
        `name: front DESK\nsip_config:\n  method: refer\n  route: "2002"`,
        `name: Back\nsip_config:\n  method: bye\n  route: "2003"\nx_switchboard:\n  attempts: 5\n  colour: red`,
        `name: Nowhere\nsip_config:\n  method: invite`,
      ),
    );
    expect(errors).toEqual([
      {
        path: "handoffs[1].sip_config.outbound_encryption",
        message: 'Expected one of UDP/RTP, TLS/SRTP, found string "TLS"',
      },
      { path: "handoffs[2].sip_config.method", message: 'Expected one of refer, invite, bye, found string "transfer"' },
      {
        path: "handoffs[3].sip_config.phone_number",
        message: 'Write it in quotes ("14155550125"): unquoted, YAML reads it as a number and drops a leading +',
      },
      { path: "handoffs[3].sip_headers[1].key", message: "Via is managed by the SIP dialog and cannot be set here" },
      { path: "handoffs[4].name", message: "handoffs[0] already has this name (names are unique ignoring case)" },
      {
        path: "handoffs[5].x_switchboard.colour",
        message: "Unknown field; expected one of refer_header_placement, ring_timeout_seconds, attempts",
      },
      { path: "handoffs[5].x_switchboard.attempts", message: "Choose 1, 2 or 3 attempts" },
      { path: "handoffs[5].sip_config.route", message: "SIP BYE hands the call back and takes no route; clear it" },
      {
        path: "handoffs[6].sip_config",
        message: 'An INVITE handoff needs phone_number (E.164, e.g. "+14155550123") or route (a SIP URI or extension)',
      },
    ]);
  });

  it("maps the form's rules to the file's paths: headers, endpoint, BYE route, transfer settings", () => {
    expect(
      errorsOf(
        file(
          REFER +
            `\nsip_headers:\n  - key: X-Ok\n    value: "1"\n  - key: Via\n    value: x\n  - key: X-Line\n    value: "a\\r\\nb"`,
          `name: Billing\nsip_config:\n  method: invite\n  phone_number: "+14155550123"\n  outbound_endpoint: sip:edge.example`,
          `name: Back\nsip_config:\n  method: bye\n  route: "2003"\nx_switchboard:\n  attempts: 5`,
          `name: Refer\nsip_config:\n  method: refer\n  route: "2004"\n  outbound_endpoint: edge.example`,
        ),
      ),
    ).toEqual([
      { path: "handoffs[0].sip_headers[1].key", message: expect.stringMatching(/Via/) },
      { path: "handoffs[0].sip_headers[2].value", message: expect.stringMatching(/control characters/) },
      { path: "handoffs[1].sip_config.outbound_endpoint", message: expect.stringMatching(/without "sip:"/) },
      { path: "handoffs[2].x_switchboard.attempts", message: "Choose 1, 2 or 3 attempts" },
      { path: "handoffs[2].sip_config.route", message: "SIP BYE hands the call back and takes no route; clear it" },
      {
        path: "handoffs[3].sip_config.outbound_endpoint",
        message: "Only a SIP INVITE is sent through an outbound endpoint; clear it",
      },
    ]);
  });

  it("needs exactly one default, and refuses what is not the format", () => {
    const second = `name: Billing\nis_default: true\nsip_config:\n  method: refer\n  route: "2001"`;
    expect(errorsOf(file(REFER, second))).toEqual([
      { path: "handoffs", message: "Exactly one handoff is the default; 2 have is_default: true" },
    ]);
    expect(errorsOf(file(REFER.replace("is_default: true", "is_default: false")))).toEqual([
      { path: "handoffs", message: "Mark exactly one handoff as the default (is_default: true)" },
    ]);
    expect(errorsOf(file(REFER.replace("true", "yes")))[0]).toEqual({
      path: "handoffs[0].is_default",
      message: 'Expected true or false, found string "yes"',
    });
    expect(errorsOf(file(REFER + "\ntransfer: now"))).toEqual([
      {
        path: "handoffs[0].transfer",
        message: "Unknown field; expected one of name, description, is_default, sip_config, sip_headers, x_switchboard",
      },
    ]);
    expect(errorsOf(file(REFER + '\n  phone_number: "+14155550123"'))[0]).toEqual({
      path: "handoffs[0].sip_config",
      message: "Give phone_number or route, not both",
    });
    expect(errorsOf("destinations: []\n")).toEqual([
      { path: "handoffs", message: "Expected a top-level handoffs: list" },
    ]);
    expect(errorsOf("handoffs:\n  - name: [unclosed\n")[0]!.path).toMatch(/^line \d+, column \d+$/);
    expect(errorsOf("handoffs: []\nhandoffs: []\n")[0]!.message).toMatch(/unique/i);
    expect(parsed("handoffs: []\n")).toEqual([]);
  });
});
