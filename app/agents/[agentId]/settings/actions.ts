"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/server";
import { createApiKey, revokeApiKey } from "@/db/repositories/api-keys";
import { apiKeyNameSchema, type CreateApiKeyResult, type RevokeApiKeyResult } from "@/lib/api/keys";

// Keys are workspace-wide: every agent's Settings page lists the same keys.
const refresh = () => revalidatePath("/agents/[agentId]/settings", "page");

/** Creates a key; the secret is in this one response and nowhere else. */
export async function createApiKeyAction(name: unknown): Promise<CreateApiKeyResult> {
  const parsed = apiKeyNameSchema.safeParse(name);
  if (!parsed.success) return { ok: false, fieldErrors: { name: parsed.error.issues[0]?.message ?? "Enter a name" } };
  const { apiKey, secret } = createApiKey(getDb(), parsed.data);
  refresh();
  return { ok: true, key: secret, apiKey };
}

export async function revokeApiKeyAction(id: unknown): Promise<RevokeApiKeyResult> {
  if (typeof id !== "string" || !revokeApiKey(getDb(), id)) {
    return { ok: false, formError: "That key was already revoked or no longer exists; reload to see the current list" };
  }
  refresh();
  return { ok: true };
}
