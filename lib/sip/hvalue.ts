/**
 * Percent-encoding for the parts of a SIP URI that can carry arbitrary text
 * (RFC 3261 §25.1). Table-driven rather than regex-based: it runs on every REFER.
 */

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** `mark` from RFC 3261; together with alphanum it is `unreserved`. */
const MARK = "-_.!~*'()";
/**
 * hnv-unreserved is "[" / "]" / "/" / "?" / ":" / "+" / "$". We escape "?" anyway: it is
 * legal, but some SBCs split the URI on every "?", and an escaped character is always
 * acceptable where a literal one is (the receiver decodes both the same way).
 */
const HNV_UNRESERVED = "[]/:+$";
/** user-unreserved (RFC 3261 §25.1): what a URI user part may carry unescaped. */
const USER_UNRESERVED = "&=+$,;?/";

function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}

const HVALUE_SAFE = table(ALPHANUM + MARK + HNV_UNRESERVED);
const USER_SAFE = table(ALPHANUM + MARK + USER_UNRESERVED);
const HEX = "0123456789ABCDEF";

function pct(b: number): string {
  return "%" + HEX[b >> 4]! + HEX[b & 15]!;
}

function escapeWith(safe: Uint8Array, s: string): string {
  let out = "";
  let plainFrom = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && safe[c] === 1) continue;
    out += s.slice(plainFrom, i);
    if (c < 0x80) out += pct(c);
    else if (c < 0x800) out += pct(0xc0 | (c >> 6)) + pct(0x80 | (c & 63));
    else {
      let cp = c;
      const next = s.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        cp = 0xfffd; // a lone surrogate has no UTF-8 form; send the replacement character
      }
      if (cp >= 0x10000) {
        out +=
          pct(0xf0 | (cp >> 18)) + pct(0x80 | ((cp >> 12) & 63)) + pct(0x80 | ((cp >> 6) & 63)) + pct(0x80 | (cp & 63));
      } else {
        out += pct(0xe0 | (cp >> 12)) + pct(0x80 | ((cp >> 6) & 63)) + pct(0x80 | (cp & 63));
      }
    }
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? s : out + s.slice(plainFrom);
}

/** Escapes a header name or value for the `?name=value` part of a SIP URI. */
export function escapeHvalue(s: string): string {
  return escapeWith(HVALUE_SAFE, s);
}

/** Escapes a telephone number or name for the user part of a SIP URI. */
export function escapeUser(s: string): string {
  return escapeWith(USER_SAFE, s);
}

/** `<uri>` plus headers as `?a=b&c=d`, appended with `&` when the URI already has some. */
export function uriWithHeaders(uri: string, headers: ReadonlyArray<{ name: string; value: string }>): string {
  if (headers.length === 0) return uri;
  let s = uri.indexOf("?") === -1 ? "?" : "&";
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (i > 0) s += "&";
    s += escapeHvalue(h.name) + "=" + escapeHvalue(h.value);
  }
  return uri + s;
}
