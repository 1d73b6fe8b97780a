import { isMap, isSeq, parseDocument, stringify } from "yaml";
import { classifyRoute } from "../sip/route";
import { ATTEMPTS, RING_TIMEOUT } from "./outcomes";
import { destinationInputSchema, type ValidDestination } from "./schema";
import {
  DEFAULT_ENCRYPTION,
  HANDOFF_METHODS,
  OUTBOUND_ENCRYPTIONS,
  REFER_PLACEMENTS,
  type HandoffDestination,
} from "./types";

/**
 * An agent's destinations as PolyAI's `config/handoffs.yaml` (docs/design.md §1): a `handoffs:`
 * list of `name`, `description`, `is_default`, `sip_config` {`method`, `phone_number` or `route`,
 * `outbound_endpoint`, `outbound_encryption`} and `sip_headers` as `{key, value}`. What that format
 * has no field for (REFER header placement, ring timeout, attempts) goes in a per-handoff
 * `x_switchboard` map, written only when not the default, so a round trip keeps it and a PolyAI
 * file without it imports with the defaults.
 *
 * Parsing checks every rule of the Call Handoffs form (destinationInputSchema) and the file's own
 * (exactly one default, names unique ignoring case, no unknown field), and reports each problem with
 * its path in the file (`handoffs[2].sip_config.method`). Either the whole file is valid or nothing
 * is returned to import.
 */

export const HANDOFFS_YAML_NAME = "handoffs.yaml";
export const MAX_HANDOFFS_YAML_BYTES = 1_000_000;
export const MAX_IMPORTED_HANDOFFS = 200;

export type YamlDestination = Pick<
  HandoffDestination,
  | "name"
  | "description"
  | "method"
  | "route"
  | "sipHeaders"
  | "referHeaderPlacement"
  | "ringTimeoutSeconds"
  | "attempts"
  | "outboundEndpoint"
  | "outboundEncryption"
  | "isDefault"
>;

export interface YamlProblem {
  /** Where in the file: `handoffs[2].sip_config.method`, `handoffs`, or `line 3, column 5` for syntax. */
  path: string;
  message: string;
}

export type ImportedDestination = ValidDestination & { isDefault: boolean };

export type HandoffsYamlParse =
  | { ok: true; destinations: ImportedDestination[] }
  | { ok: false; errors: YamlProblem[] };

/** `phone_number` for a bare E.164 number (PolyAI's field), `route` for every other form. */
function routeKey(route: string): "phone_number" | "route" {
  return classifyRoute(route)?.kind === "e164" ? "phone_number" : "route";
}

/** The destinations, in board order, as handoffs.yaml text. The same destinations always give the same bytes. */
export function exportHandoffsYaml(destinations: readonly YamlDestination[]): string {
  const handoffs = destinations.map((d) => {
    const sipConfig: Record<string, unknown> = { method: d.method };
    if (d.route !== null) sipConfig[routeKey(d.route)] = d.route;
    if (d.method === "invite") {
      if (d.outboundEndpoint !== null) sipConfig.outbound_endpoint = d.outboundEndpoint;
      sipConfig.outbound_encryption = d.outboundEncryption;
    }
    const x: Record<string, unknown> = {};
    if (d.method === "refer" && d.referHeaderPlacement !== "request") x.refer_header_placement = d.referHeaderPlacement;
    if (d.ringTimeoutSeconds !== RING_TIMEOUT.default) x.ring_timeout_seconds = d.ringTimeoutSeconds;
    if (d.attempts !== ATTEMPTS.default) x.attempts = d.attempts;
    return {
      name: d.name,
      description: d.description,
      is_default: d.isDefault,
      sip_config: sipConfig,
      sip_headers: d.sipHeaders.map((h) => ({ key: h.name, value: h.value })),
      ...(Object.keys(x).length > 0 ? { x_switchboard: x } : {}),
    };
  });
  // lineWidth 0: never fold a long value onto several lines.
  return stringify({ handoffs }, { lineWidth: 0 });
}

const HANDOFF_KEYS = ["name", "description", "is_default", "sip_config", "sip_headers", "x_switchboard"];
const SIP_CONFIG_KEYS = ["method", "phone_number", "route", "outbound_endpoint", "outbound_encryption"];
const X_KEYS = ["refer_header_placement", "ring_timeout_seconds", "attempts"];
const HEADER_KEYS = ["key", "value"];

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const describe = (v: unknown) =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "a list"
      : typeof v === "object"
        ? "a map"
        : `${typeof v} ${JSON.stringify(v)}`;

