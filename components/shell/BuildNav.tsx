"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BUILD_SECTIONS } from "./build-sections";
import { BuildNavIcon } from "./BuildNavIcon";

/**
 * The Build menu. Below 1280 px wide it collapses to icons (the names stay for screen readers and
 * show on hover), so a 1024 px window keeps its width for the canvas and panels.
 */
export function BuildNav({ agentId }: { agentId: string }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Build"
      data-testid="build-nav"
      className="w-14 shrink-0 border-r border-slate-200 bg-white p-2 xl:w-52 xl:p-3"
    >
      <h2 className="sr-only px-2 pb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 xl:not-sr-only xl:block">
        Build
      </h2>
      <ul className="space-y-0.5">
        {BUILD_SECTIONS.map((s) => {
          const href = `/agents/${agentId}/${s.segment}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={s.segment}>
              <Link
                href={href}
                // Sections are dynamic pages; prefetching all of them on every page load costs the
                // server (on the same machine) more than it saves the person who clicks one.
                prefetch={false}
                title={`${s.label}: ${s.description}`}
                aria-current={active ? "page" : undefined}
                className={`flex items-center justify-center gap-2 rounded-md px-2 py-1.5 text-sm xl:justify-start ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                <BuildNavIcon segment={s.segment} label={s.label} />
                <span className="sr-only xl:not-sr-only">{s.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
