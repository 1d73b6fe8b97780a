"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/FieldMessages";

/** Pick any two of the versions and the draft, and open their comparison. */
export function CompareForm({
  agentId,
  versions,
  from: initialFrom,
  to: initialTo,
}: {
  agentId: string;
  /** Newest first. */
  versions: number[];
  from?: string;
  to?: string;
}) {
  const router = useRouter();
  const [from, setFrom] = useState(initialFrom ?? String(versions[0] ?? "draft"));
  const [to, setTo] = useState(initialTo ?? "draft");
  const options = [
    { value: "draft", label: "Draft" },
    ...versions.map((n) => ({ value: String(n), label: `Version ${n}` })),
  ];
  const select = (id: string, label: string, value: string, set: (v: string) => void) => (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium">{label}</span>
      <select id={id} value={value} onChange={(e) => set(e.target.value)} className={`${inputClass} w-40`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3"
      aria-label="Compare versions"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(`/agents/${agentId}/versions/compare?${new URLSearchParams({ from, to })}`);
      }}
    >
      {select("compare-from", "Compare", from, setFrom)}
      {select("compare-to", "with", to, setTo)}
      <Button type="submit" variant="primary">
        Compare
      </Button>
    </form>
  );
}
