// Query of GET /api/v1/agents/{agentId}/export: `version` (draft — the default —, live or a number).
import { parseVersionRef, VERSION_REF_MESSAGE, type VersionRef } from "@/lib/versions/types";

export function parseQuery(
  params: URLSearchParams,
): { ok: true; ref: VersionRef } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const key of params.keys()) if (key !== "version") fields[key] = "Unknown parameter";
  const raw = params.get("version");
  const ref = raw === null || raw === "" ? { kind: "draft" as const } : parseVersionRef(raw);
  if (!ref) fields.version = VERSION_REF_MESSAGE;
  return ref && Object.keys(fields).length === 0 ? { ok: true, ref } : { ok: false, fields };
}
