/** Hostile routes for property tests of the route rules (TypeScript engine and Python port alike). */
import fc from "fast-check";

/** Pieces an attacker (or caller data pasted into a route) might use: line breaks and escapes first. */
const piece = fc.constantFrom(
  "\u0000",
  "\u001b",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u2028",
  "\u2029",
  "%0D%0A",
  "%0a",
  "%00",
  "%7F",
  "%C2%85",
  "%e2%80%a8",
  "%E2%80%A9",
  "%",
  "%zz",
  "?",
  "&",
  "=",
  ";",
  ";x=",
  "@",
  ":",
  "<",
  ">",
  '"',
  " ",
  "é",
  "😀",
  "Via",
  "%56ia",
  "X-A",
  "Refer-To",
  "Via: evil",
  "X-Evil: 1",
  "2001",
  "+14155550123",
  "pbx.example",
);
const hostile = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(""));
/** Valid-looking routes with something hostile spliced into the user, params or headers. */
export const hostileRoute = fc.oneof(
  hostile,
  fc.tuple(fc.constantFrom("sip:", "sips:", "SIP:"), hostile).map(([s, h]) => `${s}${h}@pbx.example`),
  fc
    .tuple(fc.constantFrom("sip:r@pbx.example", "sips:r@[2001:db8::1]:5061", "tel:+14155550123"), hostile)
    .map(([base, h]) => `${base};x=${h}`),
  hostile.map((h) => `sip:r@pbx.example?${h}`),
  fc.tuple(hostile, hostile).map(([n, v]) => `sip:r@pbx.example?X-A=1&${n}=${v}`),
  // Caller data escaped the way a careful author (or conv.sip_uri) would: mostly accepted.
  { weight: 3, arbitrary: hostile.map((h) => `sip:r@pbx.example?X-Note=${encodeURIComponent(h)}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(hostile, hostile)
      .map(([u, p]) => `sip:${encodeURIComponent(u)}@pbx.example;x=${encodeURIComponent(p)}`),
  },
  fc
    .tuple(fc.constantFrom("", "\u0000", "\n", "\u2028", "\u0085"), fc.constantFrom("2001", "+14155550123"))
    .map(([c, r]) => `${r}${c}`),
);
