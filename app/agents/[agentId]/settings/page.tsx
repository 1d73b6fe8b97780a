import { getDb } from "@/db/server";
import { listApiKeys } from "@/db/repositories/api-keys";
import { ApiKeysPanel } from "@/components/settings/ApiKeysPanel";

export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ agentId: string }> }) {
  const { agentId } = await params;
  return (
    <section className="mx-auto max-w-4xl px-6 py-8">
      <header className="mb-6">
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">Workspace settings, shared by every agent.</p>
      </header>
      <ApiKeysPanel keys={listApiKeys(getDb())} agentId={agentId} />
    </section>
  );
}
