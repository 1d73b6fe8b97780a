import { BareCanvas } from "./BareCanvas";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

/** `/bench/canvas?n=1000`: used by `npm run bench:canvas`; not linked from the product UI. */
export default async function BareCanvasBenchPage({ searchParams }: { searchParams: Promise<{ n?: string }> }) {
  await requirePageViewer();
  const { n } = await searchParams;
  const count = Math.min(5000, Math.max(2, Number.parseInt(n ?? "1000", 10) || 1000));
  return <BareCanvas count={count} />;
}
