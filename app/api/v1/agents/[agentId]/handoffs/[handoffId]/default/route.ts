import { appendAudit } from "@/db/repositories/audit";
import { setDefaultDestination } from "@/db/repositories/handoffs";
import { writeTransaction } from "@/db/transaction";
import { destinationChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import { toApiDestination } from "@/lib/api/destinations";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireDestination } from "@/app/api/v1/_lib/lookups";
import { destinationOrThrow } from "@/app/api/v1/agents/[agentId]/handoffs/_mutations";

/** POST /api/v1/agents/{agentId}/handoffs/{handoffId}/default: make it the agent's default. */
export const POST = apiRoute<{ agentId: string; handoffId: string }>(
  ({ db, params, viewer }) =>
    writeTransaction(db, () => {
      const current = requireDestination(db, params.agentId, params.handoffId);
      const updated = destinationOrThrow(setDefaultDestination(db, params.agentId, current.id));
      if (!current.isDefault) appendAudit(db, actorOf(viewer!), destinationChange(current, updated, "made_default"));
      return toApiDestination(updated);
    }),
  { permission: "destinations.edit" },
);
