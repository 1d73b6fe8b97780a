import Link from "next/link";
import { requirePageViewer } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { listVersions, readDocument } from "@/db/repositories/versions";
import { CompareForm } from "@/components/versions/CompareForm";
import { DiffView } from "@/components/versions/DiffView";
import { countChanges, diffDocuments } from "@/lib/versions/diff";
import { parseVersionRef, VERSION_REF_MESSAGE } from "@/lib/versions/types";

export const dynamic = "force-dynamic";

const label = (version: number | null) => (version === null ? "the draft" : `version ${version}`);

/** Compare any two versions, or a version and the draft: `?from=1&to=draft`. */
export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ agentId: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
}) {
  await requirePageViewer();
  const { agentId } = await params;
  const sp = await searchParams;
  const db = getDb();
  const versions = listVersions(db, agentId).map((v) => v.number);
  const fromText = typeof sp.from === "string" ? sp.from : String(versions[0] ?? "draft");
  const toText = typeof sp.to === "string" ? sp.to : "draft";
  const fromRef = parseVersionRef(fromText);
  const toRef = parseVersionRef(toText);
  const a = fromRef && readDocument(db, agentId, fromRef);
  const b = toRef && readDocument(db, agentId, toRef);
  const problems = [
    !fromRef ? `Compare: ${VERSION_REF_MESSAGE}` : a && !a.ok ? `Compare: ${a.message}` : null,
    !toRef ? `With: ${VERSION_REF_MESSAGE}` : b && !b.ok ? `With: ${b.message}` : null,
  ].filter((p): p is string => p !== null);

  return (
    <section className="mx-auto max-w-6xl px-6 py-8">
      <header className="mb-4 flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold">Compare</h1>
        <Link href={`/agents/${agentId}/versions`} className="text-sm text-brand-700 underline">
          All versions
        </Link>
      </header>
      <CompareForm key={`${fromText}:${toText}`} agentId={agentId} versions={versions} from={fromText} to={toText} />
      {problems.length > 0 || !a?.ok || !b?.ok ? (
        <ul role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="compare-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        (() => {
          const diff = diffDocuments(a.document, b.document);
          return (
            <>
              <p className="mb-4 text-sm text-slate-600" data-testid="compare-summary">
                From {label(a.version)} to {label(b.version)}:{" "}
                {diff.identical
                  ? "no differences"
                  : `${countChanges(diff)} change${countChanges(diff) === 1 ? "" : "s"}`}
                .
              </p>
              <DiffView diff={diff} />
            </>
          );
        })()
      )}
    </section>
  );
}
