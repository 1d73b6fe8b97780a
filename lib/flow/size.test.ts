import { describe, expect, it, vi } from "vitest";
import { exportFlow } from "./import-export";
import { generateLargeFlow } from "./generate";
import { MAX_NODES, parseFlowDocument } from "./schema";
import {
  flowDocumentBytes,
  flowSizeError,
  formatMegabytes,
  MAX_FLOW_BYTES,
  MAX_FLOW_FILE_BYTES,
  readFlowFile,
} from "./size";
import { flowOverSizeLimit, flowWithLongestTexts } from "./sized-flows";
import type { FlowDocument } from "./types";

const file = (text: string) => ({ size: Buffer.byteLength(text), text: async () => text });

describe("flow size limit", () => {
  it("measures compact JSON in UTF-8 bytes", () => {
    const doc: FlowDocument = {
      name: "Größe 😀",
      nodes: [{ id: "s", type: "say", position: { x: 0, y: 0 }, data: { utterance: "語 \u0001 é" } }],
      edges: [],
    };
    expect(flowDocumentBytes(doc)).toBe(Buffer.byteLength(JSON.stringify(doc)));
  });

  it.each([
    ["ASCII", "a"],
    ["a three-byte script", "語"],
    ["emoji", "😀"],
  ])("holds 5,000 nodes each with a 2,000-character text in %s", (_label, char) => {
    const doc = flowWithLongestTexts(char);
    expect(parseFlowDocument(doc).ok).toBe(true);
    expect(flowDocumentBytes(doc)).toBeGreaterThan(10_000_000);
    expect(flowSizeError(doc)).toBeNull();
  });

  it("refuses a bigger flow with its size and the limit", () => {
    const doc = flowOverSizeLimit();
    expect(parseFlowDocument(doc).ok).toBe(true);
    expect(flowDocumentBytes(doc)).toBeGreaterThan(MAX_FLOW_BYTES);
    expect(flowSizeError(doc)).toEqual({
      path: "",
      message: "This flow is 32.5 MB; a flow can be at most 32 MB. Remove nodes or shorten texts.",
    });
  });
});

describe("readFlowFile", () => {
  it("imports an export file over 1 MB", async () => {
    const doc = generateLargeFlow(MAX_NODES);
    const text = exportFlow(doc);
    expect(text.length).toBeGreaterThan(1_000_000);
    const read = await readFlowFile(file(text));
    expect(read.ok && read.doc.nodes).toHaveLength(MAX_NODES);
  });

  it("refuses a file too big to hold a flow without reading it", async () => {
    const text = vi.fn(async () => "");
    const read = await readFlowFile({ size: MAX_FLOW_FILE_BYTES + 1, text });
    expect(text).not.toHaveBeenCalled();
    expect(read).toEqual({
      ok: false,
      errors: [{ path: "", message: "This file is 192.1 MB; a flow can be at most 32 MB." }],
    });
  });

  it("refuses a valid flow over the size limit, and reports schema problems first", async () => {
    const read = await readFlowFile(file(exportFlow(flowOverSizeLimit())));
    expect(!read.ok && read.errors[0]!.message).toMatch(/^This flow is 32.5 MB; a flow can be at most 32 MB/);
    const broken = await readFlowFile(
      file('{"format":"switchboard.flow","version":1,"name":"x","nodes":[5],"edges":[]}'),
    );
    expect(!broken.ok && broken.errors[0]!.path).toBe("nodes[0]");
  });
});

describe("formatMegabytes", () => {
  it("rounds up to a tenth, so just over the limit never reads as the limit", () => {
    expect(formatMegabytes(MAX_FLOW_BYTES)).toBe("32 MB");
    expect(formatMegabytes(MAX_FLOW_BYTES + 1)).toBe("32.1 MB");
    expect(formatMegabytes(1_500_000)).toBe("1.5 MB");
  });
});
