import { Badge } from "@/components/ui/Badge";
import type { Outcome } from "@/lib/handoffs/record";
import { OUTCOME_LABEL } from "./format";

const TONE = { handoff: "green", hangup: "slate", abandoned: "amber", failed: "red" } as const;

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <Badge tone={TONE[outcome]} data-testid="outcome" data-outcome={outcome}>
      {OUTCOME_LABEL[outcome]}
    </Badge>
  );
}
