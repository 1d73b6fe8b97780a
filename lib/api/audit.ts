import { z } from "zod";
import { AUDIT_TARGETS, type AuditEntry } from "../audit/types";

export const apiAuditEntrySchema = z.object({
  id: z.string().describe("Entries are numbered in the order they were appended"),
  at: z.string().describe("When the change was made (UTC, ISO 8601)"),
  actor: z.object({
    id: z.string().nullable().describe("Member id; null for the command line"),
    name: z.string(),
    email: z.string().nullable(),
    via: z.enum(["app", "api", "cli"]),
  }),
  action: z.string().describe("<target>.<verb>, e.g. destination.updated, flow.saved, member.role_changed"),
  target_type: z.enum(AUDIT_TARGETS),
  target_id: z.string().nullable(),
  target_name: z.string(),
  agent_id: z.string().nullable(),
  summary: z.string().describe("Short before → after"),
  saves: z.number().int().nullable().describe("For a burst of flow saves: how many (else null)"),
  last_at: z.string().nullable().describe("For a burst of flow saves: the last one (else null)"),
});
export type ApiAuditEntry = z.infer<typeof apiAuditEntrySchema>;

export const apiAuditPageSchema = z.object({
  data: z.array(apiAuditEntrySchema),
  next_before: z.string().nullable().describe("Pass as before for the next (older) page; null on the last page"),
});

export function toApiAuditEntry(e: AuditEntry): ApiAuditEntry {
  return {
    id: String(e.id),
    at: e.at,
    actor: { id: e.actor.id, name: e.actor.name, email: e.actor.email, via: e.actor.via },
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    target_name: e.targetName,
    agent_id: e.agentId,
    summary: e.summary,
    saves: e.burst?.saves ?? null,
    last_at: e.burst?.lastAt ?? null,
  };
}
