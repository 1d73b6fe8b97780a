import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiRoute } from "@/app/api/v1/_lib/handler";

let body: string | null = null;

/** GET /api/v1/openapi.json: public, no key needed. */
export const GET = apiRoute(
  () => {
    body ??= JSON.stringify(buildOpenApiDocument());
    return new Response(body, {
      headers: { "content-type": "application/json; charset=utf-8", "access-control-allow-origin": "*" },
    });
  },
  { public: true },
);
