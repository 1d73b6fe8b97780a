import { utf8ByteLength } from "../sip/message";
import { importFlow, type ImportResult } from "./import-export";
import type { PathError } from "./schema";
import type { FlowDocument } from "./types";

/**
 * The largest flow Switchboard stores: 32 MiB of compact JSON in UTF-8.
 *
 * The schema's counts alone (5,000 nodes, 100 items per node, 2,000 characters per text) allow
 * documents of gigabytes, so the size is limited as well. 32 MiB holds 5,000 nodes that each
 * carry a full 2,000-character text in any script (31.4 MB when every character takes three
 * UTF-8 bytes, 11.4 MB in ASCII) and is 22 times the generated 5,000-node benchmark flow
 * (1.5 MB). Server actions accept bodies up to 48 MB (next.config.mjs): room for React's
 * encoding of the action's arguments, which can add a quarter.
 */
export const MAX_FLOW_BYTES = 32 * 1024 * 1024;

/** Sizes for messages, in MiB written "MB" as people read them; rounded up, so a flow just over the limit never reads as equal to it. */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil((bytes * 10) / (1024 * 1024));
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}

type Sized = Pick<FlowDocument, "nodes" | "edges"> & { name?: string };

/** What a flow's size is measured by: its compact JSON ({name, nodes, edges}) in UTF-8. */
export function flowDocumentBytes(doc: Sized): number {
  return utf8ByteLength(JSON.stringify({ name: doc.name ?? "", nodes: doc.nodes, edges: doc.edges }));
}

export function flowTooLargeMessage(bytes: number): string {
  return `This flow is ${formatMegabytes(bytes)}; a flow can be at most ${formatMegabytes(MAX_FLOW_BYTES)}. Remove nodes or shorten texts.`;
}

/** A document-level error when the flow is over the limit; null when it fits. */
export function flowSizeError(doc: Sized): PathError | null {
  const bytes = flowDocumentBytes(doc);
  return bytes > MAX_FLOW_BYTES ? { path: "", message: flowTooLargeMessage(bytes) } : null;
}

/**
 * Export files are pretty-printed, which can make them several times larger than the flow;
 * a file over this is refused before it is read.
 */
export const MAX_FLOW_FILE_BYTES = 6 * MAX_FLOW_BYTES;

/** What both import buttons run on a chosen file: the size limits, then `importFlow`. */
export async function readFlowFile(file: { size: number; text(): Promise<string> }): Promise<ImportResult> {
  if (file.size > MAX_FLOW_FILE_BYTES) {
    return {
      ok: false,
      errors: [
        {
          path: "",
          message: `This file is ${formatMegabytes(file.size)}; a flow can be at most ${formatMegabytes(MAX_FLOW_BYTES)}.`,
        },
      ],
    };
  }
  const imported = importFlow(await file.text());
  if (!imported.ok) return imported;
  const tooLarge = flowSizeError(imported.doc);
  return tooLarge ? { ok: false, errors: [tooLarge] } : imported;
}
