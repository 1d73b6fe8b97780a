import { toApiFlow } from "@/lib/api/flows";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireFlow } from "@/app/api/v1/_lib/lookups";

/** GET /api/v1/flows/{flowId}: the flow with its nodes and edges. */
export const GET = apiRoute<{ flowId: string }>(({ db, params }) => toApiFlow(requireFlow(db, params.flowId)), {
  permission: "view",
});
