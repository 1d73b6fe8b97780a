import { notFound } from "next/navigation";
import { getDb } from "@/db/server";
import { getConversation } from "@/db/repositories/conversations";
import { getFlow } from "@/db/repositories/flows";
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
  const db = getDb();
  const conversation = getConversation(db, conversationId);
  // Another agent's conversation is as unknown here as a missing one.
  if (!conversation || conversation.agent_id !== agentId) notFound();
  const flow = conversation.flow_id ? getFlow(db, agentId, conversation.flow_id) : null;
  return (
    <ConversationView
      conversation={conversation}
      listHref={`/agents/${agentId}/conversations`}
      flow={conversation.flow_id ? { id: conversation.flow_id, name: flow?.name ?? null } : null}
    />
  );
}
