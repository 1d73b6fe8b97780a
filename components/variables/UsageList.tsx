import Link from "next/link";
import type { VariableUse } from "@/lib/variables/usages";

/** Where a variable is used, each line linking to the place to change it. */
export function UsageList({ agentId, usages }: { agentId: string; usages: readonly VariableUse[] }) {
  return (
    <ul className="mt-1 max-h-48 list-disc space-y-0.5 overflow-y-auto pl-5" data-testid="variable-usages">
      {usages.map((u, i) => (
        <li key={i}>
          <Link
            href={`/agents/${agentId}/${u.section}${u.id ? `/${u.id}` : ""}`}
            prefetch={false}
            className="hover:underline"
          >
            {u.text}
          </Link>
        </li>
      ))}
    </ul>
  );
}
