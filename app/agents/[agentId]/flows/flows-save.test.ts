import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateLargeFlow, MAX_NODES, type FlowDocument } from "@/lib/flow";
import { flowDocumentBytes, MAX_FLOW_BYTES } from "@/lib/flow/size";
import { flowOverSizeLimit } from "@/lib/flow/sized-flows";
import type { NextConfig } from "next";

// Server actions call revalidatePath, which needs a Next request; here it only needs to be callable.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Actions and routes run as a signed-in designer (a real session on the test database).
vi.mock("next/headers", async () => (await import("@/auth/testing/sessions")).nextHeadersMock);

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-flow-save-"));
process.env.SWITCHBOARD_DB = path.join(dir, "flows.db");

const { getDb } = await import("@/db/server");
const { actAs, signedInAs } = await import("@/auth/testing/sessions");
const { listAgents } = await import("@/db/repositories/agents");
const { createFlow, getFlow, listFlows } = await import("@/db/repositories/flows");
const actions = await import("./actions");
const route = await import("./[flowId]/save/route");

let agentId: string;
beforeAll(async () => {
  agentId = listAgents(getDb())[0]!.id;
  actAs((await signedInAs("designer")).cookie);
});
afterAll(() => {
  getDb().$client.close();
  rmSync(dir, { recursive: true, force: true });
});

// Through a variable: the config is plain JavaScript without types.
const configPath = path.resolve("next.config.mjs");
const { default: nextConfig } = (await import(configPath)) as { default: NextConfig };
const require = createRequire(import.meta.url);
/** Next's own parser for `bodySizeLimit`, and React's encoding of a server action's arguments. */
const bytes = require("next/dist/compiled/bytes") as { parse(v: string): number };
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply(v: unknown): Promise<string | FormData>;
};

function newFlow(name: string, doc: Partial<FlowDocument> = {}) {
  const r = createFlow(getDb(), agentId, {
    name,
    nodes: [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: "" } }],
    edges: [],
    ...doc,
  });
  if (!r.ok) throw new Error("could not create the flow");
  return r.flow;
}

const params = (flowId: string) => ({ params: Promise.resolve({ agentId, flowId }) });
const post = (flowId: string, body: string, headers: Record<string, string> = {}) =>
  route.POST(
    new Request(`http://localhost/agents/${agentId}/flows/${flowId}/save`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    }),
    params(flowId),
  );

describe("server actions take every flow up to the size limit", () => {
  it("sets Next's body limit above the largest flow as React encodes it (every string starting with $)", async () => {
    const limit = bytes.parse(nextConfig.experimental!.serverActions!.bodySizeLimit as string);
    // The worst case for the encoding: listen keywords that are all "$", which React sends as "$$".
    const branches = Array.from({ length: 100 }, (_, b) => ({
      id: `b${b}`,
      label: "",
      examples: [],
      keywords: Array.from({ length: 100 }, () => "$"),
    }));
    const perNode = flowDocumentBytes({
      nodes: [{ id: "n0000", type: "listen", position: { x: 0, y: 0 }, data: { prompt: "", branches, retries: 1 } }],
      edges: [],
    });
    const count = Math.floor(MAX_FLOW_BYTES / perNode);
    const doc: FlowDocument = {
      name: "Dollars",
      nodes: Array.from({ length: count }, (_, i) => ({
        id: `n${String(i).padStart(4, "0")}`,
        type: "listen" as const,
        position: { x: 0, y: 0 },
        // A copy per node: React sends an object it meets twice only once.
        data: { prompt: "", branches: structuredClone(branches), retries: 1 },
      })),
      edges: [],
    };
    expect(flowDocumentBytes(doc)).toBeLessThanOrEqual(MAX_FLOW_BYTES);
    expect(flowDocumentBytes(doc)).toBeGreaterThan(MAX_FLOW_BYTES * 0.99);
    const body = await encodeReply([agentId, "flow_xxxxxxxxxxxxxxxxxxxx", doc, 123456]);
    expect(typeof body).toBe("string");
    expect(Buffer.byteLength(body as string)).toBeGreaterThan(MAX_FLOW_BYTES * 1.2);
    expect(Buffer.byteLength(body as string)).toBeLessThan(limit);
  });

  it("autosave saves a 5,000-node flow over 1 MB", async () => {
    const flow = newFlow("Big save");
    const big = generateLargeFlow(MAX_NODES);
    expect(flowDocumentBytes(big)).toBeGreaterThan(1024 * 1024);
    const r = await actions.saveFlowAction(agentId, flow.id, big, flow.revision);
    expect(r).toMatchObject({ ok: true, revision: flow.revision + 1 });
    expect(getFlow(getDb(), agentId, flow.id)!.nodes).toHaveLength(MAX_NODES);
  });

  it("import takes a document over 1 MB and keeps a free name", async () => {
    const big = generateLargeFlow(MAX_NODES, "Big import");
    const first = await actions.importFlowAction(agentId, big);
    const second = await actions.importFlowAction(agentId, big);
    expect(first).toMatchObject({ ok: true, name: "Big import" });
    expect(second).toMatchObject({ ok: true, name: "Big import (copy)" });
    expect(getFlow(getDb(), agentId, (first as { flowId: string }).flowId)!.nodes).toHaveLength(MAX_NODES);
  });

  it("refuses a flow over the limit with a clear message and writes nothing", async () => {
    const flow = newFlow("Too big");
    const over = flowOverSizeLimit();
    const message = "This flow is 32.5 MB; a flow can be at most 32 MB. Remove nodes or shorten texts.";
    const flowsBefore = listFlows(getDb(), agentId).length;

    expect(await actions.saveFlowAction(agentId, flow.id, over, flow.revision)).toEqual({
      ok: false,
      status: "invalid",
      errors: [{ path: "", message }],
    });
    expect(await actions.importFlowAction(agentId, over)).toMatchObject({ ok: false, errors: [{ path: "", message }] });
    expect(await actions.saveFlowAsCopyAction(agentId, over)).toMatchObject({
      ok: false,
      errors: [{ path: "", message }],
    });
    expect(getFlow(getDb(), agentId, flow.id)!.revision).toBe(flow.revision);
    expect(listFlows(getDb(), agentId)).toHaveLength(flowsBefore);
  });

  it("import answers anything that is not a flow with path errors, never by throwing", async () => {
    for (const input of [null, undefined, 42, "{}", [], { name: "x", nodes: [5], edges: [] }]) {
      const r = await actions.importFlowAction(agentId, input);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors?.length).toBeGreaterThan(0);
    }
  });
});

