import { notFound } from "next/navigation";
import { FunctionEditorPanel } from "@/components/functions/FunctionEditorPanel";
import { loadFunctionEditorData } from "@/app/agents/[agentId]/functions/actions";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function FunctionEditorPage({
  params,
}: {
  params: Promise<{ agentId: string; functionId: string }>;
}) {
  await requirePageViewer();
  const { agentId, functionId } = await params;
  const loaded = await loadFunctionEditorData(agentId, functionId);
  if (!loaded.ok) notFound();
  const data = loaded.data;
  return (
    <div className="flex h-[calc(100vh-3rem)] flex-col">
      <FunctionEditorPanel agentId={agentId} functionId={functionId} initial={data} showBackLink />
    </div>
  );
}
