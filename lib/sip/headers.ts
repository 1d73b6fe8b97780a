import { headerNameError, headerNameWarning, sanitizeRuntimeValue } from "./header-rules";
import { substituteVariables } from "../variables/variables";
import type { SipHeaderField } from "./message";
import type { SipHeader } from "../handoffs/types";
import type { TraceWarningCode } from "./types";

type Warn = (code: TraceWarningCode, message: string) => void;

export const REASON_HEADER = "X-Handoff-Reason";

/**
 * Substitutes `$variables` and removes control characters from text computed at run time.
 * Unknown variables become empty; both cases are reported through `warn`, naming `where`.
 */
export function resolveRuntimeText(
  text: string,
  variables: Readonly<Record<string, string>>,
  where: string,
  warn: Warn,
): string {
  let out = text;
  if (out.indexOf("$") !== -1) {
    const sub = substituteVariables(out, variables);
    out = sub.text;
    for (const name of sub.unknown)
      warn("unknown_variable", `${where}: $${name} is not a known variable; it was replaced by an empty value`);
  }
  const clean = sanitizeRuntimeValue(out);
  if (clean.removed > 0) {
    warn(
      "control_characters_removed",
      `${where}: removed ${clean.removed} control character${clean.removed === 1 ? "" : "s"} (CR, LF, NUL…) so the value cannot start a new header line`,
    );
  }
  // Surrounding space is not part of a SIP header value (the parser would drop it).
  return clean.value.trim();
}

/**
 * The destination's custom headers with variables substituted and values cleaned, followed
 * by X-Handoff-Reason. Names the engine cannot send are dropped with a warning.
 */
export function resolveHandoffHeaders(
  configured: readonly SipHeader[],
  reason: string | undefined,
  destinationName: string,
  variables: Readonly<Record<string, string>>,
  warn: Warn,
): SipHeaderField[] {
  const out: SipHeaderField[] = [];
  for (const h of configured) {
    const name = h.name.trim();
    const nameError = headerNameError(name);
    if (nameError !== null) {
      warn("header_dropped", `Header "${sanitizeRuntimeValue(name).value}" was not sent: ${nameError}`);
      continue;
    }
    const note = headerNameWarning(name);
    if (note !== null) warn("header_name_unusual", note);
    out.push({ name, value: resolveRuntimeText(h.value, variables, `Header ${name}`, warn) });
  }
  const given = reason === undefined ? "" : resolveRuntimeText(reason, variables, REASON_HEADER, warn);
  // The destination's name is configuration, not a template: clean it but do not substitute.
  const fallback = given === "" ? sanitizeRuntimeValue(destinationName).value.trim() : given;
  out.push({ name: REASON_HEADER, value: fallback });
  return out;
}
