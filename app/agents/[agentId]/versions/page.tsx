import { requirePageViewer } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { environmentHistory } from "@/db/repositories/environments";
import { listVersions } from "@/db/repositories/versions";
import { ENVIRONMENTS } from "@/lib/versions/environments";
import { CompareForm } from "@/components/versions/CompareForm";
import { VersionsTable } from "@/components/versions/VersionsTable";

export const dynamic = "force-dynamic";

/** Build → Versions: every published version, which one is live, compare, promote, restore. */
export default async function VersionsPage({ params }: { params: Promise<{ agentId: string }> }) {
  await requirePageViewer();
  const { agentId } = await params;
  const db = getDb();
  const versions = listVersions(db, agentId);
  const history = environmentHistory(db, agentId, 1000);
  const canRollBack = ENVIRONMENTS.filter((env) =>
    history.some((m) => m.environment === env && m.kind === "promote" && !m.rolledBack),
  );
  return (
    <section className="mx-auto max-w-6xl px-6 py-8">
      <header className="mb-4">
        <h1 className="text-2xl font-semibold">Versions</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          What you edit is the agent&apos;s draft. <strong>Publish</strong> (top right) freezes it as the next version;
          versions never change. A version moves one step at a time: <strong>Promote to pre-release</strong> (run it in
          the simulator and its scenarios), then <strong>Promote to live</strong> — real calls run only the live
          version, and nothing reaches live without having been in pre-release. <strong>Roll back</strong> returns an
          environment to the version it had before. Restoring a version copies it into the draft, after saving the draft
          as a version, so nothing is lost.
        </p>
      </header>
      {versions.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600"
          data-testid="versions-empty"
        >
          No versions yet. Publish the draft to create version 1.
        </p>
      ) : (
        <>
          <CompareForm agentId={agentId} versions={versions.map((v) => v.number)} />
          <VersionsTable agentId={agentId} versions={versions} canRollBack={canRollBack} />
        </>
      )}
    </section>
  );
}
