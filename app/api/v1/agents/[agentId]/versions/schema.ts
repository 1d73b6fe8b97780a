// Body of POST /api/v1/agents/{agentId}/versions (publish): an optional note, and `force` to publish
// a draft flow lint finds errors in.
import { apiPublishBodySchema } from "@/lib/api/versions";

export { apiPublishBodySchema as bodySchema };

export function parseBody(body: unknown) {
  const r = apiPublishBodySchema.safeParse(body ?? {});
  if (r.success) return { ok: true as const, note: (r.data.note ?? "").trim(), force: r.data.force === true };
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    if (issue.code === "unrecognized_keys") for (const k of issue.keys) fields[k] = "Unknown field";
    else fields[issue.path.map(String).join(".") || "_body"] ??= issue.message;
  }
  return { ok: false as const, fields };
}
