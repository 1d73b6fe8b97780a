import type { Role } from "./roles";

/** A person who can sign in. */
export interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
}

/** Who is making a request: a signed-in member, or the member an API key belongs to. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** How the request came in; written to the audit log. */
  via: "app" | "api";
}
