/**
 * Every server action (app/**\/actions.ts) and route handler (app/**\/route.ts) is found on disk
 * and called: signed out it must refuse (401 / its error result) and with each role that lacks its
 * permission it must refuse (403), changing nothing. A new action or route without a check fails
 * here, because it has no permission attached or because it answers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { useTempDatabase } from "@/app/api/v1/_lib/testing/api";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("@/auth/testing/sessions")).nextHeadersMock);
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { redirectTo: to });
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
}));

const tmp = useTempDatabase("guards");
const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { createApiKey } = await import("@/db/repositories/api-keys");
const { actAs, sessionCookie, signedInAs } = await import("@/auth/testing/sessions");
const { PERMISSION_NAMES, ROLES, SIGNED_OUT_MESSAGE, can, rolesWithout } = await import("@/lib/auth/roles");
type Role = (typeof ROLES)[number];

const appDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(appDir);

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesNamed(path.join(dir, e.name), name) : e.name === name ? [path.join(dir, e.name)] : [],
  );
}

const actionFiles = filesNamed(appDir, "actions.ts");
const routeFiles = filesNamed(appDir, "route.ts");
const rel = (f: string) => path.relative(root, f);

/** Actions anyone may call: signing in and the first-run form. Nothing else may be public. */
const PUBLIC_ACTIONS = new Set([
  "app/sign-in/actions.ts#signInAction",
  "app/sign-in/actions.ts#createFirstAdminAction",
]);
/**
 * Public routes: the OpenAPI document, the JSON 404 for unknown API paths, and the fixed TwiML
 * that bench:voice measures beside the webhooks (it reads and writes nothing).
 */
const PUBLIC_ROUTES = new Set([
  "app/api/v1/openapi.json/route.ts",
  "app/api/v1/[...path]/route.ts",
  "app/bench/twiml/route.ts",
]);
/**
 * Twilio's voice webhooks: Twilio has no session or API key, so each request is guarded by its
 * X-Twilio-Signature (checked before anything runs) instead. These must refuse an unsigned request.
 */
const SIGNATURE_ROUTES = new Set([
  "app/voice/call/route.ts",
  "app/voice/gather/route.ts",
  "app/voice/transfer/route.ts",
  "app/voice/status/route.ts",
]);

type Guarded = ((...args: unknown[]) => Promise<unknown>) & { permission?: string; public?: true };
type Route = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  access?: { permission: string } | { public: true } | { signature: "twilio" };
};

const cookies = new Map<Role, string>();
const emails = new Map<Role, string>();
const keys = new Map<Role, string>();
let agentId: string;

/** Everything a refused request must leave untouched. */
function snapshot(): string {
  const db = getDb().$client;
  const tables = [
    "agents",
    "handoff_destinations",
    "variables",
    "flows",
    "functions",
    "api_keys",
    "users",
    "audit_log",
    "conversations",
  ];
  const rows = tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[]);
  // Authenticating a key notes when it was last used; that is not a change the request made.
  for (const row of rows[tables.indexOf("api_keys")]!) delete row.last_used_at;
  return rows.map((r) => JSON.stringify(r)).join("\n");
}

beforeAll(async () => {
  agentId = listAgents(getDb())[0]!.id;
  for (const role of ROLES) {
    const { cookie, id } = await signedInAs(role, `${role}@guards.example`);
    cookies.set(role, cookie);
    emails.set(role, `${role}@guards.example`);
    keys.set(role, createApiKey(getDb(), `${role} key`, { id, name: role, email: `${role}@x`, role }).secret);
  }
});
afterAll(() => {
  getDb().$client.close();
  tmp.cleanup();
});

// Plausible arguments, so an action that forgot its check would reach its writes.
const ARGS = () => [agentId, "x", { name: "Probe", method: "refer", route: "2001" }, 1];

/**
 * Pages check for themselves: a layout's check does not run when the client navigates between
 * pages under it (Next renders only the page segment), so a layout protects nothing on its own.
 */
