import { notFound } from "next/navigation";
import { getDb } from "@/db/server";
import { getConversation } from "@/db/repositories/conversations";
import { ConversationView } from "@/components/review/ConversationView";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function ConversationPage({
  params,
}: {
  params: Promise<{ agentId: string; conversationId: string }>;
}) {
  await requirePageViewer("review");
  const { agentId, conversationId } = await params;
  const conversation = getConversation(getDb(), conversationId);
  // Another agent's conversation is as unknown here as a missing one.
  if (!conversation || conversation.agent_id !== agentId) notFound();
  return <ConversationView conversation={conversation} listHref={`/agents/${agentId}/conversations`} />;
}
