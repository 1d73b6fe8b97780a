// Test support for route handler tests (imported by *.test.ts only): a real temporary database
// and a way to call an exported handler the way Next does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Points SWITCHBOARD_DB at a fresh temp file; call before importing anything that uses getDb. */
export function useTempDatabase(label: string): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `switchboard-${label}-`));
  const file = path.join(dir, "api.db");
  process.env.SWITCHBOARD_DB = file;
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface CallOptions {
  key?: string | null;
  params?: Record<string, string | string[]>;
  /** A value to send as JSON, or a string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export async function call(
  handler: unknown,
  method: string,
  url: string,
  { key, params = {}, body, headers = {} }: CallOptions = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
): Promise<{ status: number; json: any; text: string; headers: Headers }> {
  const h: Record<string, string> = { ...headers };
  if (key) h.authorization = `Bearer ${key}`;
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === "string" ? body : JSON.stringify(body);
    h["content-type"] ??= "application/json";
  }
  const res = await (handler as Handler)(
    new Request(new URL(url, "http://localhost"), { method, headers: h, body: payload }),
    {
      params: Promise.resolve(params),
    },
  );
  const text = await res.text();
  // A body that is not JSON (a YAML or file download) is left to `text`.
  const isJson = /json/.test(res.headers.get("content-type") ?? "application/json");
  let json: unknown = null;
  if (text && isJson) json = JSON.parse(text);
  return { status: res.status, json, text, headers: res.headers };
}
