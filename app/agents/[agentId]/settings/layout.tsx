import { requirePageViewer } from "@/auth/viewer";
import { SettingsNav } from "@/components/settings/SettingsNav";
import { can } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export default async function SettingsLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ agentId: string }>;
}) {
  const viewer = await requirePageViewer();
  const { agentId } = await params;
  return (
    <section className="mx-auto max-w-5xl px-6 py-8">
      <header className="mb-4">
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">Workspace settings, shared by every agent.</p>
      </header>
      <SettingsNav
        agentId={agentId}
        members={can(viewer.role, "members.manage")}
        audit={can(viewer.role, "audit.view")}
        telephony={can(viewer.role, "telephony.manage")}
      />
      {children}
    </section>
  );
}
