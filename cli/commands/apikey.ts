import { openDb, type Db } from "../../db/client";
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from "../../db/repositories/api-keys";
import { appendAudit } from "../../db/repositories/audit";
import { findMemberByEmail, listMembers } from "../../db/repositories/users";
import { writeTransaction } from "../../db/transaction";
import { CLI_ACTOR } from "../../auth/users";
import { apiKeyNameSchema, type ApiKeyOwner } from "../../lib/api/keys";
import { UsageError, requiredString, stringOption } from "../args";
import { defineCommand } from "../command";

export const apikeyCommand = defineCommand({
  name: "apikey",
  summary: "Create, list or revoke API keys",
  synopsis: "<create|list|revoke> [options]",
  about: `API keys for /api/v1 (Authorization: Bearer <key>). A key belongs to a member and acts with
their role; removing the member stops their keys.

  apikey create --name <name> [--user <email>] [--json]
      create a key for a member (default: the first admin) and print it (it is shown only this once)
  apikey list [--json]                   list keys: id, name, prefix, owner, created, last used, revoked
  apikey revoke --id <key id>            revoke a key; it stops working at once`,
  subcommands: ["create", "list", "revoke"],
  options: {
    name: { type: "string", value: "<name>", help: "the new key's name (create)" },
    user: { type: "string", value: "<email>", help: "the member who owns the key (create; default: the first admin)" },
    id: { type: "string", value: "<key id>", help: "the key to revoke (revoke)" },
    json: { type: "boolean", help: "print JSON (create, list)" },
  },
  run(values, io, { subcommand: sub }) {
    let name: string | undefined;
    if (sub === "create") {
      const parsed = apiKeyNameSchema.safeParse(requiredString(values, "name"));
      if (!parsed.success) throw new UsageError(`--name: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      name = parsed.data;
    }
    const id = sub === "revoke" ? requiredString(values, "id") : undefined;

    const db = openDb();
    try {
      if (sub === "create") {
        const owner = keyOwner(db, stringOption(values, "user"));
        const { apiKey, secret } = writeTransaction(db, () => {
          const created = createApiKey(db, name!, owner);
          appendAudit(db, CLI_ACTOR, {
            action: "api_key.created",
            targetType: "api_key",
            targetId: created.apiKey.id,
            targetName: created.apiKey.name,
            agentId: null,
            summary: `for ${owner.email} (${owner.role}), ${created.apiKey.prefix}…`,
          });
          return created;
        });
        if (values.json === true)
          io.out(
            JSON.stringify({ id: apiKey.id, name: apiKey.name, key: secret, created_at: apiKey.createdAt }) + "\n",
          );
        else {
          // The key alone on stdout, so `KEY=$(npm run -s cli -- apikey create --name ci)` works.
          io.out(secret + "\n");
          io.err(
            `Created API key "${apiKey.name}" (${apiKey.id}) for ${owner.email}, acting as ${owner.role}. Store it now: it is not shown again.\n`,
          );
        }
        return 0;
      }
      if (sub === "list") {
        const keys = listApiKeys(db);
        if (values.json === true) {
          io.out(
            JSON.stringify(
              keys.map((k) => ({
                id: k.id,
                name: k.name,
                prefix: k.prefix,
                owner: k.owner?.email ?? null,
                created_at: k.createdAt,
                last_used_at: k.lastUsedAt,
                revoked_at: k.revokedAt,
              })),
              null,
              2,
            ) + "\n",
          );
        } else if (keys.length === 0) io.out("No API keys. Create one with `apikey create --name NAME`.\n");
        else {
          for (const k of keys) {
            const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? "never"}`;
            io.out(
              `${k.id}  ${k.prefix}…  ${k.name}  ${k.owner?.email ?? "(no owner)"}  created ${k.createdAt}  ${state}\n`,
            );
          }
        }
        return 0;
      }
      const key = getApiKey(db, id!);
      const revoked = writeTransaction(db, () => {
        if (!revokeApiKey(db, id!)) return false;
        appendAudit(db, CLI_ACTOR, {
          action: "api_key.revoked",
          targetType: "api_key",
          targetId: id!,
          targetName: key?.name ?? "",
          agentId: null,
          summary: `revoked ${key?.prefix ?? ""}…`,
        });
        return true;
      });
      if (!revoked) {
        const live = listApiKeys(db)
          .filter((k) => !k.revokedAt)
          .map((k) => `${k.id} (${k.name})`);
        throw new UsageError(`No live API key with id "${id}". Live keys: ${live.join(", ") || "none"}`);
      }
      io.out(`Revoked ${id}\n`);
      return 0;
    } finally {
      db.$client.close();
    }
  },
});

/** The member named by --user, or the first admin; a usage error when there is none. */
function keyOwner(db: Db, email: string | undefined): ApiKeyOwner {
  if (email !== undefined) {
    const member = findMemberByEmail(db, email.trim());
    if (!member) {
      const known = listMembers(db).map((m) => m.email);
      throw new UsageError(`--user: no member with the email "${email}". Members: ${known.join(", ") || "none"}`);
    }
    return { id: member.id, name: member.name, email: member.email, role: member.role };
  }
  const admin = listMembers(db).find((m) => m.role === "admin");
  if (!admin)
    throw new UsageError(
      "No members yet: a key acts for a member. Create one first: user create --email E --password P --role admin",
    );
  return { id: admin.id, name: admin.name, email: admin.email, role: admin.role };
}
