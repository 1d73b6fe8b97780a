import { NewAgentForm } from "@/components/shell/NewAgentForm";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function NewAgentPage() {
  await requirePageViewer("agents.edit");
  return (
    <main className="mx-auto mt-24 max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-1 text-xl font-semibold">Create your first agent</h1>
      <p className="mb-6 text-sm text-slate-600">An agent owns its flows, handoff destinations and functions.</p>
      <NewAgentForm />
    </main>
  );
}
