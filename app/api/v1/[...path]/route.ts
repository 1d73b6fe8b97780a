import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/app/api/v1/_lib/handler";

// Any /api/v1 path no other route matches: a JSON 404 (not Next's HTML page), without a key.
const unknownEndpoint = apiRoute<{ path: string[] }>(
  ({ req }) => {
    throw new ApiError(
      404,
      "not_found",
      `No endpoint ${req.method} ${new URL(req.url).pathname}; see /api/v1/openapi.json`,
    );
  },
  { public: true },
);

export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
