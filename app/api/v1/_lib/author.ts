import type { ApiKey } from "@/lib/api/keys";

/** Who a version made through the API is by: the key's name (keys are workspace-wide). */
export function apiAuthor(apiKey: ApiKey | null): string {
  return apiKey ? `API key "${apiKey.name}"` : "API";
}
