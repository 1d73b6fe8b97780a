import { SIP_VERSION, utf8ByteLength, type SipHeaderField, type SipMessage } from "./message";

export class SipParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SipParseError";
  }
}

/**
 * Parses one SIP message in the canonical form the serializer writes (`Name: value`,
 * CRLF line ends, no folded lines). It is strict on purpose: it is used to check what the
 * engine generates, so anything odd (a bare LF, a line without a colon, a Content-Length
 * that does not match the body's UTF-8 length) is an error rather than something to guess.
 */
export function parseSipMessage(raw: string): SipMessage {
  const headEnd = raw.indexOf("\r\n\r\n");
  if (headEnd < 0) throw new SipParseError("No empty line ends the headers");
  const head = raw.slice(0, headEnd);
  const body = raw.slice(headEnd + 4);
  if (hasBareLineBreak(head)) throw new SipParseError("Bare CR or LF in the header section");
  const lines = head.split("\r\n");
  const start = lines[0]!;
  const headers: SipHeaderField[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(":");
    if (colon <= 0) throw new SipParseError(`Header line ${i} has no name: ${JSON.stringify(line)}`);
    const name = line.slice(0, colon);
    if (name.trim() !== name) throw new SipParseError(`Header name has surrounding space: ${JSON.stringify(name)}`);
    let v = colon + 1;
    while (v < line.length && (line[v] === " " || line[v] === "\t")) v++;
    headers.push({ name, value: line.slice(v) });
  }
  for (const h of headers) {
    if (h.name.toLowerCase() === "content-length" || h.name === "l") {
      const declared = Number(h.value);
      if (!Number.isInteger(declared) || declared !== utf8ByteLength(body)) {
        throw new SipParseError(`Content-Length ${h.value} does not match the body (${utf8ByteLength(body)} bytes)`);
      }
    }
  }
  if (start.startsWith(SIP_VERSION + " ")) {
    const rest = start.slice(SIP_VERSION.length + 1);
    const sp = rest.indexOf(" ");
    const code = sp < 0 ? rest : rest.slice(0, sp);
    if (!/^[1-6]\d\d$/.test(code)) throw new SipParseError(`Bad status code: ${code}`);
    return { kind: "response", status: Number(code), reason: sp < 0 ? "" : rest.slice(sp + 1), headers, body };
  }
  const first = start.indexOf(" ");
  const last = start.lastIndexOf(" ");
  if (first <= 0 || last === first || start.slice(last + 1) !== SIP_VERSION) {
    throw new SipParseError(`Bad start line: ${JSON.stringify(start)}`);
  }
  return { kind: "request", method: start.slice(0, first), uri: start.slice(first + 1, last), headers, body };
}

function hasBareLineBreak(head: string): boolean {
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 13 && head.charCodeAt(i + 1) !== 10) return true;
    if (c === 10 && head.charCodeAt(i - 1) !== 13) return true;
  }
  return false;
}
