import { type AllowedHost, formatAllowedHosts, isAllowedHost, parseHostHeader } from "./hosts";

/**
 * Decides, before any route runs, whether a request may reach the app: the Host must be one this
 * server answers to, a state-changing request must come from a page of this origin (or from no
 * page at all: curl, scripts, the CLI), and JSON routes take only `application/json` bodies, which
 * a cross-site form or `no-cors` fetch cannot send. Pure: the proxy feeds it headers and answers
 * with what it returns.
 */

export interface GuardedRequest {
  method: string;
  /** The URL path, e.g. `/api/v1/agents`. */
  path: string;
  headers: { get(name: string): string | null };
}

export interface Refusal {
  status: 403 | 415;
  code: "forbidden" | "unsupported_media_type";
  message: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
const SAVE_ROUTE = /^\/agents\/[^/]+\/flows\/[^/]+\/save\/?$/;
/** Import agent: the studio posts the file's JSON here. */
const IMPORT_ROUTE = /^\/agents\/[^/]+\/import\/?$/;

/** Routes that answer in JSON (and whose refusals are JSON too). */
export function isJsonRoute(path: string): boolean {
  return path === "/api" || path.startsWith("/api/") || SAVE_ROUTE.test(path) || IMPORT_ROUTE.test(path);
}

/**
 * Twilio's voice webhooks. Twilio reaches them through the public base URL, whose host this server
 * may not list, and posts forms without Origin; each request is checked against its
 * X-Twilio-Signature instead, so the Host allow-list (a defence for browsers) does not apply.
 */
export function isSignedWebhook(path: string): boolean {
  return path.startsWith("/voice/");
}

export function checkRequest(req: GuardedRequest, allowedHosts: readonly AllowedHost[]): Refusal | null {
  const host = req.headers.get("host");
  if (isSignedWebhook(req.path)) return null;
  if (!isAllowedHost(host, allowedHosts)) {
    return forbidden(
      `This server does not answer to the host "${host ?? ""}". Allowed: ${formatAllowedHosts(allowedHosts)}. ` +
        "Add it to SWITCHBOARD_ALLOWED_HOSTS (comma-separated host[:port]).",
    );
  }
  const method = req.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return null;

  const foreign = foreignSource(req.headers, host as string);
  if (foreign)
    return forbidden(`Cross-site request refused: ${foreign}. Writes are accepted only from this app's own pages.`);

  if (BODY_METHODS.has(method) && isJsonRoute(req.path) && hasBody(req.headers)) {
    const type = mediaType(req.headers.get("content-type"));
    if (type !== "application/json") {
      return {
        status: 415,
        code: "unsupported_media_type",
        message: `Send the body as JSON with Content-Type: application/json (got ${type ? `"${type}"` : "none"})`,
      };
    }
  }
  return null;
}

function forbidden(message: string): Refusal {
  return { status: 403, code: "forbidden", message };
}

/**
 * Why the request comes from another site, or null. Browsers send Origin on every cross-origin
 * request and on same-origin POSTs; where it is missing, Sec-Fetch-Site and then Referer tell.
 * A request with none of the three did not come from a web page, so it is no cross-site forgery.
 */
function foreignSource(headers: GuardedRequest["headers"], host: string): string | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return "the page has an opaque origin (Origin: null)";
    return sameOrigin(origin, host) ? null : `Origin ${origin} is not this server (${host})`;
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null) {
    return site === "same-origin" || site === "none" ? null : `the browser reports a ${site} request`;
  }
  const referer = headers.get("referer");
  if (referer !== null && referer !== "" && !sameOrigin(referer, host)) {
    return `Referer ${referer} is not this server (${host})`;
  }
  return null;
}

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/** Whether a URL (an Origin or Referer) is on the host the request was sent to. */
function sameOrigin(url: string, hostHeader: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const defaultPort = DEFAULT_PORTS[parsed.protocol];
  const host = parseHostHeader(hostHeader);
  if (!defaultPort || !host) return false;
  return (
    parsed.hostname.toLowerCase().replace(/\.$/, "") === host.hostname &&
    (parsed.port || defaultPort) === (host.port ?? defaultPort)
  );
}

function hasBody(headers: GuardedRequest["headers"]): boolean {
  const length = headers.get("content-length");
  return headers.get("transfer-encoding") !== null || (length !== null && length.trim() !== "0");
}

function mediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  return (contentType.split(";")[0] ?? "").trim().toLowerCase() || null;
}
