import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoFlow } from "./demo-flow";
import { generateLargeFlow } from "./generate";
import { exportFlow, FLOW_FORMAT, importFlow } from "./import-export";
import { jsonErrorOffset } from "./json-position";
import { parseFlowDocument } from "./schema";
import { billing, frontDesk, ivr } from "./testing/builders";
import type { FlowDocument } from "./types";

const demo = demoFlow({ destinations: [frontDesk, billing, ivr], overrideFunctionName: "route_vip" });

function exported(
  mutate: (o: { name: unknown; nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] }) => void,
): string {
  const o = JSON.parse(exportFlow(demo));
  mutate(o);
  return JSON.stringify(o);
}

describe("exportFlow / importFlow", () => {
  it("round trips the demo flow", () => {
    const text = exportFlow(demo);
    expect(JSON.parse(text)).toMatchObject({ format: FLOW_FORMAT, version: 1, name: "Main line" });
    expect(importFlow(text)).toEqual({ ok: true, doc: demo });
  });

  it("round trips generated flows of any size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), (n) => {
        const doc = generateLargeFlow(n);
        expect(importFlow(exportFlow(doc))).toEqual({ ok: true, doc });
      }),
      { numRuns: 25 },
    );
  });

  it("strips canvas-only fields and the database identity", () => {
    const canvas = {
      ...demo,
      id: "flow_1",
      revision: 4,
      nodes: demo.nodes.map((n) => ({
        ...n,
        selected: true,
        dragging: false,
        measured: { width: 1, height: 2 },
        width: 1,
        height: 2,
      })),
      edges: demo.edges.map((e) => ({ ...e, selected: true, animated: true })),
    } as FlowDocument;
    const text = exportFlow(canvas);
    for (const key of [
      "selected",
      "dragging",
      "measured",
      "width",
      "height",
      "animated",
      "revision",
      '"id": "flow_1"',
    ]) {
      expect(text).not.toContain(key);
    }
    expect(text).toBe(exportFlow(demo));
  });

  it("reports invalid JSON with its position", () => {
    const r = importFlow('{\n  "format": "switchboard.flow",\n  "name": }');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.path).toBe("");
    expect(r.errors[0]!.message).toMatch(/^Not valid JSON at line 3, column 11 \(position 44\)/);
  });

  it("requires the format marker and a known version", () => {
    expect(importFlow(JSON.stringify({ name: "x", nodes: [], edges: [] }))).toMatchObject({
      ok: false,
      errors: [{ path: "format" }],
    });
    expect(importFlow(exported((o) => Object.assign(o, { version: 2 })))).toMatchObject({
      ok: false,
      errors: [{ path: "version", message: expect.stringContaining("newer") }],
    });
    expect(importFlow("[]")).toMatchObject({ ok: false, errors: [{ path: "" }] });
  });

  it("reports schema errors with bracketed paths", () => {
    const r = importFlow(
      exported((o) => {
        (o.nodes[3]!.data as Record<string, unknown>).reason = 42;
        (o.nodes[1]!.data as Record<string, unknown>).retries = 9;
        o.nodes[2]!.type = "teleport";
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(["nodes[1].data.retries", "nodes[2].type", "nodes[3].data.reason"]);
    expect(r.errors[1]!.message).toContain("Unknown node type");
  });

  it("reports duplicate ids and edges to unknown nodes", () => {
    const r = importFlow(
      exported((o) => {
        o.nodes[4]!.id = o.nodes[3]!.id;
        o.edges[2]!.target = "nope";
        o.edges[5]!.id = o.edges[0]!.id;
      }),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { path: "nodes[4].id", message: "Duplicate node id vip" },
        { path: "edges[2].target", message: "Unknown node nope" },
        { path: "edges[5].id", message: "Duplicate edge id e_start_next" },
        // Renaming node 4 orphaned the edge into its old id.
        { path: "edges[6].target", message: "Unknown node billing_handoff" },
      ],
    });
  });

  it("the document schema trims and requires a name", () => {
    expect(parseFlowDocument({ name: "  Main  ", nodes: [], edges: [] })).toEqual({
      ok: true,
      doc: { name: "Main", nodes: [], edges: [] },
    });
    expect(parseFlowDocument({ name: " ", nodes: [], edges: [] })).toMatchObject({
      ok: false,
      errors: [{ path: "name" }],
    });
  });
});

describe("jsonErrorOffset", () => {
  it("finds the offset JSON.parse would complain about", () => {
    const cases: [string, number][] = [
      ['{"a":}', 5],
      ['{"a":1', 6],
      ["", 0],
      ["[1,]", 3],
      ['{"a" 1}', 5],
      ['"\\x"', 2],
      ["tru", 3],
      ["[1] 2", 4],
      ['{"a":"b\nc"}', 7],
      ["-", 0],
    ];
    for (const [text, offset] of cases) {
      expect(() => JSON.parse(text)).toThrow();
      expect([text, jsonErrorOffset(text)]).toEqual([text, offset]);
    }
  });
});
