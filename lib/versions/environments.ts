/**
 * Environments (docs/design.md §9): a published version moves one step at a time, pre-release then
 * live, so nothing reaches live without having been in pre-release. Each environment points at one
 * version (or none); every move is kept, so a rollback returns an environment to the version it
 * had before.
 */

export const ENVIRONMENTS = ["pre-release", "live"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const ENVIRONMENT_LABELS: Record<Environment, string> = { "pre-release": "pre-release", live: "live" };

export function parseEnvironment(text: string): Environment | null {
  return (ENVIRONMENTS as readonly string[]).includes(text) ? (text as Environment) : null;
}

export const ENVIRONMENT_MESSAGE = "Expected pre-release or live";

/** One move of an environment's pointer, newest first in the history. */
export interface EnvironmentMove {
  environment: Environment;
  kind: "promote" | "rollback";
  from: number | null;
  to: number | null;
  /** A promote a later rollback undid. */
  rolledBack: boolean;
  by: string;
  at: string;
}

/** Where each environment points now. */
export interface EnvironmentPointers {
  preRelease: number | null;
  live: number | null;
}

/**
 * Why `version` cannot move to `to`, or null when it can. `beenInPreRelease`: the version was ever
 * in pre-release (or live, for versions made live before pre-release existed).
 */
export function promotionProblem(
  to: Environment,
  version: number,
  pointers: EnvironmentPointers,
  beenInPreRelease: boolean,
): string | null {
  const current = to === "live" ? pointers.live : pointers.preRelease;
  if (current === version) return `Version ${version} is already in ${to}`;
  if (to === "live" && !beenInPreRelease)
    return `Version ${version} has not been in pre-release; promote it to pre-release first (nothing reaches live without it)`;
  return null;
}
