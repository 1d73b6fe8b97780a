import { notFound } from "next/navigation";
import { getDb } from "@/db/server";
import { getAgent, listAgents } from "@/db/repositories/agents";
import { AppShell } from "@/components/shell/AppShell";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function AgentLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ agentId: string }>;
}) {
  const viewer = await requirePageViewer();
  const { agentId } = await params;
  const db = getDb();
  const agent = getAgent(db, agentId);
  if (!agent) notFound();
  const agents = listAgents(db).map((a) => ({ id: a.id, name: a.name }));
  return (
    <AppShell
      agent={{ id: agent.id, name: agent.name, liveVersion: agent.liveVersion }}
      agents={agents}
      viewer={viewer}
    >
      {children}
    </AppShell>
  );
}
