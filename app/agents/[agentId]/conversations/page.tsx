import Link from "next/link";
import { getDb } from "@/db/server";
import { listDestinations } from "@/db/repositories/handoffs";
import { listFlows } from "@/db/repositories/flows";
import { listVersions } from "@/db/repositories/versions";
import { ConversationTable } from "@/components/review/ConversationTable";
import { InvalidFilters } from "@/components/review/InvalidFilters";
import { Pagination } from "@/components/review/Pagination";
import { ReviewFilters } from "@/components/review/ReviewFilters";
import { filterValues, hasFilters, pageLinks, parseReviewParams, type SearchParams } from "@/components/review/url";
import { SUGGESTED_REASONS } from "@/lib/handoffs/record";
import { loadReviewPage } from "./load";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

export default async function ConversationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ agentId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  await requirePageViewer("review");
  const { agentId } = await params;
  const sp = await searchParams;
  const db = getDb();
  const base = `/agents/${agentId}/conversations`;
  const values = filterValues(sp);
  const limit = typeof sp.limit === "string" && sp.limit !== "" ? sp.limit : undefined;
  const request = parseReviewParams(sp);
  const errors = request.ok ? {} : request.fieldErrors;

  return (
    <section className="mx-auto max-w-6xl px-6 py-8">
      <header className="mb-4">
        <h1 className="text-2xl font-semibold">Conversation Review</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Stored calls, newest first: how each ended, why it was handed off and where. Open one for its transcript,
          path, handoff record, metrics, SIP trace and logs.
        </p>
      </header>
      <ReviewFilters
        key={JSON.stringify(values)}
        base={base}
        values={values}
        errors={errors}
        limit={limit}
        reasons={SUGGESTED_REASONS}
        destinations={listDestinations(db, agentId).map((d) => d.name)}
        versions={listVersions(db, agentId).map((v) => v.number)}
      />
      {!request.ok ? (
        <InvalidFilters errors={request.fieldErrors} clearHref={base} />
      ) : (
        (() => {
          const page = loadReviewPage(db, agentId, request.query, request.direction);
          if (page.data.length === 0 && !page.hasNewer && !hasFilters(values)) {
            return (
              <div
                className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600"
                data-testid="review-empty"
              >
                No conversations yet.{" "}
                <Link href={`/agents/${agentId}/simulator`} className="font-medium text-brand-700 underline">
                  Run a call in the Simulator
                </Link>{" "}
                and it appears here.
              </div>
            );
          }
          const links = pageLinks(base, values, limit, {
            first: page.data[0],
            nextCursor: page.nextCursor,
            hasNewer: page.hasNewer,
          });
          return (
            <>
              {page.data.length === 0 ? (
                <p
                  className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600"
                  data-testid="review-no-match"
                >
                  {hasFilters(values) ? "No conversations match these filters." : "No conversations on this page."}{" "}
                  <Link href={base} className="text-brand-700 underline">
                    Show all conversations
                  </Link>
                </p>
              ) : (
                <ConversationTable
                  rows={page.data}
                  agentId={agentId}
                  flowNames={Object.fromEntries(listFlows(db, agentId).map((f) => [f.id, f.name]))}
                />
              )}
              <Pagination links={links} count={page.data.length} />
            </>
          );
        })()
      )}
    </section>
  );
}
