import { z } from "zod";
import { catalogue, NODE_KINDS, type NodeKind } from "./catalogue";
import type { FlowDocument, FlowEdge, FlowNode } from "./types";

/** Zod schemas for a whole flow: used by import, the flows repository and the API. */

export const MAX_NODES = 5000;
export const MAX_EDGES = 20000;
export const MAX_FLOW_NAME = 80;

const idSchema = z.string().min(1, "Enter an id").max(128, "Ids are at most 128 characters");
export const positionSchema = z.object({ x: z.number(), y: z.number() });

function nodeSchemaFor<K extends NodeKind>(kind: K) {
  return z.object({ id: idSchema, type: z.literal(kind), position: positionSchema, data: catalogue[kind].dataSchema });
}

type AnyNodeSchema = ReturnType<typeof nodeSchemaFor<NodeKind>>;

// Built from the catalogue so a new kind needs no edit here; the cast only restores the
// precise FlowNode type that zod cannot infer through a mapped array.
export const flowNodeSchema = z.discriminatedUnion(
  "type",
  NODE_KINDS.map((k) => nodeSchemaFor(k)) as unknown as [AnyNodeSchema, ...AnyNodeSchema[]],
  { error: `Unknown node type: use one of ${NODE_KINDS.join(", ")}` },
) as unknown as z.ZodType<FlowNode>;

export const flowEdgeSchema: z.ZodType<FlowEdge> = z.object({
  id: idSchema,
  source: idSchema,
  sourceHandle: z.string().min(1, "Edges name the handle they leave from").max(128),
  target: idSchema,
});

export const flowNameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "Enter a name").max(MAX_FLOW_NAME, `Names are at most ${MAX_FLOW_NAME} characters`));

export const flowDocumentSchema: z.ZodType<FlowDocument> = z
  .object({
    name: flowNameSchema,
    nodes: z.array(flowNodeSchema).max(MAX_NODES, `At most ${MAX_NODES} nodes`),
    edges: z.array(flowEdgeSchema).max(MAX_EDGES, `At most ${MAX_EDGES} edges`),
  })
  .superRefine((doc, ctx) => {
    // Structural integrity only; handle-level problems (a deleted branch) are lint, not invalid input.
    const nodeIds = new Set<string>();
    doc.nodes.forEach((n, i) => {
      if (nodeIds.has(n.id))
        ctx.addIssue({ code: "custom", path: ["nodes", i, "id"], message: `Duplicate node id ${n.id}` });
      nodeIds.add(n.id);
    });
    const edgeIds = new Set<string>();
    doc.edges.forEach((e, i) => {
      if (edgeIds.has(e.id))
        ctx.addIssue({ code: "custom", path: ["edges", i, "id"], message: `Duplicate edge id ${e.id}` });
      edgeIds.add(e.id);
      if (!nodeIds.has(e.source))
        ctx.addIssue({ code: "custom", path: ["edges", i, "source"], message: `Unknown node ${e.source}` });
      if (!nodeIds.has(e.target))
        ctx.addIssue({ code: "custom", path: ["edges", i, "target"], message: `Unknown node ${e.target}` });
    });
  });

export const flowSchema = z
  .object({
    id: idSchema,
    revision: z.number().int().min(0),
  })
  .and(flowDocumentSchema);

export interface PathError {
  /** `nodes[3].data.reason`; "" for the document itself. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

export function pathErrorsOf(error: z.ZodError): PathError[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

export type DocumentParseResult = { ok: true; doc: FlowDocument } | { ok: false; errors: PathError[] };

export function parseFlowDocument(input: unknown): DocumentParseResult {
  const r = flowDocumentSchema.safeParse(input);
  return r.success ? { ok: true, doc: r.data } : { ok: false, errors: pathErrorsOf(r.error) };
}
