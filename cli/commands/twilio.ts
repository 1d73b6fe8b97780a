import { databaseFile, openDb } from "../../db/client";
import { CLI_ACTOR } from "../../auth/users";
import { getTwilioConnection, listTwilioNumbers } from "../../db/repositories/telephony";
import {
  assignNumber,
  connectTwilio,
  disconnectTwilio,
  testTwilioConnection,
  type TelephonyResult,
} from "../../telephony/connection";
import { UsageError, requiredString } from "../args";
import { defineCommand } from "../command";
import { requireAgent } from "../options";

/** A refused input as a usage error (exit 2) naming each field; Twilio's own refusal is exit 1. */
function check<T>(r: TelephonyResult<T>, flags: Record<string, string>): T {
  if (r.ok) return r.value;
  const fields = Object.entries(r.fieldErrors).map(([k, m]) => `${flags[k] ?? k}: ${m}`);
  if (fields.length > 0) throw new UsageError(fields.join("; "));
  throw new Error(r.formError ?? "failed");
}

export const twilioCommand = defineCommand({
  name: "twilio",
  summary: "Connect Twilio, assign numbers to agents, show the connection",
  synopsis: "<connect|test|status|assign|disconnect> [options]",
  about: `Telephony (Settings → Telephony) for scripts and tests. Every change is in the audit log (actor CLI).

  twilio connect --sid AC… --token … --public-url URL [--no-verify]
      store the credentials (the token encrypted); without --no-verify the SDK fetches the account first
  twilio test                            fetch the account through the SDK; prints its name
  twilio status [--json]                 the connection (never the token) and the numbers with their agents
  twilio assign --number +1… --agent A [--by-hand]
      point the number at the agent: through the SDK (voice URL + status callback), or print the URLs to paste
  twilio disconnect                      delete the credentials`,
  subcommands: ["connect", "test", "status", "assign", "disconnect"],
  options: {
    sid: { type: "string", value: "<AC…>", help: "Account SID (connect)" },
    token: { type: "string", value: "<token>", help: "Auth Token (connect)" },
    "public-url": { type: "string", value: "<url>", help: "public base URL Twilio reaches this server at (connect)" },
    "no-verify": { type: "boolean", help: "connect without asking Twilio (no network)" },
    number: { type: "string", value: "<+1…>", help: "the number, E.164 (assign)" },
    agent: { type: "string", value: "<id or name>", help: "the agent the number serves (assign)" },
    "by-hand": { type: "boolean", help: "assign without the SDK; print the URLs to paste (no network)" },
    json: { type: "boolean", help: "print JSON (status)" },
  },
  async run(values, io, { subcommand: sub }) {
    const db = openDb();
    const file = databaseFile();
    try {
      if (sub === "connect") {
        const input = {
          accountSid: requiredString(values, "sid"),
          authToken: requiredString(values, "token"),
          publicBaseUrl: requiredString(values, "public-url"),
        };
        const verify = values["no-verify"] !== true;
        const c = check(await connectTwilio(db, file, input, { verify, actor: CLI_ACTOR }), {
          accountSid: "--sid",
          authToken: "--token",
          publicBaseUrl: "--public-url",
        });
        io.out(
          `Connected ${c.accountSid}${c.friendlyName ? ` (${c.friendlyName})` : " (not verified)"}; public URL ${c.publicBaseUrl}\n`,
        );
        return 0;
      }
      if (sub === "test") {
        io.out(`Connected: ${check(await testTwilioConnection(db, file), {})}\n`);
        return 0;
      }
      if (sub === "status") {
        const connection = getTwilioConnection(db);
        const numbers = listTwilioNumbers(db);
        if (values.json === true) {
          io.out(JSON.stringify({ connection, numbers }, null, 2) + "\n");
          return 0;
        }
        if (!connection) io.out("Twilio is not connected\n");
        else
          io.out(
            `${connection.accountSid} ${connection.friendlyName ? `(${connection.friendlyName})` : "(not verified)"}, public URL ${connection.publicBaseUrl}\n`,
          );
        for (const n of numbers) io.out(`  ${n.phoneNumber}  ${n.agentName ?? "no agent"}\n`);
        return 0;
      }
      if (sub === "assign") {
        const phoneNumber = requiredString(values, "number");
        const agent = requireAgent(db, requiredString(values, "agent"));
        const byHand = values["by-hand"] === true;
        const { number, urls } = check(
          await assignNumber(db, file, { phoneNumber, agentId: agent.id }, { byHand, actor: CLI_ACTOR }),
          { phoneNumber: "--number", agentId: "--agent" },
        );
        io.out(`${number.phoneNumber} serves ${agent.name}\n`);
        if (byHand)
          io.out(
            `In Twilio's console, set the number's voice configuration:\n  A call comes in (HTTP POST): ${urls.voiceUrl}\n  Call status changes (HTTP POST): ${urls.statusCallback}\n`,
          );
        return 0;
      }
      // disconnect
      check(disconnectTwilio(db, CLI_ACTOR), {});
      io.out("Disconnected: the credentials are deleted\n");
      return 0;
    } finally {
      db.$client.close();
    }
  },
});
