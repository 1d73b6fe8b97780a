import { anyKind, isNodeKind } from "./catalogue";
import { jsonErrorOffset, lineColumn } from "./json-position";
import { flowDocumentSchema, pathErrorsOf, type PathError } from "./schema";
import type { FlowDocument, FlowEdge, FlowNode } from "./types";

export const FLOW_FORMAT = "switchboard.flow";
export const FLOW_FORMAT_VERSION = 1;

export type ImportResult = { ok: true; doc: FlowDocument } | { ok: false; errors: PathError[] };

/**
 * Pretty JSON for download/copy. Only model fields are written: canvas state that rides on
 * xyflow nodes (selected, dragging, measured, width, height, …) and the flow's id/revision
 * (which belong to the database) are dropped.
 */
export function exportFlow(flow: FlowDocument): string {
  const nodes = flow.nodes.map((n) => ({
    id: n.id,
    type: n.type,
    position: { x: n.position.x, y: n.position.y },
    data: cleanData(n),
  }));
  const edges = flow.edges.map((e: FlowEdge) => ({
    id: e.id,
    source: e.source,
    sourceHandle: e.sourceHandle,
    target: e.target,
  }));
  return `${JSON.stringify({ format: FLOW_FORMAT, version: FLOW_FORMAT_VERSION, name: flow.name, nodes, edges }, null, 2)}\n`;
}

function cleanData(node: FlowNode): unknown {
  if (!isNodeKind(node.type)) return node.data;
  // The kind's schema strips extra keys; invalid data is exported as is so nothing is lost.
  const parsed = anyKind(node.type).dataSchema.safeParse(node.data);
  return parsed.success ? parsed.data : node.data;
}

export function importFlow(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, offset);
    const detail = (e as Error).message.replace(/\s*in JSON at position \d+.*$/, "");
    return {
      ok: false,
      errors: [
        { path: "", message: `Not valid JSON at line ${line}, column ${column} (position ${offset}): ${detail}` },
      ],
    };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: "", message: "Expected a Switchboard flow export (a JSON object)" }] };
  }
  const envelope = raw as Record<string, unknown>;
  if (envelope.format !== FLOW_FORMAT) {
    return {
      ok: false,
      errors: [{ path: "format", message: `Not a Switchboard flow export: "format" must be "${FLOW_FORMAT}"` }],
    };
  }
  if (envelope.version !== FLOW_FORMAT_VERSION) {
    const newer = typeof envelope.version === "number" && envelope.version > FLOW_FORMAT_VERSION;
    return {
      ok: false,
      errors: [
        {
          path: "version",
          message: newer
            ? `This file was exported by a newer Switchboard (format version ${String(envelope.version)})`
            : `Unsupported format version; expected ${FLOW_FORMAT_VERSION}`,
        },
      ],
    };
  }
  const { format: _f, version: _v, ...doc } = envelope;
  const parsed = flowDocumentSchema.safeParse(doc);
  return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, errors: pathErrorsOf(parsed.error) };
}