/** Reads handoffs.yaml text; every problem with its path, or the destinations to import (file order). */
export function parseHandoffsYaml(text: string): HandoffsYamlParse {
  if (text.length > MAX_HANDOFFS_YAML_BYTES)
    return {
      ok: false,
      errors: [{ path: HANDOFFS_YAML_NAME, message: `The file is over ${MAX_HANDOFFS_YAML_BYTES} bytes` }],
    };
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : HANDOFFS_YAML_NAME,
        message: e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""),
      })),
    };
  }
  if (!isMap(doc.contents) || !isSeq(doc.get("handoffs", true)))
    return { ok: false, errors: [{ path: "handoffs", message: "Expected a top-level handoffs: list" }] };
  const root = doc.toJS({ maxAliasCount: 100 }) as Obj;
  const errors: YamlProblem[] = [];
  // One problem per path: a shape error (an unquoted number) is not repeated by the form's rule.
  const add = (path: string, message: string) => {
    if (!errors.some((e) => e.path === path)) errors.push({ path, message });
  };
  for (const key of Object.keys(root)) if (key !== "handoffs") add(key, "Unknown field; the file has only handoffs:");
  const list = root.handoffs as unknown[];
  if (list.length > MAX_IMPORTED_HANDOFFS) add("handoffs", `At most ${MAX_IMPORTED_HANDOFFS} handoffs`);
  const out: ImportedDestination[] = [];
  const seen = new Map<string, number>();
  let defaults = 0;
  list.forEach((item, i) => {
    const at = `handoffs[${i}]`;
    const before = errors.length;
    const parsed = readHandoff(item, at, add);
    if (parsed === null || errors.length > before) return;
    if (parsed.isDefault) defaults++;
    const key = parsed.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      add(`${at}.name`, `handoffs[${first}] already has this name (names are unique ignoring case)`);
      return;
    }
    seen.set(key, i);
    out.push(parsed);
  });
  if (errors.length === 0 && list.length > 0 && defaults !== 1)
    add(
      "handoffs",
      defaults === 0
        ? "Mark exactly one handoff as the default (is_default: true)"
        : `Exactly one handoff is the default; ${defaults} have is_default: true`,
    );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, destinations: out };
}

function unknownKeys(v: Obj, allowed: readonly string[], at: string, add: (p: string, m: string) => void) {
  for (const key of Object.keys(v))
    if (!allowed.includes(key)) add(`${at}.${key}`, `Unknown field; expected one of ${allowed.join(", ")}`);
}

/** Text where the format has text; an unquoted number (a phone number loses its +) is refused by name. */
function text(v: unknown, at: string, add: (p: string, m: string) => void, what = "text"): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number")
    add(
      at,
      `Write it in quotes ("${v}"): unquoted, YAML reads it as a number${String(v).length > 6 ? " and drops a leading +" : ""}`,
    );
  else add(at, `Expected ${what}, found ${describe(v)}`);
  return null;
}

