import type { Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { appendAudit } from "../db/repositories/audit";
import { adoptOwnerlessApiKeys, insertUser } from "../db/repositories/users";
import { firstAdminSchema, newUserSchema } from "../lib/auth/schemas";
import type { Member } from "../lib/auth/types";
import type { AuditActor } from "../lib/audit/types";
import { ROLE_LABELS } from "../lib/auth/roles";
import { parseWith, type FieldErrors } from "../lib/validation/field-errors";
import { hashPassword } from "./passwords";

export type CreateMemberResult = { ok: true; member: Member } | { ok: false; fieldErrors: FieldErrors };

/** The actor for changes made from the command line (no one is signed in there). */
export const CLI_ACTOR: AuditActor = { id: null, name: "CLI", email: null, via: "cli" };

/**
 * Adds a member with a password (Settings → Members, `npm run cli -- user create`). The password is
 * hashed by better-auth's own scrypt before the transaction; a taken email is a field error.
 */
export async function createMember(db: Db, input: unknown, actor: AuditActor): Promise<CreateMemberResult> {
  const parsed = parseWith(newUserSchema, input);
  if (!parsed.ok) return parsed;
  const { email, name, role, password } = parsed.value;
  const passwordHash = await hashPassword(password);
  return writeTransaction(db, () => {
    const result = insertUser(db, { email, name, role, passwordHash });
    if (!result.ok) return { ok: false, fieldErrors: { email: result.message } };
    appendAudit(db, actor, {
      action: "member.created",
      targetType: "member",
      targetId: result.member.id,
      targetName: `${name} <${email}>`,
      agentId: null,
      summary: `added as ${ROLE_LABELS[role]}`,
    });
    return { ok: true, member: result.member };
  });
}

/**
 * The first-run form: creates the admin only while there are no members at all (checked inside
 * the same write transaction, so two forms sent at once make one admin). API keys made before
 * members existed become this admin's.
 */
export async function createFirstAdmin(db: Db, input: unknown): Promise<CreateMemberResult> {
  const parsed = parseWith(firstAdminSchema, input);
  if (!parsed.ok) return parsed;
  const { email, name, password } = parsed.value;
  const passwordHash = await hashPassword(password);
  return writeTransaction(db, () => {
    const result = insertUser(db, { email, name, role: "admin", passwordHash }, { onlyIfNoUsers: true });
    if (!result.ok) return { ok: false, fieldErrors: { _form: result.message } };
    adoptOwnerlessApiKeys(db, result.member.id);
    appendAudit(
      db,
      { id: result.member.id, name, email, via: "app" },
      {
        action: "member.created",
        targetType: "member",
        targetId: result.member.id,
        targetName: `${name} <${email}>`,
        agentId: null,
        summary: "created the first admin account",
      },
    );
    return { ok: true, member: result.member };
  });
}
