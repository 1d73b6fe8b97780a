// The REST API's paths and the methods each route file exports, so requests with any other method
// get a JSON 405 with an Allow header before Next.js sees them (Next answers an unexported method
// with an empty 405, a method it does not know with an empty 400, and TRACE with a 500). Plain
// JavaScript: the production server (scripts/serve.mjs) uses it before Next runs, and proxy.ts for
// everything else. endpoints.test.ts keeps the table equal to the route files.

/** Path template (`{name}` is one segment) → the methods its route.ts exports. */
export const API_ENDPOINTS = {
  "/api/v1/agents": ["GET"],
  "/api/v1/agents/import": ["POST"],
  "/api/v1/agents/{agentId}": ["GET"],
  "/api/v1/agents/{agentId}/conversations": ["GET"],
  "/api/v1/agents/{agentId}/export": ["GET"],
  "/api/v1/agents/{agentId}/flows": ["GET"],
  "/api/v1/agents/{agentId}/handoffs": ["GET", "POST"],
  "/api/v1/agents/{agentId}/handoffs/export": ["GET"],
  "/api/v1/agents/{agentId}/handoffs/import": ["POST"],
  "/api/v1/agents/{agentId}/scenarios": ["GET"],
  "/api/v1/agents/{agentId}/validate": ["GET"],
  "/api/v1/agents/{agentId}/scenarios/run": ["POST"],
  "/api/v1/agents/{agentId}/versions": ["GET", "POST"],
  "/api/v1/agents/{agentId}/versions/{version}": ["GET"],
  "/api/v1/agents/{agentId}/versions/{version}/diff/{other}": ["GET"],
  "/api/v1/agents/{agentId}/versions/{version}/promote": ["POST"],
  "/api/v1/audit": ["GET"],
  "/api/v1/agents/{agentId}/handoffs/{handoffId}": ["GET", "PUT", "PATCH", "DELETE"],
  "/api/v1/agents/{agentId}/handoffs/{handoffId}/default": ["POST"],
  "/api/v1/conversations/{conversationId}": ["GET"],
  "/api/v1/flows/{flowId}": ["GET"],
  "/api/v1/flows/{flowId}/export": ["GET"],
  "/api/v1/openapi.json": ["GET"],
};

/** The methods Next.js routes to a route handler; it answers HEAD with GET and OPTIONS itself. */
export const ROUTED_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

const TEMPLATES = Object.keys(API_ENDPOINTS).map((template) => ({
  template,
  segments: template.split("/").slice(1),
}));

/** The template a path belongs to, preferring a literal segment over a `{name}` (as Next does). */
export function matchEndpoint(pathname) {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const segments = path.split("/").slice(1);
  let best = null;
  let bestScore = "";
  for (const t of TEMPLATES) {
    if (t.segments.length !== segments.length) continue;
    let score = "";
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      const s = t.segments[i];
      if (s.startsWith("{")) ok = segments[i] !== "";
      else ok = s === segments[i];
      score += s.startsWith("{") ? "0" : "1";
    }
    if (ok && score > bestScore) {
      best = t.template;
      bestScore = score;
    }
  }
  return best;
}

/** What the Allow header lists for a template: its methods, HEAD with GET, and OPTIONS. */
export function allowedMethods(template) {
  const methods = new Set(API_ENDPOINTS[template]);
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return [...methods].sort();
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/**
 * The answer to a request whose method an API path does not take, or null to let Next route it:
 * 405 with the path's Allow. An unknown path belongs to the catch-all route (a JSON 404 for every
 * method Next routes), so it takes those. `{ status, headers, body }` with a JSON body string.
 */
export function refuseApiMethod(method, pathname) {
  if (!pathname.startsWith("/api/")) return null;
  const template = matchEndpoint(pathname);
  const allow = template === null ? [...ROUTED_METHODS].sort() : allowedMethods(template);
  if (allow.includes(method)) return null;
  const what = template ?? pathname;
  return {
    status: 405,
    headers: { ...JSON_HEADERS, allow: allow.join(", ") },
    body: JSON.stringify({
      error: {
        code: "method_not_allowed",
        message: `${method} is not allowed on ${what}; it takes ${allow.join(", ")}`,
      },
    }),
  };
}