function readHandoff(item: unknown, at: string, add: (p: string, m: string) => void): ImportedDestination | null {
  if (!isObject(item)) {
    add(at, `Expected a map with name, sip_config…, found ${describe(item)}`);
    return null;
  }
  unknownKeys(item, HANDOFF_KEYS, at, add);
  const name = item.name === undefined ? (add(`${at}.name`, "Enter a name"), null) : text(item.name, `${at}.name`, add);
  const description =
    item.description === undefined || item.description === null ? "" : text(item.description, `${at}.description`, add);
  let isDefault = false;
  if (item.is_default !== undefined) {
    if (typeof item.is_default === "boolean") isDefault = item.is_default;
    else add(`${at}.is_default`, `Expected true or false, found ${describe(item.is_default)}`);
  }
  const sip = item.sip_config;
  const sipAt = `${at}.sip_config`;
  if (!isObject(sip)) {
    add(sipAt, sip === undefined ? "Enter a sip_config with a method" : `Expected a map, found ${describe(sip)}`);
    return null;
  }
  unknownKeys(sip, SIP_CONFIG_KEYS, sipAt, add);
  let method: string | null = null;
  if (sip.method === undefined) add(`${sipAt}.method`, `Enter a method: ${HANDOFF_METHODS.join(", ")}`);
  else if (typeof sip.method !== "string" || !(HANDOFF_METHODS as readonly string[]).includes(sip.method))
    add(`${sipAt}.method`, `Expected one of ${HANDOFF_METHODS.join(", ")}, found ${describe(sip.method)}`);
  else method = sip.method;
  if (sip.phone_number !== undefined && sip.route !== undefined) add(sipAt, "Give phone_number or route, not both");
  const routeField = sip.route !== undefined ? "route" : "phone_number";
  const rawRoute = sip[routeField];
  const route = rawRoute === undefined || rawRoute === null ? null : text(rawRoute, `${sipAt}.${routeField}`, add);
  if (method !== null && method !== "bye" && rawRoute === undefined)
    add(
      sipAt,
      `${method === "invite" ? "An INVITE" : "A REFER"} handoff needs phone_number (E.164, e.g. "+14155550123") or route (a SIP URI or extension)`,
    );
  const endpoint =
    sip.outbound_endpoint === undefined || sip.outbound_endpoint === null
      ? null
      : text(sip.outbound_endpoint, `${sipAt}.outbound_endpoint`, add, "host or host:port");
  if (
    sip.outbound_encryption !== undefined &&
    !(
      typeof sip.outbound_encryption === "string" &&
      (OUTBOUND_ENCRYPTIONS as readonly string[]).includes(sip.outbound_encryption)
    )
  )
    add(
      `${sipAt}.outbound_encryption`,
      `Expected one of ${OUTBOUND_ENCRYPTIONS.join(", ")}, found ${describe(sip.outbound_encryption)}`,
    );

  const headers: { name: string; value: string }[] = [];
  if (item.sip_headers !== undefined && item.sip_headers !== null) {
    if (!Array.isArray(item.sip_headers))
      add(`${at}.sip_headers`, `Expected a list of {key, value}, found ${describe(item.sip_headers)}`);
    else
      item.sip_headers.forEach((h, n) => {
        const hAt = `${at}.sip_headers[${n}]`;
        if (!isObject(h)) return add(hAt, `Expected {key, value}, found ${describe(h)}`);
        unknownKeys(h, HEADER_KEYS, hAt, add);
        const key =
          h.key === undefined ? (add(`${hAt}.key`, "Enter a header name"), null) : text(h.key, `${hAt}.key`, add);
        const value =
          h.value === undefined
            ? (add(`${hAt}.value`, "Enter a header value"), null)
            : text(h.value, `${hAt}.value`, add);
        headers.push({ name: key ?? "", value: value ?? "" });
      });
  }
  const x = item.x_switchboard;
  const xAt = `${at}.x_switchboard`;
  const extra: Obj = {};
  if (x !== undefined && x !== null) {
    if (!isObject(x)) add(xAt, `Expected a map, found ${describe(x)}`);
    else {
      unknownKeys(x, X_KEYS, xAt, add);
      if (x.refer_header_placement !== undefined) {
        if (!(REFER_PLACEMENTS as readonly unknown[]).includes(x.refer_header_placement))
          add(
            `${xAt}.refer_header_placement`,
            `Expected one of ${REFER_PLACEMENTS.join(", ")}, found ${describe(x.refer_header_placement)}`,
          );
        extra.referHeaderPlacement = x.refer_header_placement;
      }
      for (const [key, field] of [
        ["ring_timeout_seconds", "ringTimeoutSeconds"],
        ["attempts", "attempts"],
      ] as const) {
        if (x[key] === undefined) continue;
        if (typeof x[key] !== "number") add(`${xAt}.${key}`, `Expected a whole number, found ${describe(x[key])}`);
        extra[field] = x[key];
      }
    }
  }
  if (name === null || method === null) return null;
  const parsed = destinationInputSchema.safeParse({
    name,
    description: description ?? "",
    method,
    route,
    sipHeaders: headers,
    outboundEndpoint: endpoint,
    outboundEncryption: sip.outbound_encryption ?? DEFAULT_ENCRYPTION,
    ...extra,
  });
  if (!parsed.success) {
    const yamlPath: Record<string, string> = {
      name: `${at}.name`,
      description: `${at}.description`,
      method: `${sipAt}.method`,
      route: rawRoute === undefined ? sipAt : `${sipAt}.${routeField}`,
      outboundEndpoint: `${sipAt}.outbound_endpoint`,
      outboundEncryption: `${sipAt}.outbound_encryption`,
      referHeaderPlacement: `${xAt}.refer_header_placement`,
      ringTimeoutSeconds: `${xAt}.ring_timeout_seconds`,
      attempts: `${xAt}.attempts`,
    };
    for (const issue of parsed.error.issues) {
      const [head, index, field] = issue.path.map(String);
      // A missing phone_number / route was already reported, in the format's own words.
      if (head === "route" && rawRoute === undefined && method !== "bye") continue;
      const path =
        head === "sipHeaders" && index !== undefined
          ? `${at}.sip_headers[${index}]${field === undefined ? "" : field === "name" ? ".key" : `.${field}`}`
          : (yamlPath[head ?? ""] ?? at);
      add(path, issue.message);
    }
    return null;
  }
  return { ...parsed.data, isDefault };
}
