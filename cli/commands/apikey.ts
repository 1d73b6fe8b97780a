import { openDb } from "../../db/client";
import { createApiKey, listApiKeys, revokeApiKey } from "../../db/repositories/api-keys";
import { apiKeyNameSchema } from "../../lib/api/keys";
import { UsageError, requiredString } from "../args";
import { defineCommand } from "../command";

export const apikeyCommand = defineCommand({
  name: "apikey",
  summary: "Create, list or revoke API keys",
  synopsis: "<create|list|revoke> [options]",
  about: `Workspace-wide API keys for /api/v1 (Authorization: Bearer <key>).

  apikey create --name <name> [--json]   create a key and print it (it is shown only this once)
  apikey list [--json]                   list keys: id, name, prefix, created, last used, revoked
  apikey revoke --id <key id>            revoke a key; it stops working at once`,
  subcommands: ["create", "list", "revoke"],
  options: {
    name: { type: "string", value: "<name>", help: "the new key's name (create)" },
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
        const { apiKey, secret } = createApiKey(db, name!);
        if (values.json === true)
          io.out(
            JSON.stringify({ id: apiKey.id, name: apiKey.name, key: secret, created_at: apiKey.createdAt }) + "\n",
          );
        else {
          // The key alone on stdout, so `KEY=$(npm run -s cli -- apikey create --name ci)` works.
          io.out(secret + "\n");
          io.err(`Created API key "${apiKey.name}" (${apiKey.id}). Store it now: it is not shown again.\n`);
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
            io.out(`${k.id}  ${k.prefix}…  ${k.name}  created ${k.createdAt}  ${state}\n`);
          }
        }
        return 0;
      }
      if (!revokeApiKey(db, id!)) {
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
