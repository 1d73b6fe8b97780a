import { requirePageViewer } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { listApiKeys } from "@/db/repositories/api-keys";
import { ApiKeysPanel } from "@/components/settings/ApiKeysPanel";
import { can } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

/** API keys: admins see and revoke everyone's; other members their own. */
export default async function SettingsPage({ params }: { params: Promise<{ agentId: string }> }) {
  const viewer = await requirePageViewer();
  const { agentId } = await params;
  const everyone = can(viewer.role, "apikeys.manage");
  const keys = listApiKeys(getDb(), everyone ? {} : { ownerId: viewer.id });
  return <ApiKeysPanel keys={keys} agentId={agentId} showOwners={everyone} />;
}
