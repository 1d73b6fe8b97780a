import { saveFlowFromClient } from "@/app/agents/[agentId]/flows/save-flow";

/**
 * Save-on-leave: the editor posts here with `fetch(..., { keepalive: true })` from pagehide,
 * where a server action cannot be awaited. Same checks and result as saveFlowAction.
 */
export async function POST(request: Request, { params }: { params: Promise<{ agentId: string; flowId: string }> }) {
  const { agentId, flowId } = await params;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json(
      { ok: false, status: "invalid", errors: [{ path: "", message: "Expected a JSON body" }] },
      { status: 400 },
    );
  }
  const { doc, baseRevision } = (typeof body === "object" && body !== null ? body : {}) as {
    doc?: unknown;
    baseRevision?: unknown;
  };
  const result = saveFlowFromClient(agentId, flowId, doc, baseRevision);
  const status = result.ok ? 200 : result.status === "stale" ? 409 : result.status === "not_found" ? 404 : 400;
  return Response.json(result, { status });
}
