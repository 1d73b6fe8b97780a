import { notFound } from "next/navigation";
import { BareCanvas } from "./BareCanvas";
import { requirePageViewer } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { getFlow } from "@/db/repositories/flows";
import { toFlowJson } from "@/components/flows/flow-json";

export const dynamic = "force-dynamic";

const dimension = (raw: string | undefined) => {
  const n = Number.parseInt(raw ?? "", 10);
  return Number.isFinite(n) && n >= 100 && n <= 10_000 ? n : null;
};

/**
 * `/bench/canvas?n=1000&w=1100&h=800`: used by `npm run bench:canvas`; not linked from the product
 * UI. The flow is generated in the browser, or with `agent` and `flow` it is the stored flow, read
 * and handed over as the editor's page does, so the benchmark can tell the editor's own cost from
 * the cost of delivering the data.
 */
export default async function BareCanvasBenchPage({
  searchParams,
}: {
  searchParams: Promise<{ n?: string; w?: string; h?: string; agent?: string; flow?: string }>;
}) {
  await requirePageViewer();
  const { n, w, h, agent, flow: flowId } = await searchParams;
  const width = dimension(w);
  const height = dimension(h);
  const size = width && height ? { width, height } : null;
  if (agent || flowId) {
    const stored = agent && flowId ? getFlow(getDb(), agent, flowId) : null;
    if (!stored) notFound();
    return <BareCanvas source={{ flowJson: toFlowJson(stored) }} size={size} />;
  }
  const count = Math.min(5000, Math.max(2, Number.parseInt(n ?? "1000", 10) || 1000));
  return <BareCanvas source={{ count }} size={size} />;
}
