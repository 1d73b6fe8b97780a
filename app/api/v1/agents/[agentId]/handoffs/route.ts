import { appendAudit } from "@/db/repositories/audit";
import { createDestination, getDestination, listDestinations } from "@/db/repositories/handoffs";
import { writeTransaction } from "@/db/transaction";
import { destinationChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import { invalid } from "@/lib/api/errors";
import { apiRoute, json, readJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { applyIsDefault, checkIsDefault, destinationOrThrow } from "./_mutations";
import { parseBody } from "./schema";
import { toApiDestination } from "@/lib/api/destinations";

/** GET /api/v1/agents/{agentId}/handoffs: the agent's destinations in board order. */
export const GET = apiRoute<{ agentId: string }>(
  ({ db, params }) => {
    const agent = requireAgent(db, params.agentId);
    return { data: listDestinations(db, agent.id).map(toApiDestination) };
  },
  { permission: "view" },
);

/** POST /api/v1/agents/{agentId}/handoffs: create; the agent's first destination is its default. */
export const POST = apiRoute<{ agentId: string }>(
  async ({ req, db, params, viewer }) => {
    const agent = requireAgent(db, params.agentId);
    const parsed = parseBody(await readJson(req));
    if (!parsed.ok) throw invalid(parsed.fields);
    checkIsDefault(null, parsed.isDefault);
    const { created, body } = writeTransaction(db, () => {
      const created = destinationOrThrow(createDestination(db, agent.id, parsed.value));
      const body = applyIsDefault(db, created, parsed.isDefault);
      appendAudit(db, actorOf(viewer!), destinationChange(null, getDestination(db, agent.id, created.id)));
      return { created, body };
    });
    return json(201, body, { location: `/api/v1/agents/${agent.id}/handoffs/${created.id}` });
  },
  { permission: "destinations.edit" },
);
