"use server";

import { revalidatePath } from "next/cache";
import { createMember } from "@/auth/users";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { appendAudit } from "@/db/repositories/audit";
import { removeMember, setMemberRole, type MemberChangeResult } from "@/db/repositories/users";
import { writeTransaction } from "@/db/transaction";
import { actorOf, type AuditChange } from "@/lib/audit/types";
import { isRole, ROLE_LABELS } from "@/lib/auth/roles";
import type { Member } from "@/lib/auth/types";
import type { FieldErrors } from "@/lib/validation/field-errors";

export type MemberActionResult =
  | { ok: true; member?: Member }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };

const denied = (d: Denial): MemberActionResult => ({ ok: false, fieldErrors: {}, formError: d.message });
const refresh = () => revalidatePath("/agents/[agentId]/settings", "layout");

function memberChange(verb: string, m: Member, summary: string): AuditChange {
  return {
    action: `member.${verb}`,
    targetType: "member",
    targetId: m.id,
    targetName: `${m.name} <${m.email}>`,
    agentId: null,
    summary,
  };
}

/** Adds a member with an initial password the admin passes on (there is no email to send it). */
export const createMemberAction = guardedAction(
  "members.manage",
  denied,
  async (viewer, input: unknown): Promise<MemberActionResult> => {
    const result = await createMember(getDb(), input, actorOf(viewer));
    if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors };
    refresh();
    return { ok: true, member: result.member };
  },
);

function finish(result: MemberChangeResult): MemberActionResult {
  if (!result.ok) return { ok: false, fieldErrors: {}, formError: result.message };
  refresh();
  return { ok: true, member: result.after ?? undefined };
}

/** Takes effect on the member's next request: sessions and API keys read the role each time. */
export const changeMemberRoleAction = guardedAction(
  "members.manage",
  denied,
  async (viewer, id: unknown, role: unknown): Promise<MemberActionResult> => {
    if (!isRole(role)) return { ok: false, fieldErrors: { role: "Choose admin, developer, designer or qa" } };
    if (typeof id !== "string") return { ok: false, fieldErrors: {}, formError: "Choose a member" };
    const db = getDb();
    return finish(
      writeTransaction(db, () => {
        const result = setMemberRole(db, id, role);
        if (result.ok && result.before.role !== role)
          appendAudit(
            db,
            actorOf(viewer),
            memberChange(
              "role_changed",
              result.before,
              `role ${ROLE_LABELS[result.before.role]} → ${ROLE_LABELS[role]}`,
            ),
          );
        return result;
      }),
    );
  },
);

/** Removes a member; their sessions and API keys stop working at once. */
export const removeMemberAction = guardedAction(
  "members.manage",
  denied,
  async (viewer, id: unknown): Promise<MemberActionResult> => {
    if (typeof id !== "string") return { ok: false, fieldErrors: {}, formError: "Choose a member" };
    if (id === viewer.id)
      return { ok: false, fieldErrors: {}, formError: "You cannot remove yourself; another admin can" };
    const db = getDb();
    return finish(
      writeTransaction(db, () => {
        const result = removeMember(db, id);
        if (result.ok)
          appendAudit(
            db,
            actorOf(viewer),
            memberChange(
              "removed",
              result.before,
              `removed (was ${ROLE_LABELS[result.before.role]}); sessions and API keys ended`,
            ),
          );
        return result;
      }),
    );
  },
);
