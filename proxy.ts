import { NextResponse, type NextRequest } from "next/server";
import { refuseApiMethod } from "@/lib/api/endpoints.mjs";

/**
 * A path whose percent-escapes do not decode (e.g. `/api/v1/agents/%E0%A4%A`) makes Next's router
 * fail with a 500 before any route runs. Answer it here with a 400 instead: nothing a client sends
 * may produce a 5xx.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    const message = "The request path is not valid percent-encoded UTF-8";
    if (request.nextUrl.pathname.startsWith("/api/")) {
      return NextResponse.json({ error: { code: "invalid_request", message } }, { status: 400 });
    }
    return new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // A method an API path does not take: a JSON 405 with Allow (Next would send an empty 405 or 400).
  const refused = refuseApiMethod(request.method, request.nextUrl.pathname);
  if (refused) return new NextResponse(refused.body, { status: refused.status, headers: refused.headers });
  return NextResponse.next();
}

export const config = {
  // Static assets never carry user-written segments; skip them to keep the hot path short.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|pyodide/).*)"],
};
