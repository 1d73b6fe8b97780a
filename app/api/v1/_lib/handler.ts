import { getDb } from "@/db/server";
import type { Db } from "@/db/client";
import { authenticateApiKey } from "@/db/repositories/api-keys";
import { ApiError, forbidden, unauthorized } from "@/lib/api/errors";
import { bearerToken, type ApiKey } from "@/lib/api/keys";
import { can, forbiddenMessage, type Permission } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/types";

/**
 * Every /api/v1 handler goes through `apiRoute`: it authenticates (Bearer API key), checks the key
 * owner's role against the route's permission (403 otherwise), hands the handler its params and
 * database, turns thrown ApiErrors into `{ error: { code, message, fields } }` and anything
 * unexpected into a logged 500 — so the status a client sees is decided in one place.
 */

export interface ApiContext<P> {
  req: Request;
  params: P;
  db: Db;
  /** The authenticated key; null only on public routes. */
  apiKey: ApiKey | null;
  /** The member the key belongs to (acting with their current role); null only on public routes. */
  viewer: Viewer | null;
}

/** Every route says what it needs: a permission, or that it is public (the OpenAPI document). */
export type RouteAccess = { permission: Permission } | { public: true };

/** A handler with its access attached (read by the test that checks every route has one). */
export type ApiHandler<P> = ((req: Request, context: RouteContext<P>) => Promise<Response>) & { access: RouteAccess };

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function json(status: number, data: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: headers ? { ...JSON_HEADERS, ...headers } : JSON_HEADERS,
  });
}

/** JSON text that is already serialised (by SQLite, on the hot paths). */
export function rawJson(status: number, text: string): Response {
  return new Response(text, { status, headers: JSON_HEADERS });
}

/** A handler's return value: a Response as is, anything else as 200 JSON. */
export type HandlerResult = Response | object;

type RouteContext<P> = { params: Promise<P> };

export function apiRoute<P extends Record<string, string | string[]> = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => HandlerResult | Promise<HandlerResult>,
  access: RouteAccess,
): ApiHandler<P> {
  const route = async (req: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      let apiKey: ApiKey | null = null;
      let viewer: Viewer | null = null;
      if (!("public" in access)) {
        const key = authenticateApiKey(getDb(), bearerToken(req.headers.get("authorization")));
        if (!key) throw unauthorized();
        apiKey = key;
        viewer = { ...key.owner, via: "api" };
        if (!can(viewer.role, access.permission)) throw forbidden(forbiddenMessage(viewer.role, access.permission));
      }
      const params = (await context?.params) ?? ({} as P);
      // Public routes (the OpenAPI document) never open the database, not even at build time.
      const result = await handler({
        req,
        params,
        get db() {
          return getDb();
        },
        apiKey,
        viewer,
      });
      return result instanceof Response ? result : json(200, result);
    } catch (e) {
      if (e instanceof ApiError) {
        return json(
          e.status,
          e.body(),
          e.status === 401 ? { "www-authenticate": 'Bearer realm="switchboard"' } : undefined,
        );
      }
      console.error("Unhandled error in", req.method, new URL(req.url).pathname, e);
      return json(500, { error: { code: "internal_error", message: "Something went wrong on our side" } });
    }
  };
  return Object.assign(route, { access });
}

export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The request body as parsed JSON; 400 invalid_json when it is missing, too large or not JSON.
 * With `optional`, an empty body reads as undefined.
 */
export async function readJson(
  req: Request,
  maxBytes = MAX_BODY_BYTES,
  { optional = false }: { optional?: boolean } = {},
): Promise<unknown> {
  let text: string;
  try {
    text = await req.text();
  } catch {
    throw new ApiError(400, "invalid_json", "Could not read the request body");
  }
  if (text.length > maxBytes) throw new ApiError(400, "invalid_request", `Bodies are at most ${maxBytes} bytes`);
  if (text.trim() === "" && optional) return undefined;
  if (text.trim() === "") throw new ApiError(400, "invalid_json", "Send a JSON body (Content-Type: application/json)");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError(
      400,
      "invalid_json",
      `The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
