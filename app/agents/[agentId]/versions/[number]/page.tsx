import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { getVersion } from "@/db/repositories/versions";
import { ReadOnlyFlow } from "@/components/flows/ReadOnlyFlow";
import { VersionConfig } from "@/components/versions/VersionConfig";
import { Badge } from "@/components/ui/Badge";
import { documentFlowDocument, documentLintContext, findDocumentFlow } from "@/lib/agent-document";
import { formatUtc } from "@/lib/time/utc";
import { parseVersionNumber } from "@/lib/versions/types";

export const dynamic = "force-dynamic";

/** View a version, read-only: its flows on a canvas (`?flow=<name>`), destinations, functions, variables, settings. */
export default async function VersionPage({
  params,
  searchParams,
}: {
  params: Promise<{ agentId: string; number: string }>;
  searchParams: Promise<{ flow?: string | string[] }>;
}) {
  await requirePageViewer();
  const { agentId, number } = await params;
  const { flow: flowParam } = await searchParams;
  const n = parseVersionNumber(number);
  const version = n === null ? null : getVersion(getDb(), agentId, n);
  if (!version) notFound();
  const doc = version.document;
  const flow = (typeof flowParam === "string" ? findDocumentFlow(doc, flowParam) : null) ?? doc.flows[0] ?? null;
  const base = `/agents/${agentId}/versions`;

  return (
    <section className="mx-auto max-w-7xl px-6 py-8">
      <header className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link href={base} className="text-brand-700 underline">
              Versions
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">
            Version {version.number}{" "}
            {version.live && (
              <Badge tone="green" data-testid="live-badge">
                LIVE
              </Badge>
            )}{" "}
            <span className="text-base font-normal text-slate-500">(read-only)</span>
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {version.note || "No note"} · {version.author} · {formatUtc(version.createdAt, "minute")}
          </p>
        </div>
        <div className="flex gap-2 text-sm">
          <Link
            href={`${base}/compare?from=${version.number}&to=draft`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
          >
            Compare with draft
          </Link>
          <a
            href={`/agents/${agentId}/export?version=${version.number}`}
            download
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
          >
            Export
          </a>
        </div>
      </header>

      <h2 className="mb-2 text-lg font-semibold">Flows</h2>
      {flow === null ? (
        <p className="mb-6 text-sm text-slate-600">This version has no flows.</p>
      ) : (
        <div className="mb-6">
          {doc.flows.length > 1 && (
            <nav aria-label="Flow" className="mb-2 flex gap-1 text-sm">
              {doc.flows.map((f) => (
                <Link
                  key={f.name}
                  href={`?flow=${encodeURIComponent(f.name)}`}
                  aria-current={f.name === flow.name ? "page" : undefined}
                  className={`rounded-md px-2 py-1 ${f.name === flow.name ? "bg-brand-50 font-medium text-brand-700" : "hover:bg-slate-100"}`}
                >
                  {f.name}
                </Link>
              ))}
            </nav>
          )}
          <ReadOnlyFlow
            key={flow.name}
            flow={{ ...documentFlowDocument(flow), id: flow.name, revision: 0 }}
            lintContext={{ ...documentLintContext(doc), flowName: flow.name }}
          />
        </div>
      )}
      <VersionConfig doc={doc} />
    </section>
  );
}
