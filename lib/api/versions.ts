import { z } from "zod";
import { agentDocumentShapeSchema } from "../agent-document/schema";
import type { DocumentDiff } from "../versions/diff";
import type { VersionSummary } from "../versions/types";

/** The API's view of versions and comparisons (snake_case, like the rest of /api/v1). */

export const apiVersionSummarySchema = z.object({
  number: z.number().int(),
  note: z.string(),
  author: z.string(),
  created_at: z.string(),
  content_hash: z.string().describe("sha256 of the canonical agent document, hex"),
  live: z.boolean(),
});
export type ApiVersionSummary = z.infer<typeof apiVersionSummarySchema>;

export const apiVersionSchema = apiVersionSummarySchema.extend({ document: agentDocumentShapeSchema });

export const apiVersionListSchema = z.object({
  data: z.array(apiVersionSummarySchema).describe("Newest first"),
  live_version: z.number().int().nullable(),
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