describe("pages", () => {
  const pageFiles = filesNamed(appDir, "page.tsx");
  const PUBLIC_PAGES = new Set(["app/sign-in/page.tsx"]);

  it("are found on disk", () => {
    expect(pageFiles.length).toBeGreaterThan(10);
  });

  it.each(pageFiles.map(rel).filter((f) => !PUBLIC_PAGES.has(f)))("%s calls requirePageViewer", (file) => {
    expect(readFileSync(path.join(root, file), "utf8")).toMatch(/await requirePageViewer\(/);
  });
});

describe("server actions", () => {
  it("are found on disk", () => {
    expect(actionFiles.map(rel)).toEqual(
      expect.arrayContaining(["app/agents/[agentId]/handoffs/actions.ts", "app/sign-in/actions.ts"]),
    );
  });

  for (const file of actionFiles) {
    describe(rel(file), async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const exported = Object.entries(mod).filter(([, v]) => typeof v === "function") as [string, Guarded][];
      const source = readFileSync(file, "utf8");

      it("exports only checked or deliberately public actions", () => {
        expect(source.startsWith('"use server"')).toBe(true);
        for (const [name, fn] of exported) {
          const id = `${rel(file)}#${name}`;
          if (fn.public) expect(PUBLIC_ACTIONS, `${id} is public`).toContain(id);
          else
            expect(PERMISSION_NAMES, `${id} has no permission check (wrap it in guardedAction)`).toContain(
              fn.permission,
            );
        }
      });

      for (const [name, fn] of exported) {
        // Anything unchecked already failed above; the calls below need a known permission.
        if (fn.public || !PERMISSION_NAMES.includes(fn.permission as never)) continue;
        it(`${name} refuses a signed-out request and changes nothing`, async () => {
          const before = snapshot();
          actAs(null);
          const result = await fn(...ARGS());
          expect(JSON.stringify(result ?? null)).toContain(SIGNED_OUT_MESSAGE);
          expect(snapshot()).toBe(before);
        });
        for (const role of rolesWithout(fn.permission as never)) {
          it(`${name} refuses ${role} (403) and changes nothing`, async () => {
            const before = snapshot();
            actAs(cookies.get(role)!);
            const result = await fn(...ARGS());
            expect(JSON.stringify(result ?? null)).toMatch(/Your role \(.+\) may not/);
            expect(snapshot()).toBe(before);
          });
        }
        const allowed = ROLES.find((r) => can(r, fn.permission as never));
        if (allowed) {
          it(`${name} lets ${allowed} past the check`, async () => {
            // A session of its own: the sign-out actions end the sessions they run in.
            actAs(await sessionCookie(emails.get(allowed)!));
            let result: unknown;
            try {
              result = await fn(...ARGS());
            } catch (e) {
              result = (e as { redirectTo?: string }).redirectTo ?? String(e);
            }
            expect(JSON.stringify(result ?? null)).not.toMatch(/Your role \(.+\) may not|You are signed out/);
          });
        }
      }
    });
  }
});

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

describe("route handlers", () => {
  it("are found on disk", () => {
    expect(routeFiles.map(rel)).toEqual(
      expect.arrayContaining(["app/api/v1/agents/route.ts", "app/api/v1/audit/route.ts"]),
    );
  });

  for (const file of routeFiles) {
    describe(rel(file), async () => {
      const mod = (await import(file)) as Record<string, Route | undefined>;
      const handlers = METHODS.flatMap((m) => (mod[m] ? [[m, mod[m]!] as const] : []));

      it("declare what they need", () => {
        expect(handlers.length).toBeGreaterThan(0);
        for (const [method, handler] of handlers) {
          const access = handler.access;
          expect(access, `${rel(file)} ${method} declares no access`).toBeDefined();
          if (access && "public" in access) expect(PUBLIC_ROUTES).toContain(rel(file));
          else if (access && "signature" in access) expect(SIGNATURE_ROUTES).toContain(rel(file));
          else expect(PERMISSION_NAMES).toContain((access as { permission: string }).permission);
        }
      });

      for (const [method, handler] of handlers) {
        const access = handler.access;
        if (access && "signature" in access) {
          it(`${method} refuses a request without Twilio's signature (403) and changes nothing`, async () => {
            const before = snapshot();
            actAs(cookies.get("admin")!);
            const res = await handler(
              new Request("http://localhost/voice/probe?conversation=x", {
                method,
                headers: { "content-type": "application/x-www-form-urlencoded" },
                body: "CallSid=CA1&From=%2B14155550100&To=%2B14155550101&CallStatus=completed",
              }),
              { params: Promise.resolve({}) },
            );
            expect(res.status).toBe(403);
            expect(snapshot()).toBe(before);
          });
          continue;
        }
        if (!access || "public" in access || !PERMISSION_NAMES.includes(access.permission as never)) continue;
        const isApi = rel(file).startsWith("app/api/");
        const call = (auth: { key?: string; cookie?: string }) =>
          handler(
            new Request(`http://localhost/probe`, {
              method,
              headers: {
                "content-type": "application/json",
                ...(auth.key ? { authorization: `Bearer ${auth.key}` } : {}),
              },
              body: method === "GET" ? undefined : JSON.stringify({ name: "Probe", method: "refer", route: "2001" }),
            }),
            { params: Promise.resolve({ agentId, handoffId: "x", flowId: "x", conversationId: "x" }) },
          );

        it(`${method} refuses a request without credentials (401)`, async () => {
          const before = snapshot();
          actAs(null);
          expect((await call({})).status).toBe(401);
          expect(snapshot()).toBe(before);
        });
        for (const role of rolesWithout(access.permission as never)) {
          it(`${method} refuses ${role} (403)`, async () => {
            const before = snapshot();
            actAs(isApi ? null : cookies.get(role)!);
            const res = await call(isApi ? { key: keys.get(role)! } : {});
            expect(res.status).toBe(403);
            expect(JSON.stringify(await res.json())).toMatch(/Your role \(.+\) may not/);
            expect(snapshot()).toBe(before);
          });
        }
      }
    });
  }
});