describe("saving the same document twice is not a conflict", () => {
  it("answers a stale save of the stored document as saved, and a different one as stale", async () => {
    const flow = newFlow("Twice");
    const doc = {
      ...flow,
      nodes: [...flow.nodes, { id: "s", type: "say" as const, position: { x: 0, y: 90 }, data: { utterance: "Once" } }],
    };
    const first = await actions.saveFlowAction(agentId, flow.id, doc, flow.revision);
    expect(first).toMatchObject({ ok: true, revision: flow.revision + 1 });
    // The keepalive save sent on leaving, answered after the reload already saved it.
    const again = await actions.saveFlowAction(agentId, flow.id, doc, flow.revision);
    expect(again).toMatchObject({ ok: true, revision: flow.revision + 1 });
    expect(getFlow(getDb(), agentId, flow.id)!.revision).toBe(flow.revision + 1);

    const other = { ...doc, nodes: [doc.nodes[0]!] };
    const stale = await actions.saveFlowAction(agentId, flow.id, other, flow.revision);
    expect(stale).toMatchObject({ ok: false, status: "stale", theirs: { revision: flow.revision + 1 } });
  });
});

describe("the save route", () => {
  it("keepalive POST saves, and answers an oversized body 413 with the size message before reading it", async () => {
    const flow = newFlow("Route");
    const ok = await post(flow.id, JSON.stringify({ doc: generateLargeFlow(200), baseRevision: flow.revision }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, revision: flow.revision + 1 });

    const declared = await post(flow.id, "{}", { "content-length": String(MAX_FLOW_BYTES * 2) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      ok: false,
      status: "invalid",
      errors: [
        { path: "", message: "This flow is 64 MB; a flow can be at most 32 MB. Remove nodes or shorten texts." },
      ],
    });

    const streamed = await post(flow.id, JSON.stringify({ doc: flowOverSizeLimit(), baseRevision: flow.revision + 1 }));
    expect(streamed.status).toBe(413);
    expect(getFlow(getDb(), agentId, flow.id)!.revision).toBe(flow.revision + 1);
  });

  it("GET says which revision is saved, with the flow only when it is not the one the editor has", async () => {
    const flow = newFlow("Latest");
    const get = (revision: number) =>
      route.GET(
        new Request(`http://localhost/agents/${agentId}/flows/${flow.id}/save?revision=${revision}`),
        params(flow.id),
      );
    const same = await get(flow.revision);
    expect(same.headers.get("cache-control")).toBe("no-store");
    expect(await same.json()).toEqual({ revision: flow.revision, savedAt: flow.updatedAt });
    const older = await get(flow.revision - 1);
    expect(await older.json()).toMatchObject({
      revision: flow.revision,
      flow: { name: "Latest", nodes: flow.nodes, edges: [] },
    });
    const missing = await route.GET(new Request("http://localhost/x"), params("flow_missing"));
    expect(missing.status).toBe(404);
  });
});
