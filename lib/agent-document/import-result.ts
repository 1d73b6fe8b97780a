import type { PathError } from "../flow/schema";

/** What the studio's import (POST /agents/{id}/import) answers. */
export type ImportAgentResult =
  | { ok: true; mode: "new" | "into"; agent: { id: string; name: string } }
  | { ok: false; errors: PathError[] };
