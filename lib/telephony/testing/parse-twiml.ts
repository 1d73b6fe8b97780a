import { XMLParser, XMLValidator } from "fast-xml-parser";

/** A TwiML element: its verb or noun, attributes, text and children, in document order. */
export interface TwimlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: TwimlNode[];
}

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

function convert(items: Ordered[]): TwimlNode[] {
  const out: TwimlNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@")!;
    if (name === "#text" || name === "?xml") continue;
    const kids = item[name] as Ordered[];
    const attrs = Object.fromEntries(
      Object.entries(item[":@"] ?? {}).map(([k, v]) => [k.replace(/^@_/, ""), String(v)]),
    );
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("");
    out.push({ name, attrs, text, children: convert(kids) });
  }
  return out;
}

/** Parses TwiML as Twilio would (well-formed XML or an error), into the `<Response>` element. */
export function parseTwiml(xml: string): TwimlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
  });
  const [response] = convert(parser.parse(xml) as Ordered[]);
  if (!response || response.name !== "Response") throw new Error("TwiML must have a <Response> root");
  return response;
}

/** The verbs in order, e.g. `Say, Gather(Say)`. */
export function verbs(node: TwimlNode): string {
  return node.children.map((c) => (c.children.length ? `${c.name}(${verbs(c)})` : c.name)).join(", ");
}

/** A `<Sip>` URI's headers (`sip:a@b?X-A=1&X-B=%2B1`), percent-decoded as SIP does ("+" stays "+"). */
export function sipUriHeaders(uri: string): { target: string; headers: Record<string, string> } {
  const q = uri.indexOf("?");
  if (q === -1) return { target: uri, headers: {} };
  const headers: Record<string, string> = {};
  for (const pair of uri.slice(q + 1).split("&")) {
    const eq = pair.indexOf("=");
    headers[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
  }
  return { target: uri.slice(0, q), headers };
}
