import { BareCanvas } from "./BareCanvas";
import { requirePageViewer } from "@/auth/viewer";

export const dynamic = "force-dynamic";

const dimension = (raw: string | undefined) => {
  const n = Number.parseInt(raw ?? "", 10);
  return Number.isFinite(n) && n >= 100 && n <= 10_000 ? n : null;
};

/** `/bench/canvas?n=1000&w=1100&h=800`: used by `npm run bench:canvas`; not linked from the product UI. */
export default async function BareCanvasBenchPage({
  searchParams,
}: {
  searchParams: Promise<{ n?: string; w?: string; h?: string }>;
}) {
  await requirePageViewer();
  const { n, w, h } = await searchParams;
  const count = Math.min(5000, Math.max(2, Number.parseInt(n ?? "1000", 10) || 1000));
  const width = dimension(w);
  const height = dimension(h);
  return <BareCanvas count={count} size={width && height ? { width, height } : null} />;
}
