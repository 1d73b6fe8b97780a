/**
 * Who may do what (docs/design.md §12). The server checks every page, server action and route
 * handler against this one table; the UI asks the same table what to show.
 */
export const ROLES = ["admin", "developer", "designer", "qa"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  developer: "Developer",
  designer: "Designer",
  qa: "QA",
};

const EVERYONE: readonly Role[] = ROLES;
const BUILDERS: readonly Role[] = ["admin", "developer", "designer"];
const DEVELOPERS: readonly Role[] = ["admin", "developer"];
const ADMINS: readonly Role[] = ["admin"];

/** Each permission, the roles that hold it, and what it lets a person do (README's table is this list). */
export const PERMISSIONS = {
  view: { roles: EVERYONE, description: "see every agent, flow, destination, function and setting (read-only)" },
  "agents.edit": { roles: BUILDERS, description: "create and rename agents" },
  "flows.edit": { roles: BUILDERS, description: "create, edit, import and delete flows" },
  "destinations.edit": { roles: BUILDERS, description: "add, edit and delete handoff destinations" },
  "variables.edit": { roles: BUILDERS, description: "edit an agent's variables" },
  "topics.edit": { roles: BUILDERS, description: "edit knowledge topics" },
  "functions.edit": { roles: DEVELOPERS, description: "create, edit, rename and delete Python functions" },
  publish: { roles: DEVELOPERS, description: "publish the draft as a version" },
  promote: { roles: ADMINS, description: "promote a version to live" },
  simulate: { roles: EVERYONE, description: "run calls in the simulator (and store them for review)" },
  review: { roles: EVERYONE, description: "review stored conversations" },
  "scenarios.edit": { roles: ["admin", "developer", "qa"], description: "create, edit and run regression scenarios" },
  "apikeys.own": { roles: EVERYONE, description: "create and revoke one's own API keys (they act with one's role)" },
  "apikeys.manage": { roles: ADMINS, description: "see and revoke everyone's API keys" },
  "members.manage": { roles: ADMINS, description: "add members, change their roles, remove them" },
  "audit.view": { roles: ADMINS, description: "read the audit log" },
  "telephony.manage": { roles: ADMINS, description: "connect Twilio and assign numbers" },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/** The roles without a permission: the ones a forbidden-request test must try. */
export function rolesWithout(permission: Permission): Role[] {
  return ROLES.filter((r) => !can(r, permission));
}

/** What a forbidden request is told: which roles may, so the person knows whom to ask. */
export function forbiddenMessage(role: Role, permission: Permission): string {
  const allowed = PERMISSIONS[permission].roles.map((r) => ROLE_LABELS[r]).join(", ");
  return `Your role (${ROLE_LABELS[role]}) may not ${PERMISSIONS[permission].description}; ask an admin (allowed: ${allowed})`;
}

export const SIGNED_OUT_MESSAGE = "You are signed out; sign in again to continue";
