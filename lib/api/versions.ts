import { z } from "zod";
import { agentDocumentShapeSchema } from "../agent-document/schema";
import type { DocumentDiff } from "../versions/diff";
import type { VersionSummary } from "../versions/types";
import { ENVIRONMENTS, ENVIRONMENT_MESSAGE, type Environment } from "../versions/environments";

/** The API's view of versions and comparisons (snake_case, like the rest of /api/v1). */

export const apiVersionSummarySchema = z.object({
  number: z.number().int(),
  note: z.string(),
  author: z.string(),
  created_at: z.string(),
  content_hash: z.string().describe("sha256 of the canonical agent document, hex"),
  live: z.boolean(),
  pre_release: z.boolean().describe("Is this the version in pre-release (the step before live)?"),
});
export type ApiVersionSummary = z.infer<typeof apiVersionSummarySchema>;

export const apiVersionSchema = apiVersionSummarySchema.extend({ document: agentDocumentShapeSchema });

export const apiVersionListSchema = z.object({
  data: z.array(apiVersionSummarySchema).describe("Newest first"),
  live_version: z.number().int().nullable(),
  pre_release_version: z.number().int().nullable(),
});

export const apiPublishBodySchema = z.strictObject({
  note: z.string().max(500).optional().describe("What changed (optional)"),
  force: z.boolean().optional().describe("Publish even when flow lint finds errors"),
});

const fieldChange = z.object({
  field: z.string(),
  before: z.unknown().optional().describe("Absent when the field does not exist on that side"),
  after: z.unknown().optional(),
});
const status = z.enum(["added", "removed", "changed"]);
const itemChange = z.object({ name: z.string(), status, fields: z.array(fieldChange) });

export const apiDiffSchema = z.object({
  from: z.string().describe("draft or the version number compared from"),
  to: z.string(),
  identical: z.boolean(),
  agent: z.array(fieldChange),
  variables: z.array(itemChange),
  destinations: z.array(itemChange).describe("Field by field, matched by name ignoring case"),
  functions: z.array(
    z.object({
      name: z.string(),
      status,
      fields: z.array(fieldChange),
      patch: z.string().describe("Unified diff of the code; empty when the code is the same"),
      lines_added: z.number().int(),
      lines_removed: z.number().int(),
    }),
  ),
  flows: z.array(
    z.object({
      name: z.string(),
      status,
      nodes: z.array(z.object({ id: z.string(), type: z.string(), status, fields: z.array(fieldChange) })),
      edges: z.array(z.object({ id: z.string(), status, before: z.string().nullable(), after: z.string().nullable() })),
    }),
  ),
  topics: z.array(itemChange).describe("Knowledge topics field by field, matched by name ignoring case"),
  scenarios: z.array(itemChange).describe("Scenarios field by field, matched by name ignoring case"),
});

export function toApiVersionSummary(v: VersionSummary): ApiVersionSummary {
  return {
    number: v.number,
    note: v.note,
    author: v.author,
    created_at: v.createdAt,
    content_hash: v.contentHash,
    live: v.live,
    pre_release: v.preRelease,
  };
}

export function toApiDiff(from: string, to: string, d: DocumentDiff): z.infer<typeof apiDiffSchema> {
  return {
    from,
    to,
    identical: d.identical,
    agent: d.agent,
    variables: d.variables,
    destinations: d.destinations,
    functions: d.functions.map(({ linesAdded, linesRemoved, ...f }) => ({
      ...f,
      lines_added: linesAdded,
      lines_removed: linesRemoved,
    })),
    flows: d.flows,
    topics: d.topics,
    scenarios: d.scenarios,
  };
}

export const apiPromoteResponseSchema = apiVersionSummarySchema.extend({
  promotion: z.object({
    environment: z.enum(ENVIRONMENTS),
    from: z.number().int().nullable().describe("The version the environment had before"),
    dry_run: z.boolean(),
    changes: apiDiffSchema.omit({ from: true, to: true }).describe("What changes for the environment's calls"),
  }),
});

/** Body of POST …/versions/{version}/promote; optional as a whole. */
export const apiPromoteBodySchema = z.strictObject({
  to: z
    .enum(ENVIRONMENTS, { error: ENVIRONMENT_MESSAGE })
    .optional()
    .describe("pre-release or live; absent: the next step (live for the pre-release version, else pre-release)"),
  dry_run: z
    .boolean({ error: "Expected true or false" })
    .optional()
    .describe("Check and show the changes; move nothing"),
});

export function parseApiPromoteBody(
  body: unknown,
): { ok: true; to: Environment | undefined; dryRun: boolean } | { ok: false; fields: Record<string, string> } {
  if (body === undefined) return { ok: true, to: undefined, dryRun: false };
  const r = apiPromoteBodySchema.safeParse(body);
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const is of r.error.issues) {
      const key = is.path.length ? is.path.join(".") : "_body";
      fields[key] ??= is.code === "unrecognized_keys" ? `Unknown field ${is.keys.join(", ")}` : is.message;
    }
    return { ok: false, fields };
  }
  return { ok: true, to: r.data.to, dryRun: r.data.dry_run === true };
}
