/** What an audit entry is about. */
export const AUDIT_TARGETS = [
  "agent",
  "destination",
  "variable",
  "flow",
  "function",
  "topic",
  "scenario",
  "member",
  "api_key",
  "telephony",
  "version",
] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

export const AUDIT_TARGET_LABELS: Record<AuditTarget, string> = {
  agent: "Agent",
  destination: "Destination",
  variable: "Variable",
  flow: "Flow",
  function: "Function",
  topic: "Topic",
  scenario: "Scenario",
  member: "Member",
  api_key: "API key",
  telephony: "Telephony",
  version: "Publishing",
};

export type AuditVia = "app" | "api" | "cli";

/** Who did it, copied into the entry (a removed member's entries keep their name). */
export interface AuditActor {
  id: string | null;
  name: string;
  email: string | null;
  via: AuditVia;
}

/** One change: `action` is `<target>.<verb>` (`destination.updated`); summary is a short before → after. */
export interface AuditChange {
  action: string;
  targetType: AuditTarget;
  targetId: string | null;
  targetName: string;
  agentId: string | null;
  summary: string;
}

export interface AuditEntry extends AuditChange {
  id: number;
  at: string;
  actor: AuditActor;
  /** For a burst of saves (a flow's autosaves): how many, and the last one's time. */
  burst: { saves: number; lastAt: string } | null;
}

export function actorOf(viewer: { id: string; name: string; email: string; via: AuditVia }): AuditActor {
  return { id: viewer.id, name: viewer.name, email: viewer.email, via: viewer.via };
}
