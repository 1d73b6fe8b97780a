import { getDb } from "@/db/server";
import { listVariables } from "@/db/repositories/variables";
import { VariablesPage } from "@/components/variables/VariablesPage";
import { BUILTIN_VARIABLES } from "@/lib/variables/variables";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function Variables({ params }: { params: Promise<{ agentId: string }> }) {
  await requirePageViewer();
  const { agentId } = await params;
  return (
    <VariablesPage
      agentId={agentId}
      variables={listVariables(getDb(), agentId)}
      builtins={BUILTIN_VARIABLES.map((v) => ({ name: v.name, description: v.description, sample: v.sample }))}
    />
  );
}
