"use client";

import { usePathname, useRouter } from "next/navigation";

/**
 * What the simulator runs: the draft (what people are editing), the pre-release version (what is
 * being tried before it goes live), the live version (what real calls run) or any published version. Changing it reloads the page with `?version=`, keeping the flow.
 */
export function RunChooser({
  run,
  live,
  preRelease = null,
  versions,
  flow,
}: {
  run: string;
  live: number | null;
  preRelease?: number | null;
  /** Newest first. */
  versions: readonly number[];
  flow: string | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
      Run
      <select
        value={run}
        data-testid="run-chooser"
        onChange={(e) => {
          const params = new URLSearchParams({ version: e.target.value });
          if (flow) params.set("flow", flow);
          router.push(`${pathname}?${params}`);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-normal"
      >
        <option value="draft">Draft</option>
        {preRelease !== null && <option value="pre-release">Pre-release (version {preRelease})</option>}
        {live !== null && <option value="live">Live (version {live})</option>}
        {versions.map((n) => (
          <option key={n} value={String(n)}>
            Version {n}
            {n === live || n === preRelease
              ? ` (${[n === preRelease ? "pre-release" : "", n === live ? "live" : ""].filter(Boolean).join(", ")})`
              : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
