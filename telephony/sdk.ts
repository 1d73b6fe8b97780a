import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { numberUrls } from "../lib/telephony/account";

/**
 * Twilio's REST API through the official SDK (docs/design.md §14): fetch the account, list the
 * incoming numbers, point a number at this server. Tests swap the SDK's HTTP client for a fake
 * (`useTwilioHttpClient`), so the requests the SDK itself builds are what they assert.
 */

/** What the SDK asks of its HTTP client: one request in, status and body (JSON text) out. */
export interface TwilioHttpClient {
  request(opts: RequestClient.RequestOptions): Promise<{ statusCode: number; body: unknown; headers: unknown }>;
}

let httpClientOverride: TwilioHttpClient | null = null;

/** Tests only: every client made after this call sends its requests to `client` (null restores HTTPS). */
export function useTwilioHttpClient(client: TwilioHttpClient | null): void {
  httpClientOverride = client;
}

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

function clientFor(creds: TwilioCredentials) {
  return twilio(creds.accountSid, creds.authToken, {
    timeout: 10_000,
    ...(httpClientOverride ? { httpClient: httpClientOverride as unknown as RequestClient } : {}),
  });
}

/** Twilio's error as a person can act on it, e.g. "Twilio answered 401: Authenticate (code 20003)". */
export function twilioErrorMessage(e: unknown): string {
  const err = e as { status?: number; code?: number; message?: string };
  if (typeof err?.status === "number") {
    const code = err.code ? ` (code ${err.code})` : "";
    return `Twilio answered ${err.status}: ${err.message ?? "error"}${code}`;
  }
  return `Could not reach Twilio: ${e instanceof Error ? e.message : String(e)}`;
}

export async function fetchAccountName(creds: TwilioCredentials): Promise<string> {
  const account = await clientFor(creds).api.v2010.accounts(creds.accountSid).fetch();
  return account.friendlyName;
}

export interface ListedNumber {
  phoneNumber: string;
  sid: string;
  friendlyName: string;
  voiceUrl: string | null;
}

export async function listIncomingNumbers(creds: TwilioCredentials): Promise<ListedNumber[]> {
  const numbers = await clientFor(creds).incomingPhoneNumbers.list({ limit: 1000 });
  return numbers.map((n) => ({
    phoneNumber: n.phoneNumber,
    sid: n.sid,
    friendlyName: n.friendlyName,
    voiceUrl: n.voiceUrl ?? null,
  }));
}

/** Sets the number's voice URL and status callback to this server; returns the number's sid. */
export async function pointNumberAtServer(
  creds: TwilioCredentials,
  phoneNumber: string,
  publicBaseUrl: string,
): Promise<string> {
  const client = clientFor(creds);
  const [found] = await client.incomingPhoneNumbers.list({ phoneNumber, limit: 1 });
  if (!found) throw new Error(`${phoneNumber} is not one of this Twilio account's incoming numbers`);
  const urls = numberUrls(publicBaseUrl);
  await client.incomingPhoneNumbers(found.sid).update({
    voiceUrl: urls.voiceUrl,
    voiceMethod: "POST",
    statusCallback: urls.statusCallback,
    statusCallbackMethod: "POST",
  });
  return found.sid;
}
