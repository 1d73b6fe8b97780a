import { describe, expect, it } from "vitest";
import { generateMixedFlow, type Flow, type FlowNode } from "@/lib/flow";
import { fromFlowJson, toFlowJson } from "./flow-json";

describe("flow JSON between the page and the editor", () => {
  it("reads back the flow it was given, text that could end a script or a line included", () => {
    const base = generateMixedFlow(20, "route_vip");
    const flow: Flow = {
      id: "flow_1",
      name: "Main </script><script>alert(1)</script> line\u2028",
      revision: 3,
      nodes: base.nodes.map((n, i) =>
        i === 0 ? ({ ...n, data: { ...n.data, title: "“quoted” \\ back\nslash" } } as FlowNode) : n,
      ),
      edges: base.edges,
    };
    const json = toFlowJson(flow);
    expect(typeof json).toBe("string");
    expect(fromFlowJson(json)).toEqual(flow);
  });

  it("carries the editor's fields only: a stored flow's agent and timestamps stay on the server", () => {
    const flow = { id: "flow_1", name: "Main", revision: 2, nodes: [], edges: [] };
    const stored = { ...flow, agentId: "agt_1", createdAt: "2026-11-27T00:00:00Z", updatedAt: "2026-11-27T00:00:01Z" };
    expect(JSON.parse(toFlowJson(stored))).toEqual(flow);
  });
});
