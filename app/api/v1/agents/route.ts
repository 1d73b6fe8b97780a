import { listAgents } from "@/db/repositories/agents";
import { toApiAgent } from "@/lib/api/agents";
import { apiRoute } from "@/app/api/v1/_lib/handler";

/** GET /api/v1/agents: every agent in the workspace. */
export const GET = apiRoute(({ db }) => ({ data: listAgents(db).map(toApiAgent) }), { permission: "view" });
