import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildAgentDocument, type AgentDocument } from "../agent-document";
import { demoFlow, generateLargeFlow } from "../flow";
import { DEMO_FUNCTION } from "../functions/templates";
import { DESTINATIONS } from "../runtime/testing/demo-agent";
import { countChanges, diffDocuments } from "./diff";
import { diffLines, unifiedDiff } from "./unified-diff";

function demo(): AgentDocument {
  return buildAgentDocument({
    agent: { name: "Acme", trunkHost: "trunk.acme.example", pbxHost: "pbx.acme.example", functionTimeoutMs: 2000 },
    variables: [{ name: "tier", sampleValue: "silver", description: "" }],
    destinations: DESTINATIONS.map((d) => ({
      ...d,
      outboundEndpoint: null,
      outboundEncryption: "UDP/RTP",
      description: "",
    })),
    functions: [{ ...DEMO_FUNCTION }],
    flows: [
      demoFlow({ destinations: DESTINATIONS, overrideFunctionName: DEMO_FUNCTION.name }),
      generateLargeFlow(6, "Side"),
    ],
  });
}
const copy = (d: AgentDocument): AgentDocument => structuredClone(d);

describe("diffDocuments", () => {
  it("finds nothing between a document and itself", () => {
    const d = diffDocuments(demo(), demo());
    expect(d.identical).toBe(true);
    expect(countChanges(d)).toBe(0);
  });

  it("compares knowledge topics field by field; a document without topics has none to compare", () => {
    const hours = {
      name: "Hours",
      sample_questions: ["when"],
      content: "8 to 6",
      action: { kind: "none" as const },
      enabled: true,
    };
    const before = { ...demo(), topics: [hours] };
    const after = {
      ...demo(),
      topics: [
        { ...hours, enabled: false },
        {
          ...hours,
          name: "Human",
          action: { kind: "builtin-handoff" as const, destination: null, reason: "", utterance: "" },
        },
      ],
    };
    const d = diffDocuments(before, after);
    expect(d.identical).toBe(false);
    expect(d.topics).toEqual([
      { name: "Hours", status: "changed", fields: [{ field: "enabled", before: true, after: false }] },
      { name: "Human", status: "added", fields: expect.any(Array) },
    ]);
    expect(countChanges(d)).toBe(2);
    expect(diffDocuments(demo(), { ...demo(), topics: [hours] }).topics).toMatchObject([
      { name: "Hours", status: "added" },
    ]);
  });

  it("compares scenarios field by field, matched by name ignoring case", () => {
    const s = { name: "Billing", turns: [{ say: "my bill" }], expect: { outcome: "handoff" as const } };
    const d = diffDocuments(
      { ...demo(), scenarios: [s] },
      { ...demo(), scenarios: [{ ...s, name: "billing", expect: { outcome: "hangup" as const } }] },
    );
    expect(d.scenarios).toEqual([
      {
        name: "billing",
        status: "changed",
        fields: [
          { field: "name", before: "Billing", after: "billing" },
          { field: "expect", before: { outcome: "handoff" }, after: { outcome: "hangup" } },
        ],
      },
    ]);
    expect(countChanges(d)).toBe(1);
    expect(diffDocuments(demo(), demo()).scenarios).toEqual([]);
  });

  it("compares destinations field by field, matched by name ignoring case", () => {
    const after = copy(demo());
    after.destinations[1]!.route = "sip:billing-2@pbx.acme.example";
    after.destinations[1]!.sip_headers = [{ name: "X-Queue", value: "2" }];
    after.destinations[0]!.name = "FRONT DESK";
    after.destinations.splice(2, 1);
    after.destinations.push({ ...after.destinations[0]!, name: "Escalations", is_default: false });
    const d = diffDocuments(demo(), after);
    expect(d.destinations).toEqual([
      { name: "FRONT DESK", status: "changed", fields: [{ field: "name", before: "Front desk", after: "FRONT DESK" }] },
      {
        name: "Billing Support",
        status: "changed",
        fields: [
          { field: "route", before: "sip:billing@pbx.acme.example", after: "sip:billing-2@pbx.acme.example" },
          { field: "sip_headers", before: DESTINATIONS[1]!.sipHeaders, after: [{ name: "X-Queue", value: "2" }] },
        ],
      },
      {
        name: "Hand back to IVR",
        status: "removed",
        fields: expect.arrayContaining([{ field: "method", before: "bye", after: undefined }]),
      },
      {
        name: "Escalations",
        status: "added",
        fields: expect.arrayContaining([
          { field: "route", before: undefined, after: "sip:frontdesk@pbx.acme.example" },
        ]),
      },
    ]);
  });

  it("compares flows node by node with the changed fields, and edges", () => {
    const after = copy(demo());
    const main = after.flows.find((f) => f.name === "Main line")!;
    const say = main.nodes.find((n) => n.id === "sorry")!;
    (say.data as { utterance: string }).utterance = "Sorry!";
    const listen = main.nodes.find((n) => n.type === "listen")!;
    (listen.data as { branches: { keywords: string[] }[] }).branches[0]!.keywords.push("refund");
    main.nodes.find((n) => n.id === "end")!.position = { x: 1, y: 2 };
    main.nodes = main.nodes.filter((n) => n.id !== "back_to_ivr");
    main.edges = main.edges.filter((e) => e.target !== "back_to_ivr");
    main.nodes.push({ id: "new_say", type: "say", position: { x: 0, y: 0 }, data: { utterance: "Hi" } });
    main.edges.push({ id: "e_new", source: "sorry", sourceHandle: "next", target: "new_say" });
    const d = diffDocuments(demo(), after);
    expect(d.flows).toHaveLength(1);
    const flow = d.flows[0]!;
    expect(flow).toMatchObject({ name: "Main line", status: "changed" });
    const byId = Object.fromEntries(flow.nodes.map((n) => [n.id, n]));
    expect(byId.sorry).toEqual({
      id: "sorry",
      type: "say",
      status: "changed",
      fields: [{ field: "data.utterance", before: "Sorry, I can't help with that here.", after: "Sorry!" }],
    });
    expect(byId.intent!.fields).toEqual([
      { field: "data.branches[0].keywords", before: expect.any(Array), after: expect.arrayContaining(["refund"]) },
    ]);
    expect(byId.end!.fields).toEqual([{ field: "position", before: { x: 1050, y: 360 }, after: { x: 1, y: 2 } }]);
    expect(byId.back_to_ivr!.status).toBe("removed");
    expect(byId.new_say).toMatchObject({
      status: "added",
      fields: expect.arrayContaining([{ field: "data.utterance", before: undefined, after: "Hi" }]),
    });
    expect(flow.edges).toEqual([
      { id: "e_sorry_next", status: "removed", before: "sorry —next→ back_to_ivr", after: null },
      { id: "e_new", status: "added", before: null, after: "sorry —next→ new_say" },
    ]);
  });

  it("shows a handoff node retargeted to another destination by name", () => {
    const after = copy(demo());
    const node = after.flows[0]!.nodes.find((n) => n.id === "front_desk")!;
    (node.data as { destination: string | null }).destination = "Hand back to IVR";
    const fields = diffDocuments(demo(), after).flows[0]!.nodes[0]!.fields;
    expect(fields).toEqual([{ field: "data.destination", before: "Front desk", after: "Hand back to IVR" }]);
  });

  it("shows functions as a unified diff, and added/removed flows and variables", () => {
    const after = copy(demo());
    after.functions[0]!.code = after.functions[0]!.code.replace("gold", "platinum");
    after.functions.push({ name: "greet", description: "", code: "def greet(conv):\n    return 'hi'\n" });
    after.flows = after.flows.filter((f) => f.name !== "Side");
    after.variables[0]!.sample_value = "gold";
    after.agent.function_timeout_ms = 500;
    const d = diffDocuments(demo(), after);
    const route = d.functions.find((f) => f.name === DEMO_FUNCTION.name)!;
    expect(route.status).toBe("changed");
    expect(route.patch).toMatch(/^--- a\/route_vip\.py\n\+\+\+ b\/route_vip\.py\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(route.patch).toMatch(/\n-.*gold/);
    expect(route.patch).toMatch(/\n\+.*platinum/);
    expect(route.linesAdded).toBe(route.linesRemoved);
    expect(d.functions.find((f) => f.name === "greet")).toMatchObject({
      status: "added",
      linesAdded: 2,
      linesRemoved: 0,
    });
    expect(d.flows).toEqual([expect.objectContaining({ name: "Side", status: "removed" })]);
    expect(d.variables).toEqual([
      { name: "tier", status: "changed", fields: [{ field: "sample_value", before: "silver", after: "gold" }] },
    ]);
    expect(d.agent).toEqual([{ field: "function_timeout_ms", before: 2000, after: 500 }]);
  });
});

describe("unifiedDiff", () => {
  it("writes hunks like diff -u", () => {
    const a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
    const b = "a\nb\nX\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
    // `diff -u` prints exactly these hunks for the same two files.
    expect(unifiedDiff(a, b, "f.py")).toBe(
      "--- a/f.py\n+++ b/f.py\n@@ -1,6 +1,6 @@\n a\n b\n-c\n+X\n d\n e\n f\n@@ -9,3 +9,4 @@\n i\n j\n k\n+l\n",
    );
    expect(unifiedDiff("", "a\nb\n", "f.py")).toBe("--- a/f.py\n+++ b/f.py\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    expect(unifiedDiff("a\nb\n", "", "f.py")).toBe("--- a/f.py\n+++ b/f.py\n@@ -1,2 +0,0 @@\n-a\n-b\n");
    expect(unifiedDiff("same\n", "same\n", "f.py")).toBe("");
  });

  it("applying the patch to the old text gives the new text", () => {
    const line = fc.constantFrom("a", "b", "c", "def f(conv):", "    return 1", "");
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (x, y) => {
        const before = x.map((l) => `${l}\n`).join("");
        const after = y.map((l) => `${l}\n`).join("");
        expect(applyPatch(before, unifiedDiff(before, after, "f", 2))).toBe(after);
        const kept = diffLines(before, after)
          .filter((l) => l.kind !== "+")
          .map((l) => l.text);
        expect(kept).toEqual(x);
      }),
      { numRuns: 300 },
    );
  });
});

/** A minimal `patch`: enough to check hunks' numbers and lines. */
function applyPatch(text: string, patch: string): string {
  if (patch === "") return text;
  const old = text === "" ? [] : text.replace(/\n$/, "").split("\n");
  const out: string[] = [];
  let at = 0; // next old line (0-based) not yet copied
  const lines = patch.replace(/\n$/, "").split("\n").slice(2);
  for (let i = 0; i < lines.length; ) {
    const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[i]!);
    if (!m) throw new Error(`bad hunk header ${lines[i]}`);
    const oldStart = Number(m[2]) === 0 ? Number(m[1]) : Number(m[1]) - 1;
    while (at < oldStart) out.push(old[at++]!);
    i++;
    while (i < lines.length && !lines[i]!.startsWith("@@")) {
      const l = lines[i]!;
      if (l[0] === " ") {
        expect(old[at]).toBe(l.slice(1));
        out.push(old[at++]!);
      } else if (l[0] === "-") {
        expect(old[at]).toBe(l.slice(1));
        at++;
      } else out.push(l.slice(1));
      i++;
    }
  }
  while (at < old.length) out.push(old[at++]!);
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}
