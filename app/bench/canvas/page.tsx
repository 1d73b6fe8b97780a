import { BareCanvas } from "./BareCanvas";

export const dynamic = "force-dynamic";

/** `/bench/canvas?n=1000`: used by `npm run bench:canvas`; not linked from the product UI. */
export default async function BareCanvasBenchPage({ searchParams }: { searchParams: Promise<{ n?: string }> }) {
  const { n } = await searchParams;
  const count = Math.min(5000, Math.max(2, Number.parseInt(n ?? "1000", 10) || 1000));
  return <BareCanvas count={count} />;
}
