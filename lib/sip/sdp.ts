import type { IdSource } from "./ids";
import { sanitizeRuntimeValue } from "./header-rules";

export const SDP_CONTENT_TYPE = "application/sdp";

/** The SRTP crypto suite offered and answered (RFC 4568 §6.2.1; the one every SBC supports). */
export const SRTP_SUITE = "AES_CM_128_HMAC_SHA1_80";
const KEY_AND_SALT_BYTES = 30;

/**
 * A key||salt for an `a=crypto` line: 30 bytes (16 key, 14 salt) from the seeded id source, base64.
 * Traces are simulations: it keys nothing and is never a secret, only the right shape.
 */
export function srtpKeyParams(ids: IdSource): string {
  let binary = "";
  for (let i = 0; i < KEY_AND_SALT_BYTES; i += 4) {
    const n = ids.next();
    for (let b = 0; b < 4 && i + b < KEY_AND_SALT_BYTES; b++) binary += String.fromCharCode((n >>> (24 - 8 * b)) & 255);
  }
  return btoa(binary);
}

/**
 * A minimal audio session description (RFC 4566 / 3264). Offers list PCMU, PCMA and DTMF
 * events; answers keep PCMU and DTMF, as a typical agent platform would. With `srtp` the media
 * is RTP/SAVP keyed by an `a=crypto` line (RFC 4568 SDES), offer and answer each with their own key.
 */
export function sdp(
  ids: IdSource,
  ip: string,
  sessionName: string,
  port: number,
  answer: boolean,
  srtp = false,
): string {
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
    (srtp ? " RTP/SAVP " : " RTP/AVP ") +
    formats +
    "\r\n" +
    "a=rtpmap:0 PCMU/8000\r\n" +
    (answer ? "" : "a=rtpmap:8 PCMA/8000\r\n") +
    "a=rtpmap:101 telephone-event/8000\r\n" +
    "a=fmtp:101 0-15\r\n" +
    (srtp ? "a=crypto:1 " + SRTP_SUITE + " inline:" + srtpKeyParams(ids) + "\r\n" : "") +
    "a=ptime:20\r\n" +
    "a=sendrecv\r\n"
  );
}
