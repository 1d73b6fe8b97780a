import type { FlowDocument, FlowEdge, FlowNode } from "./types";

/**
 * A deterministic flow of `n` nodes (n ≥ 2) for benchmarks and scale tests: Start, then a
 * chain cycling say → listen → condition → set, ending in End. Every out handle is wired to
 * the next node, so with an empty context it lints clean; nodes sit on a grid.
 */
export function generateLargeFlow(n: number, name = `Generated ${n}`): FlowDocument {
  if (!Number.isInteger(n) || n < 2) throw new RangeError("generateLargeFlow needs at least 2 nodes");
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const position = (i: number) => ({ x: (i % 20) * 300, y: Math.floor(i / 20) * 160 });
  const id = (i: number) => `n${i}`;
  const link = (i: number, handle: string) =>
    edges.push({ id: `e${i}_${handle}`, source: id(i), sourceHandle: handle, target: id(i + 1) });

  nodes.push({ id: id(0), type: "start", position: position(0), data: { greeting: "Hello $caller_id" } });
  link(0, "next");
  for (let i = 1; i < n - 1; i++) {
    const base = { id: id(i), position: position(i) };
    switch (i % 4) {
      case 1:
        nodes.push({
          ...base,
          type: "say",
          data: { utterance: `Step ${i}, value ${i === 1 ? "$caller_id" : `$v${i - 1}`}` },
        });
        link(i, "next");
        break;
      case 2:
        nodes.push({
          ...base,
          type: "listen",
          data: {
            prompt: `Question ${i}?`,
            retries: 1,
            branches: [
              { id: "yes", label: "Yes", examples: ["yes please"], keywords: ["yes"] },
              { id: "no", label: "No", examples: [], keywords: [], regex: "^no\\b" },
            ],
          },
        });
        for (const h of ["yes", "no", "no_match"]) link(i, h);
        break;
      case 3:
        nodes.push({
          ...base,
          type: "condition",
          data: { rules: [{ id: "r1", variable: `v${i}`, operator: "equals", value: "$caller_id" }] },
        });
        for (const h of ["r1", "else"]) link(i, h);
        break;
      default:
        nodes.push({ ...base, type: "set", data: { assignments: [{ variable: `v${i}`, value: `$v${i - 1}` }] } });
        link(i, "next");
    }
  }
  nodes.push({ id: id(n - 1), type: "end", position: position(n - 1), data: { goodbye: "" } });
  return { name, nodes, edges };
}

/**
 * generateLargeFlow with what real flows hold beside the plain kinds, for benchmarks that must not
 * flatter the editor: every 16 nodes, one Function node calling `functionName`, one calling a
 * function that does not exist (a lint error shown on its card), and one Handoff to the agent's
 * default destination, reached from a listen's "No" branch (the chain routes around it).
 */
export function generateMixedFlow(n: number, functionName: string, name = `Mixed ${n}`): FlowDocument {
  const doc = generateLargeFlow(n, name);
  const edges = new Map(doc.edges.map((e) => [e.id, e]));
  const nodes = doc.nodes.map((node, i): FlowNode => {
    if (node.type !== "say") return node;
    const { id, position } = node;
    switch (i % 16) {
      case 1:
        return {
          id,
          position,
          type: "function",
          data: { functionName, arguments: [{ name: "step", value: String(i) }] },
        };
      case 5:
        return { id, position, type: "function", data: { functionName: "missing_function", arguments: [] } };
      case 13: {
        if (i + 1 >= n - 1) return node;
        edges.delete(`e${i}_next`);
        edges.set(`e${i - 1}_next`, { ...edges.get(`e${i - 1}_next`)!, target: `n${i + 1}` });
        edges.set(`e${i - 3}_no`, { ...edges.get(`e${i - 3}_no`)!, target: id });
        return {
          id,
          position,
          type: "handoff",
          data: { destinationId: null, reason: "billing", utterance: "Let me transfer you.", overrideFunction: null },
        };
      }
      default:
        return node;
    }
  });
  return { name, nodes, edges: [...edges.values()] };
}
