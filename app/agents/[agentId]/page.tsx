import { redirect } from "next/navigation";
import { BUILD_SECTIONS } from "@/components/shell/build-sections";

export default async function AgentHome({ params }: { params: Promise<{ agentId: string }> }) {
  const { agentId } = await params;
  redirect(`/agents/${agentId}/${BUILD_SECTIONS[0].segment}`);
}
