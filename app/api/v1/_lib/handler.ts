import { getDb } from "@/db/server";
import type { Db } from "@/db/client";
import { authenticateApiKey } from "@/db/repositories/api-keys";
import { ApiError, unauthorized } from "@/lib/api/errors";
import { bearerToken, type ApiKey } from "@/lib/api/keys";

/**
 * Every /api/v1 handler goes through `apiRoute`: it authenticates (Bearer API key), hands the
 * handler its params and database, turns thrown ApiErrors into `{ error: { code, message, fields } }`
 * and anything unexpected into a logged 500 — so the status a client sees is decided in one place.
 */

export interface ApiContext<P> {
  req: Request;
  params: P;
  db: Db;
  /** The authenticated key; null only on public routes. */
  apiKey: ApiKey | null;
}

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
  options: { public?: boolean } = {},
): (req: Request, context: RouteContext<P>) => Promise<Response> {
  return async (req, context) => {
    try {
      let apiKey: ApiKey | null = null;
      if (!options.public) {
        apiKey = authenticateApiKey(getDb(), bearerToken(req.headers.get("authorization")));
        if (!apiKey) throw unauthorized();
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
