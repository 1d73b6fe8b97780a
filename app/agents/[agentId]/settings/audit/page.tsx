import { requirePageViewer } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { listAgents } from "@/db/repositories/agents";
import { auditActors, listAudit } from "@/db/repositories/audit";
import { AuditLogView } from "@/components/settings/AuditLogView";
import { parseAuditQuery } from "@/lib/audit/filters";

export const dynamic = "force-dynamic";

/** Settings → Audit log (admins): filters are the API's query parameters, so a filtered view is a link. */
export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ agentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageViewer("audit.view");
  const { agentId } = await params;
  const raw = await searchParams;
  const entries: [string, string][] = Object.entries(raw).flatMap(([k, v]) =>
    v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
  );
  const parsed = parseAuditQuery(entries);
  const db = getDb();
  const page = parsed.ok ? listAudit(db, parsed.value) : { entries: [], nextBefore: null };
  return (
    <AuditLogView
      basePath={`/agents/${agentId}/settings/audit`}
      values={Object.fromEntries(entries)}
      fieldErrors={parsed.ok ? {} : parsed.fieldErrors}
      entries={page.entries}
      nextBefore={page.nextBefore}
      actors={auditActors(db)}
      agents={listAgents(db).map((a) => ({ id: a.id, name: a.name }))}
    />
  );
}
