import { guardedRoute } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { getFlow } from "@/db/repositories/flows";
import { flowTooLargeMessage, MAX_FLOW_BYTES } from "@/lib/flow/size";
import { saveFlowFromClient } from "@/app/agents/[agentId]/flows/save-flow";

/** Room for `{"doc": …, "baseRevision": n}` around the largest document. */
const MAX_BODY_BYTES = MAX_FLOW_BYTES + 64 * 1024;
const NO_STORE = { "cache-control": "no-store" };

const invalid = (message: string, status: number) =>
  Response.json({ ok: false, status: "invalid", errors: [{ path: "", message }] }, { status });

/** The body as text, or the number of bytes it had reached when it went over `limit`. */
async function readText(request: Request, limit: number): Promise<{ text: string } | { tooLarge: number }> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > limit) return { tooLarge: declared };
  if (!request.body) return { text: "" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { tooLarge: size };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8") };
}

/**
 * Save-on-leave: the editor posts here with `fetch(..., { keepalive: true })` from pagehide,
 * where a server action cannot be awaited. Same checks and result as saveFlowAction.
 */
export const POST = guardedRoute<{ agentId: string; flowId: string }>(
  "flows.edit",
  async (viewer, request, { params }) => {
    const { agentId, flowId } = await params;
    const read = await readText(request, MAX_BODY_BYTES);
    if ("tooLarge" in read) return invalid(flowTooLargeMessage(read.tooLarge), 413);
    let body: unknown;
    try {
      body = JSON.parse(read.text);
    } catch {
      return invalid("Expected a JSON body", 400);
    }
    const { doc, baseRevision } = (typeof body === "object" && body !== null ? body : {}) as {
      doc?: unknown;
      baseRevision?: unknown;
    };
    const result = saveFlowFromClient(viewer, agentId, flowId, doc, baseRevision);
    const status = result.ok ? 200 : result.status === "stale" ? 409 : result.status === "not_found" ? 404 : 400;
    return Response.json(result, { status });
  },
);

/**
 * What is saved now, for an editor that opens from the browser's or the router's cache, or
 * right after a reload that raced its own save: `{ revision, savedAt }`, plus the flow when its
 * revision is not `?revision=`.
 */
export const GET = guardedRoute<{ agentId: string; flowId: string }>("view", async (_viewer, request, { params }) => {
  const { agentId, flowId } = await params;
  const stored = getFlow(getDb(), agentId, flowId);
  if (!stored) return Response.json({ ok: false, status: "not_found" }, { status: 404, headers: NO_STORE });
  const known = new URL(request.url).searchParams.get("revision");
  const flow =
    known === String(stored.revision) ? undefined : { name: stored.name, nodes: stored.nodes, edges: stored.edges };
  return Response.json({ revision: stored.revision, savedAt: stored.updatedAt, flow }, { headers: NO_STORE });
});
