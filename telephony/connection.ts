import type { Db } from "../db/client";
import { getAgent } from "../db/repositories/agents";
import { appendAudit } from "../db/repositories/audit";
import {
  assignTwilioNumber,
  deleteTwilioConnection,
  getTwilioConnection,
  getTwilioCredentials,
  markTwilioVerified,
  saveTwilioConnection,
  upsertListedNumbers,
} from "../db/repositories/telephony";
import { writeTransaction } from "../db/transaction";
import type { AuditActor, AuditChange } from "../lib/audit/types";
import {
  assignInputSchema,
  connectInputSchema,
  numberUrls,
  type NumberUrls,
  type TwilioConnection,
  type TwilioNumber,
} from "../lib/telephony/account";
import { parseWith } from "../lib/validation/field-errors";
import type { FieldErrors } from "../lib/validation/field-errors";
import { seal, telephonyKey, unseal } from "./secret-box";
import {
  fetchAccountName,
  listIncomingNumbers,
  pointNumberAtServer,
  twilioErrorMessage,
  type TwilioCredentials,
} from "./sdk";

/**
 * Settings → Telephony and `cli twilio`: one implementation of connect, test, disconnect, list
 * and assign, each change audited in the transaction that makes it.
 */

export type TelephonyResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors; formError?: string };

const fail = <T>(formError: string, fieldErrors: FieldErrors = {}): TelephonyResult<T> => ({
  ok: false,
  fieldErrors,
  formError,
});

function change(action: string, targetName: string, summary: string): AuditChange {
  return { action: `telephony.${action}`, targetType: "telephony", targetId: null, targetName, agentId: null, summary };
}

/** The stored token, decrypted, for the server's own calls to Twilio and its signature checks. */
// The last token opened, by its sealed form and key: a reconnect seals with a new IV, so a changed
// token or key never reads a stale value.
let opened: { sealed: string; key: Buffer; token: string } | null = null;

export function storedCredentials(db: Db, databaseFile: string): (TwilioConnection & TwilioCredentials) | null {
  const creds = getTwilioCredentials(db);
  if (!creds) return null;
  const { sealedToken, ...connection } = creds;
  const key = telephonyKey(databaseFile);
  if (!opened || opened.sealed !== sealedToken || !opened.key.equals(key)) {
    opened = { sealed: sealedToken, key, token: unseal(sealedToken, key) };
  }
  return { ...connection, authToken: opened.token };
}

export async function connectTwilio(
  db: Db,
  databaseFile: string,
  input: unknown,
  options: { verify: boolean; actor: AuditActor },
): Promise<TelephonyResult<TwilioConnection>> {
  const parsed = parseWith(connectInputSchema, input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  const { accountSid, authToken, publicBaseUrl } = parsed.value;
  let friendlyName: string | null = null;
  if (options.verify) {
    try {
      friendlyName = await fetchAccountName({ accountSid, authToken });
    } catch (e) {
      return fail(`${twilioErrorMessage(e)}. Nothing was saved.`);
    }
  }
  const sealedToken = seal(authToken, telephonyKey(databaseFile));
  const connection = writeTransaction(db, () => {
    const before = getTwilioConnection(db);
    const saved = saveTwilioConnection(db, { accountSid, sealedToken, publicBaseUrl, friendlyName });
    const what = before ? `replaced ${before.accountSid}` : "connected";
    appendAudit(
      db,
      options.actor,
      change(
        "connected",
        accountSid,
        `${what}; public URL ${publicBaseUrl}; ${friendlyName ? `verified (${friendlyName})` : "not verified"}`,
      ),
    );
    return saved;
  });
  return { ok: true, value: connection };
}

/** Fetches the account through the SDK: its friendly name, or Twilio's error. */
export async function testTwilioConnection(db: Db, databaseFile: string): Promise<TelephonyResult<string>> {
  let creds;
  try {
    creds = storedCredentials(db, databaseFile);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (!creds) return fail("Twilio is not connected");
  try {
    const name = await fetchAccountName(creds);
    markTwilioVerified(db, name);
    return { ok: true, value: name };
  } catch (e) {
    return fail(twilioErrorMessage(e));
  }
}

export function disconnectTwilio(db: Db, actor: AuditActor): TelephonyResult<null> {
  return writeTransaction(db, () => {
    const before = deleteTwilioConnection(db);
    if (!before) return fail<null>("Twilio is not connected");
    appendAudit(db, actor, change("disconnected", before.accountSid, "credentials deleted; numbers keep their agents"));
    return { ok: true, value: null };
  });
}

/** Lists the account's incoming numbers through the SDK and stores them (assignments are kept). */
export async function refreshTwilioNumbers(db: Db, databaseFile: string): Promise<TelephonyResult<number>> {
  let creds;
  try {
    creds = storedCredentials(db, databaseFile);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (!creds) return fail("Connect Twilio first");
  try {
    const numbers = await listIncomingNumbers(creds);
    writeTransaction(db, () => upsertListedNumbers(db, numbers));
    return { ok: true, value: numbers.length };
  } catch (e) {
    return fail(twilioErrorMessage(e));
  }
}

export interface Assigned {
  number: TwilioNumber;
  urls: NumberUrls;
}

/**
 * Points a number at an agent. Through the SDK, Twilio's voice URL and status callback are set
 * first (nothing is stored when Twilio refuses); by hand, the URLs to paste are returned.
 */
export async function assignNumber(
  db: Db,
  databaseFile: string,
  input: unknown,
  options: { byHand: boolean; actor: AuditActor },
): Promise<TelephonyResult<Assigned>> {
  const parsed = parseWith(assignInputSchema, input);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  const { phoneNumber, agentId } = parsed.value;
  const agent = getAgent(db, agentId);
  if (!agent) return fail("No such agent", { agentId: "No such agent" });
  let creds;
  try {
    creds = storedCredentials(db, databaseFile);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (!creds) return fail("Connect Twilio first: the URLs to give Twilio start with its public base URL");
  const urls = numberUrls(creds.publicBaseUrl);
  let sid: string | null = null;
  if (!options.byHand) {
    try {
      sid = await pointNumberAtServer(creds, phoneNumber, creds.publicBaseUrl);
    } catch (e) {
      const message =
        e instanceof Error && !("status" in e) && e.message.includes("incoming numbers")
          ? e.message
          : twilioErrorMessage(e);
      return fail(`${message}. Nothing was changed; Assign by hand shows the URLs to paste.`);
    }
  }
  const number = writeTransaction(db, () => {
    const { before, after } = assignTwilioNumber(db, {
      phoneNumber,
      agentId,
      by: options.byHand ? "hand" : "sdk",
      sid,
    });
    const was = before?.agentName ? ` (was ${before.agentName})` : "";
    appendAudit(db, options.actor, {
      ...change(
        "number_assigned",
        phoneNumber,
        `serves ${agent.name}${was}; ${options.byHand ? "voice URL pasted by hand" : "voice URL set through the Twilio API"}`,
      ),
      agentId,
    });
    return after;
  });
  return { ok: true, value: { number, urls } };
}
