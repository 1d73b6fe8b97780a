import { SIP_VERSION, type SipMessage } from "./message";

/**
 * Writes a message in wire form: start line, one `Name: value` line per header in order,
 * an empty line, then the body. Plain concatenation: this runs for every message of every
 * trace and is the hot path of the benchmark.
 */
export function serializeSipMessage(m: SipMessage): string {
  let s =
    m.kind === "request"
      ? m.method + " " + m.uri + " " + SIP_VERSION + "\r\n"
      : SIP_VERSION + " " + m.status + " " + m.reason + "\r\n";
  const headers = m.headers;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    s += h.name + ": " + h.value + "\r\n";
  }
  return s + "\r\n" + m.body;
}
