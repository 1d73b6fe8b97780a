import { FLOW_FORMAT } from "../flow/import-export";
import { jsonErrorOffset, lineColumn } from "../flow/json-position";
import { AGENT_DOCUMENT_FORMAT } from "./schema";
import { agentDocumentSchema, documentPathErrors, type DocumentParseResult } from "./document-rules";

const fail = (path: string, message: string): DocumentParseResult => ({ ok: false, errors: [{ path, message }] });

/**
 * Checks an agent document (already parsed JSON): every problem with its path
 * (`destinations[1].sip_headers[0].value`, `flows[0].nodes[3].data.reason`), or the normalised
 * document.
 */
export function parseAgentDocument(raw: unknown): DocumentParseResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail("", "Expected a Switchboard agent export (a JSON object)");
  }
  const envelope = raw as Record<string, unknown>;
  if (envelope.format === FLOW_FORMAT) {
    return fail(
      "format",
      "This is a flow export, not an agent: import it from the flow editor (Flows → a flow → Import)",
    );
  }
  if (envelope.format !== AGENT_DOCUMENT_FORMAT) {
    const newer = typeof envelope.format === "number" && envelope.format > AGENT_DOCUMENT_FORMAT;
    return fail(
      "format",
      newer
        ? `This file was exported by a newer Switchboard (format ${String(envelope.format)}); this one reads format ${AGENT_DOCUMENT_FORMAT}`
        : `Not a Switchboard agent export: "format" must be ${AGENT_DOCUMENT_FORMAT}`,
    );
  }
  const parsed = agentDocumentSchema.safeParse(raw);
  return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, errors: documentPathErrors(parsed.error) };
}

/** The same from a file's text; JSON syntax errors name the line and column. */
export function parseAgentDocumentText(text: string): DocumentParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, offset);
    const detail = (e as Error).message.replace(/\s*in JSON at position \d+.*$/, "");
    return fail("", `Not valid JSON at line ${line}, column ${column} (position ${offset}): ${detail}`);
  }
  return parseAgentDocument(raw);
}
