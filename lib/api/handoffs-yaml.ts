import { z } from "zod";
import { MAX_HANDOFFS_YAML_BYTES, parseHandoffsYaml, type ImportedDestination } from "../handoffs/yaml";

/** Body of POST /api/v1/agents/{agentId}/handoffs/import. */
export const apiHandoffsImportBodySchema = z.strictObject({
  yaml: z
    .string()
    .max(MAX_HANDOFFS_YAML_BYTES)
    .describe("The handoffs.yaml text (PolyAI's format; what GET …/handoffs/export returns)"),
  replace: z
    .boolean()
    .optional()
    .describe(
      "true: the agent keeps only the file's destinations (the others are deleted); default false: merge by name",
    ),
});

export const apiHandoffsImportResultSchema = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  deleted: z.number().int(),
});

export type HandoffsImportBody =
  | { ok: true; destinations: ImportedDestination[]; replace: boolean }
  | { ok: false; fields: Record<string, string> };

/**
 * The body's shape, then the file itself: every problem keyed by its path in the file
 * (`handoffs[2].sip_config.method`, `line 3, column 5` for a syntax error), as the 400's fields.
 */
export function parseHandoffsImportBody(body: unknown): HandoffsImportBody {
  const shape = apiHandoffsImportBodySchema.safeParse(body);
  if (!shape.success) {
    const fields: Record<string, string> = {};
    for (const issue of shape.error.issues) {
      const key = issue.path.length > 0 ? issue.path.join(".") : "_body";
      if (!(key in fields))
        fields[key] =
          issue.code === "unrecognized_keys"
            ? `Unknown field ${issue.keys.join(", ")}; expected yaml, replace`
            : issue.message;
    }
    return { ok: false, fields };
  }
  const parsed = parseHandoffsYaml(shape.data.yaml);
  if (!parsed.ok) {
    const fields: Record<string, string> = {};
    for (const e of parsed.errors) if (!(e.path in fields)) fields[e.path] = e.message;
    return { ok: false, fields };
  }
  return { ok: true, destinations: parsed.destinations, replace: shape.data.replace === true };
}
