import type { IdSource } from "./ids";
import { utf8ByteLength, type SipMessage } from "./message";
import { serializeSipMessage } from "./serialize";
import type { HandoffTrace, Lane, TraceMessage, TraceWarning, TraceWarningCode } from "./types";

/** RFC 3261 §18.1.1: a request within 200 bytes of the path MTU (1500) must go over TCP. */
export const UDP_SIZE_LIMIT = 1300;

/** One-way signalling latency between two lanes, in simulated milliseconds. */
function latency(a: Lane, b: Lane): number {
  if (a === "destination" || b === "destination") return a === "sbc" || b === "sbc" ? 30 : 24;
  return 18;
}

/**
 * Collects a trace: messages with their simulated times, the models behind the SIP ones
 * (tests compare them with what the parser reads back), and de-duplicated warnings.
 */
export class TraceBuilder {
  readonly messages: TraceMessage[] = [];
  readonly models: (SipMessage | null)[] = [];
  readonly warnings: TraceWarning[] = [];
  private readonly seen = new Set<string>();
  /** Simulated time of the last event, in ms. */
  now = 0;

  constructor(readonly ids: IdSource) {}

  /** Adds a SIP message sent `thinkMs` after the previous event, plus network latency. */
  sip(from: Lane, to: Lane, message: SipMessage, label: string, thinkMs = 2): void {
    const raw = serializeSipMessage(message);
    const at = this.now + thinkMs + (this.messages.length === 0 ? 0 : latency(from, to));
    this.messages.push({ from, to, label, raw, at, kind: "sip" });
    this.models.push(message);
    this.now = at;
    // Cheap pre-check: a string of n UTF-16 units is at most 3n bytes.
    if (raw.length * 3 > UDP_SIZE_LIMIT) {
      const bytes = utf8ByteLength(raw);
      if (bytes > UDP_SIZE_LIMIT) {
        this.warn(
          "message_too_large",
          `${label} (message ${this.messages.length}, ${from} → ${to}) is ${bytes} bytes, over the ${UDP_SIZE_LIMIT}-byte UDP limit (RFC 3261 §18.1.1): a real stack would have to send it over TCP`,
        );
      }
    }
  }

  /** Adds a media event lasting `durationMs`; the next event starts after it. */
  media(from: Lane, to: Lane, label: string, raw: string, durationMs: number, gapMs = 5): void {
    const at = this.now + gapMs;
    this.messages.push({ from, to, label, raw, at, kind: "media" });
    this.models.push(null);
    this.now = at + durationMs;
  }

  warn(code: TraceWarningCode, message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.warnings.push({ code, message });
  }

  result(): HandoffTrace {
    return { messages: this.messages, warnings: this.warnings };
  }
}

/** Rough text-to-speech duration: about 150 words a minute, never under half a second. */
export function speechDurationMs(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return Math.max(500, words * 400);
}
