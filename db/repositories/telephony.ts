import type { Db } from "../client";
import { nowIso } from "../ids";
import { prepared } from "./statements";
import type { TwilioConnection, TwilioNumber } from "../../lib/telephony/account";

/**
 * The Twilio connection, its numbers and live calls' state (docs/design.md §10). The token is
 * stored sealed (telephony/secret-box.ts); this module never sees it in clear.
 */

interface AccountRow {
  account_sid: string;
  auth_token_encrypted: string;
  public_base_url: string;
  friendly_name: string | null;
  connected_at: string;
  verified_at: string | null;
}

const connectionOf = (r: AccountRow): TwilioConnection => ({
  accountSid: r.account_sid,
  publicBaseUrl: r.public_base_url,
  friendlyName: r.friendly_name,
  connectedAt: r.connected_at,
  verifiedAt: r.verified_at,
});

function accountRow(db: Db): AccountRow | undefined {
  return prepared(db, "SELECT * FROM twilio_account WHERE id = 1").get() as AccountRow | undefined;
}

export function getTwilioConnection(db: Db): TwilioConnection | null {
  const row = accountRow(db);
  return row ? connectionOf(row) : null;
}

/** The connection with its sealed token, for the server's own use (SDK client, signature checks). */
export function getTwilioCredentials(db: Db): (TwilioConnection & { sealedToken: string }) | null {
  const row = accountRow(db);
  return row ? { ...connectionOf(row), sealedToken: row.auth_token_encrypted } : null;
}

/** Connects (or replaces the connection). `friendlyName` set means the SDK verified it just now. */
export function saveTwilioConnection(
  db: Db,
  input: { accountSid: string; sealedToken: string; publicBaseUrl: string; friendlyName: string | null },
): TwilioConnection {
  const now = nowIso();
  prepared(
    db,
    `INSERT INTO twilio_account (id, account_sid, auth_token_encrypted, public_base_url, friendly_name, connected_at, verified_at)
     VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET account_sid = excluded.account_sid, auth_token_encrypted = excluded.auth_token_encrypted,
       public_base_url = excluded.public_base_url, friendly_name = excluded.friendly_name,
       connected_at = excluded.connected_at, verified_at = excluded.verified_at`,
  ).run(
    input.accountSid,
    input.sealedToken,
    input.publicBaseUrl,
    input.friendlyName,
    now,
    input.friendlyName ? now : null,
  );
  return getTwilioConnection(db)!;
}

export function markTwilioVerified(db: Db, friendlyName: string): void {
  prepared(db, "UPDATE twilio_account SET friendly_name = ?, verified_at = ? WHERE id = 1").run(friendlyName, nowIso());
}

/** Deletes the credentials. Numbers keep their agents, so connecting again restores service. */
export function deleteTwilioConnection(db: Db): TwilioConnection | null {
  const before = getTwilioConnection(db);
  prepared(db, "DELETE FROM twilio_account WHERE id = 1").run();
  return before;
}

interface NumberRow {
  phone_number: string;
  sid: string | null;
  friendly_name: string;
  agent_id: string | null;
  agent_name: string | null;
  assigned_by: "sdk" | "hand" | null;
  assigned_at: string | null;
}

const numberOf = (r: NumberRow): TwilioNumber => ({
  phoneNumber: r.phone_number,
  sid: r.sid,
  friendlyName: r.friendly_name,
  agentId: r.agent_id,
  agentName: r.agent_name,
  assignedBy: r.assigned_by,
  assignedAt: r.assigned_at,
});

const NUMBER_SELECT = `SELECT n.*, a.name AS agent_name FROM twilio_numbers n LEFT JOIN agents a ON a.id = n.agent_id`;

export function listTwilioNumbers(db: Db): TwilioNumber[] {
  return (prepared(db, `${NUMBER_SELECT} ORDER BY n.phone_number`).all() as NumberRow[]).map(numberOf);
}

export function getTwilioNumber(db: Db, phoneNumber: string): TwilioNumber | null {
  const row = prepared(db, `${NUMBER_SELECT} WHERE n.phone_number = ?`).get(phoneNumber) as NumberRow | undefined;
  return row ? numberOf(row) : null;
}

/** The numbers that serve an agent (a destination form warns about Twilio's header rules when there are any). */
export function twilioNumbersOfAgent(db: Db, agentId: string): string[] {
  return (
    prepared(db, "SELECT phone_number FROM twilio_numbers WHERE agent_id = ? ORDER BY phone_number").all(agentId) as {
      phone_number: string;
    }[]
  ).map((r) => r.phone_number);
}

