import { toFlowExport } from "@/lib/api/flows";
import { apiRoute } from "@/app/api/v1/_lib/handler";
import { requireFlow } from "@/app/api/v1/_lib/lookups";

/** GET /api/v1/flows/{flowId}/export: the flow in the editor's import/export format. */
export const GET = apiRoute<{ flowId: string }>(({ db, params }) => toFlowExport(requireFlow(db, params.flowId)), {
  permission: "view",
});
