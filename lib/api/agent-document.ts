import type { PathError } from "../flow/schema";

/** `destinations[1].sip_headers[0].value` → `destinations.1.sip_headers.0.value`, the API's field-path style. */
export function apiPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1").replace(/^\./, "");
}

/** Document problems as the API's `fields` (first message per path; `_body` for the document itself). */
export function documentFieldErrors(errors: readonly PathError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = apiPath(e.path) || "_body";
    if (!(key in out)) out[key] = e.message;
  }
  return out;
}
