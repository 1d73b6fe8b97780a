import type { IdSource } from "./ids";
import { sanitizeRuntimeValue } from "./header-rules";

export const SDP_CONTENT_TYPE = "application/sdp";

/**
 * A minimal audio session description (RFC 4566 / 3264). Offers list PCMU, PCMA and DTMF
 * events; answers keep PCMU and DTMF, as a typical agent platform would.
 */
export function sdp(ids: IdSource, ip: string, sessionName: string, port: number, answer: boolean): string {
  const session = ids.int(100000, 999999999);
  // s= is free UTF-8 text; a CR or LF in it would add an SDP line, so it is cleaned.
  const name = sanitizeRuntimeValue(sessionName).value.trim() || "-";
  const formats = answer ? "0 101" : "0 8 101";
  return (
    "v=0\r\n" +
    "o=- " +
    session +
    " " +
    session +
    " IN IP4 " +
    ip +
    "\r\n" +
    "s=" +
    name +
    "\r\n" +
    "c=IN IP4 " +
    ip +
    "\r\n" +
    "t=0 0\r\n" +
    "m=audio " +
    port +
    " RTP/AVP " +
    formats +
    "\r\n" +
    "a=rtpmap:0 PCMU/8000\r\n" +
    (answer ? "" : "a=rtpmap:8 PCMA/8000\r\n") +
    "a=rtpmap:101 telephone-event/8000\r\n" +
    "a=fmtp:101 0-15\r\n" +
    "a=ptime:20\r\n" +
    "a=sendrecv\r\n"
  );
}
