import { randomUUID } from "node:crypto";

/** Prefixed ids read well in URLs, logs and the API (`hd_…` is a handoff destination). */
export function newId(
  prefix: "agt" | "hd" | "flow" | "fn" | "conv" | "key" | "usr" | "acc" | "kt" | "scn" | "srun" | "sbat",
): string {
  return `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
