import { notFound } from "next/navigation";
import { FunctionEditorPanel } from "@/components/functions/FunctionEditorPanel";
import { loadFunctionEditorData } from "@/app/agents/[agentId]/functions/actions";

export const dynamic = "force-dynamic";

export default async function FunctionEditorPage({
  params,
}: {
  params: Promise<{ agentId: string; functionId: string }>;
}) {
  const { agentId, functionId } = await params;
  const data = await loadFunctionEditorData(agentId, functionId);
  if (!data) notFound();
  return (
    <div className="flex h-[calc(100vh-3rem)] flex-col">
      <FunctionEditorPanel agentId={agentId} functionId={functionId} initial={data} showBackLink />
    </div>
  );
}
