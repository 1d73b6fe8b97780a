import { getDb } from "@/db/server";
import { listFlows } from "@/db/repositories/flows";
import { FlowList } from "@/components/flow-list/FlowList";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function FlowsPage({ params }: { params: Promise<{ agentId: string }> }) {
  await requirePageViewer();
  const { agentId } = await params;
  return <FlowList agentId={agentId} flows={listFlows(getDb(), agentId)} />;
}
