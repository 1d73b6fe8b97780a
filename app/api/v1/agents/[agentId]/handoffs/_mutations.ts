import type { Db } from "@/db/client";
import { setDefaultDestination, type MutationResult } from "@/db/repositories/handoffs";
import { conflict, invalid, notFound } from "@/lib/api/errors";
import { apiFieldPath, toApiDestination, type ApiDestination } from "@/lib/api/destinations";
import type { HandoffDestination } from "@/lib/handoffs/types";

/**
 * A repository result as an API answer. The body was already validated, so the only "invalid" a
 * repository reports is a name another destination holds (uniqueness needs the database): 409.
 */
export function destinationOrThrow(result: MutationResult): HandoffDestination {
  if (result.ok) return result.destination;
  if (result.status === "not_found") throw notFound("handoff destination");
  const fields = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [apiFieldPath(k), v]));
  throw conflict(Object.values(fields)[0] ?? "Conflicts with another destination", fields);
}

/** `is_default: false` cannot un-default the default: exactly one destination is the default. */
export function checkIsDefault(current: HandoffDestination | null, isDefault: boolean | undefined): void {
  if (isDefault === false && current?.isDefault) {
    throw invalid({ is_default: "An agent always has a default; make another destination the default instead" });
  }
}

export function applyIsDefault(db: Db, d: HandoffDestination, isDefault: boolean | undefined): ApiDestination {
  if (isDefault === true && !d.isDefault)
    return toApiDestination(destinationOrThrow(setDefaultDestination(db, d.agentId, d.id)));
  return toApiDestination(d);
}
