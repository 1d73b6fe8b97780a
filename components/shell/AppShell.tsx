import Link from "next/link";
import { UserMenu } from "./UserMenu";
import { ViewerProvider } from "@/components/ui/viewer";
import type { Viewer } from "@/lib/auth/types";
import { AgentSwitcher } from "./AgentSwitcher";
import { BuildNav } from "./BuildNav";
import { PublishButton } from "./PublishButton";

export function AppShell({
  agent,
  agents,
  viewer,
  children,
}: {
  agent: { id: string; name: string; liveVersion: number | null };
  agents: { id: string; name: string }[];
  viewer: Viewer;
  children: React.ReactNode;
}) {
  return (
    <ViewerProvider viewer={viewer}>
      <div className="flex min-h-screen flex-col">
        <header className="flex h-12 items-center gap-4 border-b border-slate-200 bg-white px-4">
          <Link href="/" prefetch={false} className="font-semibold tracking-tight text-brand-700">
            Switchboard
          </Link>
          <AgentSwitcher current={agent} agents={agents} />
          <div className="ml-auto flex items-center gap-3">
            <Link
              href={`/agents/${agent.id}/versions`}
              prefetch={false}
              className="text-xs text-slate-600 hover:text-brand-700"
              data-testid="live-version"
            >
              {agent.liveVersion === null ? "No live version" : `Live: version ${agent.liveVersion}`}
            </Link>
            <PublishButton agentId={agent.id} />
            <UserMenu viewer={viewer} />
          </div>
        </header>
        <div className="flex flex-1">
          <BuildNav agentId={agent.id} />
          <main className="min-w-0 flex-1">{children}</main>
        </div>
      </div>
    </ViewerProvider>
  );
}
