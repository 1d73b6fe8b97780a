import { setDefaultDestination } from "@/db/repositories/handoffs";
import { toApiDestination } from "@/lib/api/destinations";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireDestination } from "@/app/api/v1/_lib/lookups";
import { destinationOrThrow } from "@/app/api/v1/agents/[agentId]/handoffs/_mutations";

/** POST /api/v1/agents/{agentId}/handoffs/{handoffId}/default: make it the agent's default. */
export const POST = apiRoute<{ agentId: string; handoffId: string }>(({ db, params }) => {
  const current = requireDestination(db, params.agentId, params.handoffId);
  return toApiDestination(destinationOrThrow(setDefaultDestination(db, params.agentId, current.id)));
});
