import Link from "next/link";

export interface PageLinks {
  newest: string | null;
  newer: string | null;
  older: string | null;
}

const linkClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
const offClass = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-500";

/** Keyset page links: each carries a cursor in the URL (never a page number or offset). */
export function Pagination({ links, count }: { links: PageLinks; count: number }) {
  const item = (href: string | null, label: string, rel?: string) =>
    href ? (
      <Link href={href} className={linkClass} rel={rel}>
        {label}
      </Link>
    ) : (
      <span className={offClass} aria-disabled="true">
        {label}
      </span>
    );
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between gap-2">
      <p className="text-xs text-slate-500" data-testid="page-count">
        {count} conversation{count === 1 ? "" : "s"} on this page
      </p>
      <div className="flex gap-2">
        {item(links.newest, "Newest")}
        {item(links.newer, "← Newer", "prev")}
        {item(links.older, "Older →", "next")}
      </div>
    </nav>
  );
}
