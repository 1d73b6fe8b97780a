import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoFlow, generateLargeFlow, type FlowDocument } from "../flow";
import { DEMO_FUNCTION } from "../functions/templates";
import { DESTINATIONS } from "../runtime/testing/demo-agent";
import {
  agentSetupFromDocument,
  buildAgentDocument,
  canonicalJson,
  documentLintErrors,
  parseAgentDocument,
  parseAgentDocumentText,
  prettyCanonicalJson,
  type AgentDocument,
  type DraftParts,
} from ".";

const destinations: DraftParts["destinations"] = DESTINATIONS.map((d) => ({
  ...d,
  outboundEndpoint: null,
  outboundEncryption: "UDP/RTP",
  description: `${d.name} team`,
}));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary JSON
type Json = Record<string, any>;

function parts(
  flows: FlowDocument[] = [demoFlow({ destinations, overrideFunctionName: DEMO_FUNCTION.name })],
): DraftParts {
  return {
    agent: {
      name: "Acme Support",
      trunkHost: "trunk.acme.example",
      pbxHost: "pbx.acme.example",
      functionTimeoutMs: 2000,
    },
    variables: [
      { name: "tier", sampleValue: "silver", description: "Support tier" },
      { name: "customer_id", sampleValue: "abc123", description: "" },
    ],
    destinations,
    functions: [{ ...DEMO_FUNCTION }],
    flows,
  };
}

function parsed(doc: unknown): AgentDocument {
  const r = parseAgentDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc;
}

