import { z } from "zod";

/** Every API error body: `{ error: { code, message, fields? } }`. */
export const ERROR_CODES = [
  "invalid_request",
  "invalid_json",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "nothing_changed",
  "lint_errors",
  "method_not_allowed",
  "unsupported_media_type",
  "internal_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path (`sip_headers.0.value`, `limit`) → what is wrong with it. */
    fields: z.record(z.string(), z.string()).optional(),
    /** lint_errors: each problem of the draft, one line each. */
    problems: z.array(z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** Thrown by handlers and helpers; the route wrapper turns it into a JSON response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly problems?: string[],
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.problems ? { problems: this.problems } : {}),
      },
    };
  }
}

export const invalid = (fields: Record<string, string>, message = "Some fields are invalid; see fields") =>
  new ApiError(400, "invalid_request", message, fields);
export const notFound = (what: string) => new ApiError(404, "not_found", `No ${what} with that id`);
export const conflict = (message: string, fields?: Record<string, string>) =>
  new ApiError(409, "conflict", message, fields);
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
export const unauthorized = () =>
  new ApiError(
    401,
    "unauthorized",
    "Send a valid API key as Authorization: Bearer <key> (create one in Settings or with `npm run cli -- apikey create`)",
  );
