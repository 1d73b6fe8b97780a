import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { can, forbiddenMessage, isRole, SIGNED_OUT_MESSAGE, type Permission } from "../lib/auth/roles";
import { REQUEST_PATH_HEADER, signInUrl } from "../lib/auth/return-path";
import type { Viewer } from "../lib/auth/types";
import { getAuth } from "./server";

/**
 * The signed-in member making this request, or null. The session is a database row read on each
 * request (once per request: React's cache), so a role change or sign-out everywhere applies at once.
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  // Headers first: reading them marks the page dynamic before anything opens the database.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, role } = session.user as { id: string; name: string; email: string; role?: unknown };
  if (!isRole(role)) return null;
  return { id, name, email, role, via: "app" };
});

/**
 * Every page starts here: signed out → the sign-in page (coming back afterwards); signed in
 * without the permission → Next's 403 page (app/forbidden.tsx).
 */
export async function requirePageViewer(permission: Permission = "view"): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect(signInUrl((await headers()).get(REQUEST_PATH_HEADER)));
  if (!can(viewer.role, permission)) forbidden();
  return viewer;
}

/** Why a request was refused: 401 signed out, 403 a role without the permission. */
export interface Denial {
  status: 401 | 403;
  message: string;
}

export async function authorize(
  permission: Permission,
): Promise<{ ok: true; viewer: Viewer } | { ok: false; denial: Denial }> {
  const viewer = await currentViewer();
  if (!viewer) return { ok: false, denial: { status: 401, message: SIGNED_OUT_MESSAGE } };
  if (!can(viewer.role, permission))
    return { ok: false, denial: { status: 403, message: forbiddenMessage(viewer.role, permission) } };
  return { ok: true, viewer };
}

/** A server action with its permission attached (read by the test that checks every action has one). */
export type GuardedAction<A extends unknown[], R> = ((...args: A) => Promise<R>) & { permission: Permission };

/**
 * Wraps a server action: the permission is checked before anything else runs, and a refusal is
 * returned in the action's own error shape (`denied` maps it), so forms show it like any error.
 */
export function guardedAction<A extends unknown[], R>(
  permission: Permission,
  denied: (denial: Denial) => R,
  action: (viewer: Viewer, ...args: A) => Promise<R>,
): GuardedAction<A, R> {
  const guarded = async (...args: A): Promise<R> => {
    const check = await authorize(permission);
    return check.ok ? action(check.viewer, ...args) : denied(check.denial);
  };
  return Object.assign(guarded, { permission });
}

/** A server action anyone may call (signing in, the first-run form): marked, so the action test knows. */
export function publicAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
): ((...args: A) => Promise<R>) & { public: true } {
  return Object.assign(action, { public: true as const });
}

/** A route handler outside /api/v1 (which uses API keys) that needs a signed-in member with a permission. */
export function guardedRoute<P>(
  permission: Permission,
  handler: (viewer: Viewer, request: Request, context: { params: Promise<P> }) => Promise<Response>,
): ((request: Request, context: { params: Promise<P> }) => Promise<Response>) & { access: { permission: Permission } } {
  const route = async (request: Request, context: { params: Promise<P> }) => {
    const check = await authorize(permission);
    return check.ok ? handler(check.viewer, request, context) : denialResponse(check.denial);
  };
  return Object.assign(route, { access: { permission } });
}

/** For JSON route handlers outside /api/v1 (which uses API keys): the refusal as a response. */
export function denialResponse(denial: Denial): Response {
  return Response.json(
    { ok: false, status: denial.status === 401 ? "unauthorized" : "forbidden", message: denial.message },
    { status: denial.status },
  );
}
