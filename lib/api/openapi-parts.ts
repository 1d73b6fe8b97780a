import { z } from "zod";
import { conversationFilterFields } from "../conversations/filters";
import { PERMISSIONS, ROLE_LABELS, type Permission } from "../auth/roles";

/** The small builders the OpenAPI document's paths and components are written with (openapi.ts). */

export type JsonSchema = Record<string, unknown>;

export function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const jsonContent = (schema: unknown) => ({ "application/json": { schema } });
export const ok = (description: string, schema: unknown) => ({ description, content: jsonContent(schema) });
export const errors = (...codes: (keyof typeof ERROR_RESPONSES)[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/${ERROR_RESPONSES[c]}` }]));
export const ERROR_RESPONSES = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  415: "UnsupportedMediaType",
} as const;

/**
 * What an operation needs: `x-permission` (checked against the route's own by a test) and the
 * roles that hold it, in its description.
 */
export function needs(permission: Permission) {
  const roles = PERMISSIONS[permission].roles.map((r) => ROLE_LABELS[r]).join(", ");
  return { "x-permission": permission, "x-roles": [...PERMISSIONS[permission].roles], description: `Roles: ${roles}.` };
}

export const params = (...names: string[]) => names.map((n) => ({ $ref: `#/components/parameters/${n}` }));

export const listOf = (name: string) => ({
  type: "object",
  properties: { data: { type: "array", items: ref(name) } },
  required: ["data"],
  additionalProperties: false,
});

export function queryParameters(fields: Record<string, z.ZodType> = conversationFilterFields): unknown[] {
  return Object.entries(fields).map(([name, schema]) => {
    const s = jsonSchema(schema, "input");
    const { description, ...rest } = s;
    return { name, in: "query", required: false, description, schema: rest };
  });
}
