/**
 * Shared fixtures for the SIP engine's tests (not imported by the engine). The expected
 * header sets are written out here independently of the builders, so a test comparing
 * against them checks the engine rather than restating it.
 */
import { buildHandoff } from "../trace";
import { ANONYMOUS_FROM } from "../dialog";
import { cseqOf, headerValue, type SipMessage } from "../message";
import type { HandoffTraceInput, Lane, TraceDestination } from "../types";

export const HOSTS = { trunkHost: "trunk.example.net", pbxHost: "pbx.example" } as const;

export function destination(over: Partial<TraceDestination> = {}): TraceDestination {
  return {
    name: "Front desk",
    method: "refer",
    route: "sip:2001@pbx.example",
    sipHeaders: [],
    referHeaderPlacement: "request",
    ...over,
  };
}

export function input(over: Partial<HandoffTraceInput> = {}, dest: Partial<TraceDestination> = {}): HandoffTraceInput {
  return { destination: destination(dest), variables: { customer_id: "abc123" }, hosts: HOSTS, seed: 42, ...over };
}

export interface Step {
  from: Lane;
  to: Lane;
  label: string;
  raw: string;
  at: number;
  kind: "sip" | "media";
  model: SipMessage | null;
}

export function run(i: HandoffTraceInput) {
  const { trace, models } = buildHandoff(i);
  const steps: Step[] = trace.messages.map((m, n) => ({ ...m, model: models[n]! }));
  return { trace, steps, sip: steps.filter((s) => s.kind === "sip") as (Step & { model: SipMessage })[] };
}

/** `sbc>agent INVITE`, `agent>sbc 200/INVITE`, `agent>sbc media`: a ladder's shape at a glance. */
export function shape(steps: Step[]): string[] {
  return steps.map((s) => {
    const where = `${s.from}>${s.to}`;
    if (s.model === null) return `${where} media`;
    const m = s.model;
    return m.kind === "request" ? `${where} ${m.method}` : `${where} ${m.status}/${cseqOf(m).method}`;
  });
}

const BASE_REQUEST = ["Via", "Max-Forwards", "From", "To", "Call-ID", "CSeq", "Content-Length"];
const BASE_RESPONSE = ["Via", "From", "To", "Call-ID", "CSeq", "Content-Length"];

export interface HeaderExpectation {
  /** Configured custom header names plus X-Handoff-Reason, as sent. */
  handoffNames: string[];
  method: "refer" | "invite" | "bye";
  placement: "request" | "refer-to-uri" | "both";
  /**
   * The Request-URI of an agent INVITE sent through an outbound endpoint: that INVITE, its CANCEL
   * and the ACK of its failure (same Request-URI) carry one Route header.
   */
  routedUri?: string;
}

/** The header names a message of the given type must carry, and no others. */
/**
 * The header names a step must carry, as a sorted list: a multiset, so a header sent twice (or
 * once too few) is a difference, not absorbed as a set would absorb it.
 */
export function expectedHeaderNames(step: Step & { model: SipMessage }, e: HeaderExpectation): string[] {
  const m = step.model;
  const names: string[] = [];
  if (m.kind === "request") {
    names.push(...BASE_REQUEST);
    if (e.routedUri !== undefined && step.from === "agent" && step.to === "destination" && m.uri === e.routedUri)
      names.push("Route");
    switch (m.method) {
      case "INVITE":
        names.push("Contact", "Allow", "Content-Type");
        // A withheld caller (RFC 3323): the anonymous From comes with Privacy: id.
        if (headerValue(m, "From")?.startsWith(ANONYMOUS_FROM)) names.push("Privacy");
        if (step.from === "sbc") names.push("Record-Route");
        else names.push(...e.handoffNames);
        break;
      case "REFER":
        names.push("Route", "Contact", "Refer-To", "Referred-By");
        if (e.placement !== "refer-to-uri") names.push(...e.handoffNames);
        break;
      case "NOTIFY":
        names.push("Contact", "Event", "Subscription-State", "Content-Type");
        break;
      case "BYE":
        if (step.from === "agent" && step.to === "sbc") {
          names.push("Route");
          if (e.method === "bye") names.push("Reason", ...e.handoffNames);
        }
        break;
      case "ACK":
      case "CANCEL":
        break;
      default:
        throw new Error(`Unexpected ${m.method}`);
    }
  } else {
    names.push(...BASE_RESPONSE);
    const method = cseqOf(m).method;
    if (m.status === 180) names.push("Contact");
    if (m.status === 200 && method === "INVITE") {
      names.push("Contact", "Allow", "Content-Type");
      if (step.from === "agent") names.push("Record-Route");
    }
    if (m.status === 202 || (m.status === 200 && method === "NOTIFY")) names.push("Contact");
  }
  return names.sort();
}

/** The names of a message model's headers, sorted (a multiset, like expectedHeaderNames). */
export function headerNames(m: SipMessage): string[] {
  return m.headers.map((h) => h.name).sort();
}

/** The names of the header lines of a message as sent on the wire, sorted. */
export function wireHeaderNames(raw: string): string[] {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
  return head
    .split("\r\n")
    .slice(1)
    .map((line) => line.slice(0, line.indexOf(":")))
    .sort();
}
