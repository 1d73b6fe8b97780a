import { getDb } from "@/db/server";
import { functionUsages, listFunctions } from "@/db/repositories/functions";
import { FunctionsList } from "@/components/functions/FunctionsList";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function FunctionsPage({ params }: { params: Promise<{ agentId: string }> }) {
  await requirePageViewer();
  const { agentId } = await params;
  const db = getDb();
  const functions = listFunctions(db, agentId).map((f) => ({
    ...f,
    usageCount: functionUsages(db, agentId, f.name).length,
  }));
  return <FunctionsList agentId={agentId} functions={functions} />;
}
