import { openDb } from "../../db/client";
import { listMembers } from "../../db/repositories/users";
import { CLI_ACTOR, createMember } from "../../auth/users";
import { ROLES } from "../../lib/auth/roles";
import { UsageError, stringOption } from "../args";
import { defineCommand } from "../command";

/** Field → the option that sets it, for messages. */
const OPTION_OF: Record<string, string> = { email: "--email", name: "--name", password: "--password", role: "--role" };

export const userCommand = defineCommand({
  name: "user",
  summary: "Create or list members (who signs in, with which role)",
  synopsis: "<create|list> [options]",
  about: `Members who sign in to Switchboard (the same as Settings → Members).

  user create --email <email> --password <password> --role <role> [--name <name>] [--json]
      add a member; on a fresh install this is how scripts and CI make the first admin
  user list [--json]   list members: id, name, email, role`,
  subcommands: ["create", "list"],
  options: {
    email: { type: "string", value: "<email>", help: "the member's email, their sign-in name (create)" },
    password: { type: "string", value: "<password>", help: "at least 8 characters (create)" },
    role: { type: "string", value: "<role>", help: `${ROLES.join(", ")} (create)` },
    name: {
      type: "string",
      value: "<name>",
      help: "shown in the app and the audit log (create;\ndefault: the email's local part)",
    },
    json: { type: "boolean", help: "print JSON" },
  },
  async run(values, io, { subcommand: sub }) {
    if (sub === "create") {
      for (const option of ["email", "password", "role"]) {
        if (stringOption(values, option) === undefined) throw new UsageError(`Missing --${option}`);
      }
    }
    const db = openDb();
    try {
      if (sub === "list") {
        const members = listMembers(db);
        if (values.json === true) {
          io.out(
            JSON.stringify(
              members.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, created_at: m.createdAt })),
              null,
              2,
            ) + "\n",
          );
        } else if (members.length === 0) io.out("No members yet. Create the first admin with `user create`.\n");
        else for (const m of members) io.out(`${m.id}  ${m.email}  ${m.name}  ${m.role}\n`);
        return 0;
      }
      const email = stringOption(values, "email")!;
      const result = await createMember(
        db,
        {
          email,
          password: stringOption(values, "password"),
          role: stringOption(values, "role"),
          name: stringOption(values, "name") ?? email.split("@")[0],
        },
        CLI_ACTOR,
      );
      if (!result.ok) {
        const problems = Object.entries(result.fieldErrors).map(([field, message]) =>
          field in OPTION_OF ? `${OPTION_OF[field]}: ${message}` : message,
        );
        throw new UsageError(problems.join("; "));
      }
      const m = result.member;
      if (values.json === true)
        io.out(
          JSON.stringify({ id: m.id, name: m.name, email: m.email, role: m.role, created_at: m.createdAt }) + "\n",
        );
      else io.out(`Created ${m.role} ${m.email} (${m.id})\n`);
      return 0;
    } finally {
      db.$client.close();
    }
  },
});
