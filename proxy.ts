import { hostname as machineName, networkInterfaces } from "node:os";
import { NextResponse, type NextRequest } from "next/server";
import { refuseApiMethod } from "@/lib/api/endpoints.mjs";
import type { ErrorCode } from "@/lib/api/errors";
import {
  NON_PAGE_CONTENT_SECURITY_POLICY,
  newNonce,
  pageContentSecurityPolicy,
} from "@/lib/security/content-security-policy";
import { type AllowedHost, defaultAllowedHosts, parseAllowedHosts } from "@/lib/security/hosts";
import { checkRequest, isJsonRoute } from "@/lib/security/request-guard";
import { REQUEST_PATH_HEADER, SIGN_IN_PATH, signInUrl } from "@/lib/auth/return-path";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";

/**
 * Runs before routing, for every request but static assets (see `config.matcher`):
 * 1. a path whose percent-escapes do not decode is a 400 here (Next's router would answer 500);
 * 2. `checkRequest` refuses unknown Hosts (DNS rebinding), cross-site writes (server actions
 *    included: they are POSTs to page paths) and non-JSON bodies on JSON routes, with 403/415;
 * 3. a method an API path does not take is a JSON 405 with Allow (`lib/api/endpoints.mjs`);
 * 4. a page asked for without a session cookie redirects to `/sign-in?next=…` (the page itself
 *    checks a cookie that is there: it may have expired or been signed out everywhere);
 * 5. every response gets its Content-Security-Policy; pages get a fresh nonce, which Next reads
 *    from the request's CSP header and puts on its own scripts, and `x-switchboard-path`, the
 *    path to come back to after signing in.
 * The headers every response shares (nosniff, Referrer-Policy, …) are in next.config.mjs.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  try {
    decodeURIComponent(path);
  } catch {
    return refuse(path, 400, "invalid_request", "The request path is not valid percent-encoded UTF-8");
  }

  const refusal = checkRequest({ method: request.method, path, headers: request.headers }, allowedHosts());
  if (refusal) return refuse(path, refusal.status, refusal.code, refusal.message);
  // A method an API path does not take: a JSON 405 with Allow (Next would send an empty 405 or 400).
  const wrongMethod = refuseApiMethod(request.method, path);
  if (wrongMethod) {
    return new NextResponse(wrongMethod.body, {
      status: wrongMethod.status,
      headers: { ...wrongMethod.headers, "content-security-policy": NON_PAGE_CONTENT_SECURITY_POLICY },
    });
  }

  if (isJsonRoute(path)) {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", NON_PAGE_CONTENT_SECURITY_POLICY);
    return response;
  }
  const pathAndQuery = `${path}${request.nextUrl.search}`;
  if (isPageView(request) && path !== SIGN_IN_PATH && !SESSION_COOKIE_NAMES.some((n) => request.cookies.has(n))) {
    // Next's proxy adapter turns a same-origin Location into a relative one, so the browser stays on its host.
    const response = NextResponse.redirect(new URL(signInUrl(pathAndQuery), request.url));
    response.headers.set("content-security-policy", NON_PAGE_CONTENT_SECURITY_POLICY);
    return response;
  }
  const csp = pageContentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set(REQUEST_PATH_HEADER, pathAndQuery);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/** Someone opening a page (not a server action's POST, nor a file such as /icon.svg). */
function isPageView(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  return !/\.[A-Za-z0-9]+$/.test(request.nextUrl.pathname);
}

function refuse(path: string, status: number, code: ErrorCode, message: string): NextResponse {
  const headers = { "content-security-policy": NON_PAGE_CONTENT_SECURITY_POLICY, "cache-control": "no-store" };
  if (isJsonRoute(path)) return NextResponse.json({ error: { code, message } }, { status, headers });
  return new NextResponse(message, { status, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}

let cachedHosts: AllowedHost[] | undefined;

/** SWITCHBOARD_ALLOWED_HOSTS, else the listening host and loopback on PORT; read once per process. */
export function allowedHosts(env: NodeJS.ProcessEnv = process.env): AllowedHost[] {
  if (cachedHosts && env === process.env) return cachedHosts;
  let hosts: AllowedHost[];
  const configured = env.SWITCHBOARD_ALLOWED_HOSTS?.trim();
  if (configured) {
    const parsed = parseAllowedHosts(configured);
    for (const entry of parsed.invalid) {
      console.error(`SWITCHBOARD_ALLOWED_HOSTS: ignoring "${entry}" (expected host or host:port)`);
    }
    hosts = parsed.hosts;
  } else {
    hosts = defaultAllowedHosts({
      port: env.PORT || "3000",
      listenHost: env.SWITCHBOARD_HOST,
      interfaceAddresses: Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address)),
      machineName: machineName(),
    });
  }
  if (env === process.env) cachedHosts = hosts;
  return hosts;
}

export const config = {
  // Static assets never carry user-written segments or change state; skip them to keep the hot
  // path short.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|pyodide/).*)"],
};