function errorsOf(doc: unknown): { path: string; message: string }[] {
  const r = parseAgentDocument(doc);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

/** A document with one change applied to a deep copy. */
function edited(mutate: (d: Json) => void): unknown {
  const copy = JSON.parse(JSON.stringify(buildAgentDocument(parts())));
  mutate(copy);
  return copy;
}

const sayIndex = (d: Json) => d.flows[0].nodes.findIndex((n: { type: string }) => n.type === "say");
const SAY = sayIndex(buildAgentDocument(parts()));

describe("agent document", () => {
  it("names destinations instead of holding ids, and has no database ids at all", () => {
    const doc = buildAgentDocument(parts());
    const text = prettyCanonicalJson(doc);
    for (const d of DESTINATIONS) expect(text).not.toContain(d.id);
    const handoffs = doc.flows[0]!.nodes.filter((n) => n.type === "handoff");
    expect(handoffs.map((n) => (n.data as { destination: string | null }).destination)).toContain("Billing Support");
    expect(Object.keys(doc)).toEqual(["format", "agent", "variables", "destinations", "functions", "flows"]);
    expect(doc.format).toBe(1);
  });

  it("writes keys in a stable order: format, name, id and type first, then alphabetically", () => {
    const text = canonicalJson({ z: 1, type: "t", a: { y: 2, name: "n", b: [{ d: 1, c: 2 }] }, format: 1 });
    expect(text).toBe('{"format":1,"type":"t","a":{"name":"n","b":[{"c":2,"d":1}],"y":2},"z":1}');
  });

  it("writes exactly what JSON.stringify writes for the same keys in that order, compact and pretty", () => {
    const rank = (k: string) => ["format", "name", "id", "type"].indexOf(k);
    const order = (a: string, b: string) => {
      const ra = rank(a) === -1 ? 4 : rank(a);
      const rb = rank(b) === -1 ? 4 : rank(b);
      return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
    };
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(
              Object.keys(v)
                .sort(order)
                .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
            )
          : v;
    // JS objects list integer-like keys first whatever their order, so the reference cannot show them sorted.
    const integerKey = (v: unknown): boolean =>
      Array.isArray(v)
        ? v.some(integerKey)
        : v !== null && typeof v === "object"
          ? Object.keys(v).some((k) => /^(0|[1-9]\d*)$/.test(k) || integerKey((v as Record<string, unknown>)[k]))
          : false;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        fc.pre(!integerKey(value));
        expect(canonicalJson(value)).toBe(JSON.stringify(sorted(value)));
        expect(prettyCanonicalJson(value)).toBe(`${JSON.stringify(sorted(value), null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it("parses its own export back to the same bytes", () => {
    const doc = buildAgentDocument(parts());
    const text = prettyCanonicalJson(doc);
    const back = parseAgentDocumentText(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(prettyCanonicalJson(back.doc)).toBe(text);
  });

  it("round-trips generated flows of every node kind, in any order of flows and functions", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2, max: 60 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (sizes, reverse) => {
          const flows = sizes.map((n, i) => generateLargeFlow(n, `Flow ${String.fromCharCode(90 - i)}${n}`));
          const doc = buildAgentDocument(parts(reverse ? flows.reverse() : flows));
          const text = prettyCanonicalJson(doc);
          const again = parsed(JSON.parse(text));
          expect(prettyCanonicalJson(again)).toBe(text);
          // Flows are sorted by name, so their order in the draft does not matter.
          expect(prettyCanonicalJson(buildAgentDocument(parts(flows.slice().reverse())))).toBe(text);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("resolves a handoff's destination name ignoring case, to the destination's own spelling", () => {
    const doc = parsed(
      edited((d) => {
        const node = d.flows[0].nodes.find((n: { type: string }) => n.type === "handoff");
        node.data.destination = "billing SUPPORT";
      }),
    );
    const node = doc.flows[0]!.nodes.find((n) => n.type === "handoff")!;
    expect((node.data as { destination: string }).destination).toBe("Billing Support");
  });

  it("keeps a reference to a destination the file lacks, and lint reports it", () => {
    const doc = parsed(
      edited((d) => {
        const node = d.flows[0].nodes.find((n: { type: string }) => n.type === "handoff");
        node.data.destination = "Nobody";
      }),
    );
    expect(documentLintErrors(doc).join("\n")).toMatch(/destination was deleted/);
  });

  it("lists every problem with its path", () => {
    const errors = errorsOf(
      edited((d) => {
        d.destinations[1].sip_headers[0].value = "a\r\nVia: evil";
        d.destinations[2].name = "front DESK";
        d.functions[0].name = "class";
        d.flows[0].nodes[SAY].data.utterance = 42;
        d.variables.push({ name: "caller_id", sample_value: "", description: "" });
      }),
    );
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "variables[2].name",
        "functions[0].name",
        "destinations[1].sip_headers[0].value",
        "destinations[2].name",
      ]),
    );
    expect(errors.find((e) => e.path === "destinations[2].name")!.message).toBe(
      "destinations[0] already has this name (names are unique ignoring case)",
    );
    expect(paths).toContain(`flows[0].nodes[${SAY}].data.utterance`);
    const flowErrors = errorsOf(
      edited((d) => {
        d.flows[0].edges[0].target = "missing";
        d.flows.push({ ...d.flows[0], name: "MAIN LINE" });
      }),
    );
    expect(flowErrors).toEqual([
      { path: "flows[0].edges[0].target", message: "Unknown node missing" },
      { path: "flows[1].edges[0].target", message: "Unknown node missing" },
    ]);
    expect(errorsOf(edited((d) => d.flows.push({ ...d.flows[0], name: "MAIN LINE" })))).toEqual([
      { path: "flows[1].name", message: "flows[0] already has this name (names are unique ignoring case)" },
    ]);
  });

  it("maps a handoff node's destination errors to data.destination", () => {
    const errors = errorsOf(
      edited((d) => {
        const i = d.flows[0].nodes.findIndex((n: { type: string }) => n.type === "handoff");
        d.flows[0].nodes[i].data.destination = 7;
      }),
    );
    expect(errors[0]!.path).toMatch(/^flows\[0\]\.nodes\[\d+\]\.data\.destination$/);
  });

  it("needs exactly one default destination when there are any", () => {
    const none = errorsOf(edited((d) => (d.destinations[0].is_default = false)));
    expect(none).toEqual([{ path: "destinations", message: expect.stringMatching(/exactly one/) }]);
    const two = errorsOf(edited((d) => (d.destinations[1].is_default = true)));
    expect(two[0]!.message).toMatch(/2 have is_default/);
    // No destinations at all is fine; the flow's handoff nodes then name missing ones, which lint reports.
    const bare = parsed(edited((d) => (d.destinations = [])));
    expect(documentLintErrors(bare).join("\n")).toMatch(/destination was deleted/);
  });

  it("refuses unknown fields, a flow export, a newer format and broken JSON, each with a clear message", () => {
    expect(errorsOf(edited((d) => (d.extra = 1)))[0]).toMatchObject({
      path: "",
      message: expect.stringMatching(/extra/),
    });
    expect(errorsOf({ format: "switchboard.flow", name: "x", nodes: [], edges: [] })[0]!.message).toMatch(
      /flow export, not an agent/,
    );
    expect(errorsOf(edited((d) => (d.format = 2)))[0]!.message).toMatch(/newer Switchboard/);
    expect(errorsOf([1])[0]!.message).toMatch(/JSON object/);
    const broken = parseAgentDocumentText('{\n  "format": 1,\n  "agent": }');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]!.message).toMatch(/line 3, column 12/);
  });

  it("normalises what the forms normalise (trimmed names, no placement for INVITE)", () => {
    const doc = parsed(
      edited((d) => {
        d.destinations[1].refer_header_placement = "both";
        d.destinations[1].name = "  Billing Support ";
      }),
    );
    expect(doc.destinations[1]).toMatchObject({ name: "Billing Support", refer_header_placement: "request" });
  });

  it("writes an INVITE's outbound endpoint and encryption only when set, round-trips them and checks them", () => {
    const plain = buildAgentDocument(parts());
    // Older documents (and destinations without them) keep their bytes: nothing is written for the defaults.
    expect(JSON.stringify(plain)).not.toContain("outbound_");
    const trunked = parts();
    trunked.destinations = trunked.destinations.map((d) =>
      d.method === "invite" ? { ...d, outboundEndpoint: "edge.example:5061", outboundEncryption: "TLS/SRTP" } : d,
    );
    const doc = buildAgentDocument(trunked);
    const billing = doc.destinations.find((d) => d.method === "invite")!;
    expect(billing).toMatchObject({ outbound_endpoint: "edge.example:5061", outbound_encryption: "TLS/SRTP" });
    const text = prettyCanonicalJson(doc);
    const back = parseAgentDocumentText(text);
    expect(back.ok && prettyCanonicalJson(back.doc)).toBe(text);
    const i = doc.destinations.indexOf(billing);
    expect(
      errorsOf(
        edited((d) => {
          d.destinations[i].outbound_endpoint = "edge example";
          d.destinations[0].outbound_endpoint = "edge.example";
        }),
      ),
    ).toEqual([
      {
        path: "destinations[0].outbound_endpoint",
        message: "Only a SIP INVITE is sent through an outbound endpoint; clear it",
      },
      { path: `destinations[${i}].outbound_endpoint`, message: expect.stringMatching(/nothing else/) },
    ]);
  });

  it("runs: a version's setup uses destination names as ids", () => {
    const doc = buildAgentDocument(parts());
    const setup = agentSetupFromDocument(doc, doc.flows[0]!);
    expect(setup.destinations.map((d) => d.id)).toEqual(["Front desk", "Billing Support", "Hand back to IVR"]);
    const handoff = setup.flow.nodes.find((n) => n.type === "handoff")!;
    expect(setup.destinations.some((d) => d.id === (handoff.data as { destinationId: string }).destinationId)).toBe(
      true,
    );
    expect(setup.hosts).toEqual({ trunkHost: "trunk.acme.example", pbxHost: "pbx.acme.example" });
  });
});

describe("topics in the agent document", () => {
  const withTopics = (): Json => ({
    ...JSON.parse(JSON.stringify(buildAgentDocument(parts()))),
    topics: [
      {
        name: "Hours",
        sample_questions: ["when are you open"],
        content: "8 to 6.",
        action: { kind: "none" },
        enabled: true,
      },
      {
        name: "Human",
        sample_questions: ["a person please"],
        content: "",
        action: { kind: "builtin-handoff", destination: "front DESK", reason: "needs_human", utterance: "" },
        enabled: false,
      },
    ],
  });

  it("resolve a handoff's destination ignoring case, keep their order, and round-trip to the same bytes", () => {
    const doc = parsed(withTopics());
    expect(doc.topics?.map((t) => t.name)).toEqual(["Hours", "Human"]);
    expect(doc.topics?.[1]!.action).toMatchObject({ destination: "Front desk" });
    const text = prettyCanonicalJson(doc);
    const back = parseAgentDocumentText(text);
    expect(back.ok && prettyCanonicalJson(back.doc)).toBe(text);
    // The runtime gets them with destination names as ids.
    expect(agentSetupFromDocument(doc, doc.flows[0]!).topics?.[1]).toMatchObject({
      enabled: false,
      action: { kind: "builtin-handoff", destinationId: "Front desk" },
    });
  });

  it("report each topic's problems with its path", () => {
    const doc = withTopics();
    doc.topics[0].sample_questions = [];
    doc.topics[1].action.utterance = "Needs Human";
    doc.topics.push({ ...doc.topics[0], name: "HUMAN", sample_questions: ["x"] });
    doc.topics[0].action = { kind: "builtin-handoff", destination: null, reason: "Bad", utterance: "" };
    doc.topics.push({
      name: "Fn",
      sample_questions: ["x"],
      content: "",
      action: { kind: "function", function: "" },
      enabled: true,
    });
    expect(errorsOf(doc)).toEqual([
      { path: "topics[0].sample_questions", message: "Add at least one sample question" },
      { path: "topics[0].action.reason", message: expect.stringContaining("needs_human") },
      { path: "topics[3].action.function", message: "Choose a function" },
      { path: "topics[2].name", message: "topics[1] already has this name (names are unique ignoring case)" },
    ]);
  });
});
