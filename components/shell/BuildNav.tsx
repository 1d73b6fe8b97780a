"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BUILD_SECTIONS } from "./build-sections";

export function BuildNav({ agentId }: { agentId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Build" className="w-52 shrink-0 border-r border-slate-200 bg-white p-3">
      <h2 className="px-2 pb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Build</h2>
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
                title={s.description}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-2 py-1.5 text-sm ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