/** Numbers as the SDK listed them: new ones added, names and sids refreshed, assignments kept. */
export function upsertListedNumbers(
  db: Db,
  numbers: readonly { phoneNumber: string; sid: string; friendlyName: string }[],
) {
  const stmt = prepared(
    db,
    `INSERT INTO twilio_numbers (phone_number, sid, friendly_name) VALUES (?, ?, ?)
     ON CONFLICT(phone_number) DO UPDATE SET sid = excluded.sid, friendly_name = excluded.friendly_name`,
  );
  for (const n of numbers) stmt.run(n.phoneNumber, n.sid, n.friendlyName);
}

/** Points a number at an agent; returns the number as it was before (null: a new number). */
export function assignTwilioNumber(
  db: Db,
  input: { phoneNumber: string; agentId: string; by: "sdk" | "hand"; sid?: string | null },
): { before: TwilioNumber | null; after: TwilioNumber } {
  const before = getTwilioNumber(db, input.phoneNumber);
  prepared(
    db,
    `INSERT INTO twilio_numbers (phone_number, sid, agent_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(phone_number) DO UPDATE SET agent_id = excluded.agent_id, assigned_by = excluded.assigned_by,
       assigned_at = excluded.assigned_at, sid = COALESCE(excluded.sid, twilio_numbers.sid)`,
  ).run(input.phoneNumber, input.sid ?? null, input.agentId, input.by, nowIso());
  return { before, after: getTwilioNumber(db, input.phoneNumber)! };
}

// ---- live calls ------------------------------------------------------------------------------

export interface StoredCall {
  conversationId: string;
  agentId: string;
  version: number;
  callSid: string;
  fromNumber: string;
  toNumber: string;
  startedAt: string;
  session: unknown;
  turnStart: unknown;
  turnEvents: unknown[];
  revision: number;
  finishedAt: string | null;
}

interface CallRow {
  conversation_id: string;
  agent_id: string;
  version: number;
  call_sid: string;
  from_number: string;
  to_number: string;
  started_at: string;
  session: string;
  turn_start: string;
  turn_events: string;
  revision: number;
  finished_at: string | null;
}

const callOf = (r: CallRow): StoredCall => ({
  conversationId: r.conversation_id,
  agentId: r.agent_id,
  version: r.version,
  callSid: r.call_sid,
  fromNumber: r.from_number,
  toNumber: r.to_number,
  startedAt: r.started_at,
  session: JSON.parse(r.session),
  turnStart: JSON.parse(r.turn_start),
  turnEvents: JSON.parse(r.turn_events) as unknown[],
  revision: r.revision,
  finishedAt: r.finished_at,
});

export function insertTwilioCall(db: Db, call: Omit<StoredCall, "revision" | "finishedAt">): void {
  prepared(
    db,
    `INSERT INTO twilio_calls (conversation_id, agent_id, version, call_sid, from_number, to_number, started_at, session, turn_start, turn_events, revision, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  ).run(
    call.conversationId,
    call.agentId,
    call.version,
    call.callSid,
    call.fromNumber,
    call.toNumber,
    call.startedAt,
    JSON.stringify(call.session),
    JSON.stringify(call.turnStart),
    JSON.stringify(call.turnEvents),
    nowIso(),
  );
}

export function getTwilioCall(db: Db, conversationId: string): StoredCall | null {
  const row = prepared(db, "SELECT * FROM twilio_calls WHERE conversation_id = ?").get(conversationId) as
    | CallRow
    | undefined;
  return row ? callOf(row) : null;
}

export function getTwilioCallBySid(db: Db, callSid: string): StoredCall | null {
  const row = prepared(db, "SELECT * FROM twilio_calls WHERE call_sid = ?").get(callSid) as CallRow | undefined;
  return row ? callOf(row) : null;
}

/**
 * Saves a turn's result if nobody saved since `revision` was read; false means another webhook
 * of the same call won (Twilio retried, or two requests raced) and this one must not overwrite it.
 */
export function saveTwilioCall(
  db: Db,
  conversationId: string,
  revision: number,
  state: { session: unknown; turnStart: unknown; turnEvents: unknown[]; finished?: boolean },
): boolean {
  const now = nowIso();
  const result = prepared(
    db,
    `UPDATE twilio_calls SET session = ?, turn_start = ?, turn_events = ?, revision = revision + 1, updated_at = ?,
       finished_at = CASE WHEN ? THEN ? ELSE finished_at END
     WHERE conversation_id = ? AND revision = ?`,
  ).run(
    JSON.stringify(state.session),
    JSON.stringify(state.turnStart),
    JSON.stringify(state.turnEvents),
    now,
    state.finished ? 1 : 0,
    now,
    conversationId,
    revision,
  );
  return result.changes === 1;
}
