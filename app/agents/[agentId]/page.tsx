import { redirect } from "next/navigation";
import { BUILD_SECTIONS } from "@/components/shell/build-sections";
import { requirePageViewer } from "@/auth/viewer";

export default async function AgentHome({ params }: { params: Promise<{ agentId: string }> }) {
  await requirePageViewer();
  const { agentId } = await params;
  redirect(`/agents/${agentId}/${BUILD_SECTIONS[0].segment}`);
}
