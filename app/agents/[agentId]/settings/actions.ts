"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { createApiKey, getApiKey, revokeApiKey } from "@/db/repositories/api-keys";
import { appendAudit } from "@/db/repositories/audit";
import { writeTransaction } from "@/db/transaction";
import { apiKeyNameSchema, type CreateApiKeyResult, type RevokeApiKeyResult } from "@/lib/api/keys";
import { actorOf } from "@/lib/audit/types";
import { can, ROLE_LABELS } from "@/lib/auth/roles";

// Keys are workspace-wide: every agent's Settings page lists the same keys.
const refresh = () => revalidatePath("/agents/[agentId]/settings", "page");

/** Creates a key owned by the signed-in member (it acts with their role); the secret is in this one response. */
export const createApiKeyAction = guardedAction(
  "apikeys.own",
  (d: Denial): CreateApiKeyResult => ({ ok: false, fieldErrors: {}, formError: d.message }),
  async (viewer, name: unknown): Promise<CreateApiKeyResult> => {
    const parsed = apiKeyNameSchema.safeParse(name);
    if (!parsed.success) return { ok: false, fieldErrors: { name: parsed.error.issues[0]?.message ?? "Enter a name" } };
    const db = getDb();
    const owner = { id: viewer.id, name: viewer.name, email: viewer.email, role: viewer.role };
    const { apiKey, secret } = writeTransaction(db, () => {
      const created = createApiKey(db, parsed.data, owner);
      appendAudit(db, actorOf(viewer), {
        action: "api_key.created",
        targetType: "api_key",
        targetId: created.apiKey.id,
        targetName: created.apiKey.name,
        agentId: null,
        summary: `acts as ${ROLE_LABELS[viewer.role]}, ${created.apiKey.prefix}…`,
      });
      return created;
    });
    refresh();
    return { ok: true, key: secret, apiKey };
  },
);

/** Members revoke their own keys; admins anyone's. */
export const revokeApiKeyAction = guardedAction(
  "apikeys.own",
  (d: Denial): RevokeApiKeyResult => ({ ok: false, formError: d.message }),
  async (viewer, id: unknown): Promise<RevokeApiKeyResult> => {
    const gone = "That key was already revoked or no longer exists; reload to see the current list";
    if (typeof id !== "string") return { ok: false, formError: gone };
    const db = getDb();
    const key = getApiKey(db, id);
    const anyones = can(viewer.role, "apikeys.manage");
    if (key && !anyones && key.owner?.id !== viewer.id)
      return { ok: false, formError: "This key is someone else's; only an admin may revoke it" };
    const revoked = writeTransaction(db, () => {
      if (!key || !revokeApiKey(db, id, anyones ? {} : { ownerId: viewer.id })) return false;
      appendAudit(db, actorOf(viewer), {
        action: "api_key.revoked",
        targetType: "api_key",
        targetId: key.id,
        targetName: key.name,
        agentId: null,
        summary: `revoked ${key.prefix}…${key.owner && key.owner.id !== viewer.id ? ` (${key.owner.email}'s)` : ""}`,
      });
      return true;
    });
    if (!revoked) return { ok: false, formError: gone };
    refresh();
    return { ok: true };
  },
);
