"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** API keys for everyone; Members, Telephony and the Audit log only for roles that may use them. */
export function SettingsNav({
  agentId,
  members,
  audit,
  telephony,
}: {
  agentId: string;
  members: boolean;
  audit: boolean;
  telephony: boolean;
}) {
  const pathname = usePathname();
  const base = `/agents/${agentId}/settings`;
  const tabs = [
    { href: base, label: "API keys" },
    ...(members ? [{ href: `${base}/members`, label: "Members" }] : []),
    ...(telephony ? [{ href: `${base}/telephony`, label: "Telephony" }] : []),
    ...(audit ? [{ href: `${base}/audit`, label: "Audit log" }] : []),
  ];
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((t) => {
        const active = pathname === t.href;
        return (
          <Link
            key={t.href}
            href={t.href}
            prefetch={false}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
