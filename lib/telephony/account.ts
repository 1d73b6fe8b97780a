import { z } from "zod";

/**
 * The Twilio connection's input and the URLs Twilio calls (docs/design.md §14). Pure: the
 * Settings form, the server actions and the CLI validate with these same schemas.
 */

export const ACCOUNT_SID_PATTERN = /^AC[0-9a-f]{32}$/;
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

export const accountSidSchema = z
  .string()
  .trim()
  .regex(ACCOUNT_SID_PATTERN, "An Account SID is AC followed by 32 hexadecimal characters (lower case)");

export const authTokenSchema = z
  .string()
  .trim()
  .min(1, "Enter the Auth Token")
  .max(128, "An Auth Token is at most 128 characters")
  .regex(/^[A-Za-z0-9]+$/, "An Auth Token holds only letters and digits");

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Where Twilio reaches this server: https, or http for localhost (tests, a local tunnel's far end). */
export const publicBaseUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the public base URL Twilio reaches this server at")
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full URL, e.g. https://switchboard.example.com" });
      return z.NEVER;
    }
    const local = LOCAL_HOSTS.has(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
      ctx.addIssue({ code: "custom", message: "Use https:// (http:// only for localhost)" });
      return z.NEVER;
    }
    if (url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Give the base URL only: no query, fragment or credentials" });
      return z.NEVER;
    }
    // No trailing slash, so `${base}/voice/call` is the URL Twilio signs.
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  });

export const connectInputSchema = z.object({
  accountSid: accountSidSchema,
  authToken: authTokenSchema,
  publicBaseUrl: publicBaseUrlSchema,
});
export type ConnectInput = z.output<typeof connectInputSchema>;

export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(E164_PATTERN, "Enter the number in E.164 form, e.g. +14155550123");

export const assignInputSchema = z.object({
  phoneNumber: phoneNumberSchema,
  agentId: z.string().min(1, "Choose an agent"),
});

/** What a page may know about the connection: never the token. */
export interface TwilioConnection {
  accountSid: string;
  publicBaseUrl: string;
  friendlyName: string | null;
  connectedAt: string;
  verifiedAt: string | null;
}

export interface TwilioNumber {
  phoneNumber: string;
  sid: string | null;
  friendlyName: string;
  agentId: string | null;
  agentName: string | null;
  assignedBy: "sdk" | "hand" | null;
  assignedAt: string | null;
}

/** The webhook paths (app/voice/*). Each URL after the first carries the conversation id. */
export const VOICE_PATHS = {
  call: "/voice/call",
  gather: "/voice/gather",
  transfer: "/voice/transfer",
  status: "/voice/status",
} as const;

export interface NumberUrls {
  /** "A call comes in": POST. */
  voiceUrl: string;
  /** "Call status changes": POST. */
  statusCallback: string;
}

export function numberUrls(publicBaseUrl: string): NumberUrls {
  return { voiceUrl: `${publicBaseUrl}${VOICE_PATHS.call}`, statusCallback: `${publicBaseUrl}${VOICE_PATHS.status}` };
}

/** A webhook URL the TwiML names: the conversation id rides in the query, which Twilio signs with the URL. */
export function callUrl(publicBaseUrl: string, path: string, conversationId: string): string {
  return `${publicBaseUrl}${path}?conversation=${encodeURIComponent(conversationId)}`;
}

/** The token in a form shown back to a person: never more than its last four characters. */
export function maskedToken(token: string): string {
  return `••••${token.slice(-4)}`;
}

/** What a destination form needs to know about Twilio. */
export interface DestinationTelephony {
  /** The account's numbers, offered as `tel:` routes. */
  routeNumbers: readonly string[];
  /** The numbers that call this agent; when there are any, Twilio's header rules apply. */
  agentNumbers: readonly string[];
}
