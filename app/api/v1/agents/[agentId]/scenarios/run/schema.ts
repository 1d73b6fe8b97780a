// Body of POST /api/v1/agents/{agentId}/scenarios/run: which scenarios (by name) and against what.
import { apiRunBodySchema } from "@/lib/api/scenarios";

export { apiRunBodySchema as bodySchema };

export function parseBody(body: unknown) {
  const r = apiRunBodySchema.safeParse(body ?? {});
  if (r.success)
    return { ok: true as const, names: r.data.names ?? null, tags: r.data.tags ?? null, version: r.data.version };
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    if (issue.code === "unrecognized_keys") for (const k of issue.keys) fields[k] = "Unknown field";
    else fields[issue.path.map(String).join(".") || "_body"] ??= issue.message;
  }
  return { ok: false as const, fields };
}
