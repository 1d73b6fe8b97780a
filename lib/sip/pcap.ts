import { AGENT_IP, DESTINATION_IP, SBC_IP, SIP_PORT } from "./dialog";
import type { Lane } from "./types";

/**
 * A trace as a classic libpcap file (docs/design.md §5.5) that Wireshark, tshark and sngrep open:
 * one Ethernet II / IPv4 / UDP frame per SIP message, between the documentation addresses of the
 * three parties, with correct IPv4 header and UDP checksums, at the trace's own times after
 * `startMs`. Media events are not packets and are left out. Pure: bytes in, bytes out.
 */

/** What the writer needs from a trace message; stored and live traces both fit. */
export interface PcapMessage {
  from: string;
  to: string;
  raw: string;
  /** Milliseconds since the call started. */
  at: number;
  kind: "sip" | "media";
}

const LANE_IPS: Record<Lane, string> = { sbc: SBC_IP, agent: AGENT_IP, destination: DESTINATION_IP };

const GLOBAL_HEADER = 24;
const RECORD_HEADER = 16;
const ETHERNET = 14;
const IPV4 = 20;
const UDP = 8;
/** Classic pcap, microsecond timestamps, little-endian as written. */
const PCAP_MAGIC = 0xa1b2c3d4;
const LINKTYPE_ETHERNET = 1;
const SNAPLEN = 65535;
/** Largest UDP payload one IPv4 datagram can carry (65,535 − 20 − 8). */
export const PCAP_MAX_PAYLOAD = 65507;

function ipBytes(ip: string): number[] {
  return ip.split(".").map(Number);
}

/** A locally administered unicast MAC made from the IPv4 address (02:00:a.b.c.d). */
function macOf(ip: number[]): number[] {
  return [0x02, 0x00, ...ip];
}

/** RFC 1071 one's-complement sum of 16-bit words, folded. */
function onesComplementSum(bytes: Uint8Array, start: number, end: number, initial = 0): number {
  let sum = initial;
  for (let i = start; i + 1 < end; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if ((end - start) % 2 === 1) sum += bytes[end - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

function laneIp(lane: string): number[] {
  const ip = LANE_IPS[lane as Lane];
  if (ip === undefined) throw new Error(`Unknown lane "${lane}" in the trace`);
  return ipBytes(ip);
}

/**
 * The pcap file of the SIP messages of a trace. `startMs` is the wall-clock time (Unix ms) of the
 * call's start: frame times are `startMs + at`.
 */
export function traceToPcap(messages: readonly PcapMessage[], startMs: number): Uint8Array {
  const encoder = new TextEncoder();
  const frames = messages
    .filter((m) => m.kind === "sip")
    .map((m) => ({ m, payload: encoder.encode(m.raw), src: laneIp(m.from), dst: laneIp(m.to) }));
  for (const f of frames)
    if (f.payload.length > PCAP_MAX_PAYLOAD)
      throw new Error(`A SIP message of ${f.payload.length} bytes does not fit in one UDP datagram`);
  const size = frames.reduce((n, f) => n + RECORD_HEADER + ETHERNET + IPV4 + UDP + f.payload.length, GLOBAL_HEADER);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);

  view.setUint32(0, PCAP_MAGIC, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setInt32(8, 0, true);
  view.setUint32(12, 0, true);
  view.setUint32(16, SNAPLEN, true);
  view.setUint32(20, LINKTYPE_ETHERNET, true);

  let p = GLOBAL_HEADER;
  frames.forEach((f, n) => {
    const frameLength = ETHERNET + IPV4 + UDP + f.payload.length;
    const micros = Math.round((startMs + f.m.at) * 1000);
    view.setUint32(p, Math.floor(micros / 1_000_000), true);
    view.setUint32(p + 4, micros % 1_000_000, true);
    view.setUint32(p + 8, frameLength, true);
    view.setUint32(p + 12, frameLength, true);
    p += RECORD_HEADER;

    // Ethernet II
    out.set(macOf(f.dst), p);
    out.set(macOf(f.src), p + 6);
    view.setUint16(p + 12, 0x0800);
    p += ETHERNET;

    // IPv4, no options, no fragmentation
    const ip = p;
    out[ip] = 0x45;
    out[ip + 1] = 0;
    view.setUint16(ip + 2, IPV4 + UDP + f.payload.length);
    view.setUint16(ip + 4, (n + 1) & 0xffff);
    view.setUint16(ip + 6, 0);
    out[ip + 8] = 64;
    out[ip + 9] = 17;
    out.set(f.src, ip + 12);
    out.set(f.dst, ip + 16);
    view.setUint16(ip + 10, ~onesComplementSum(out, ip, ip + IPV4) & 0xffff);
    p += IPV4;

    // UDP, checksum over the pseudo-header (RFC 768)
    const udp = p;
    const udpLength = UDP + f.payload.length;
    view.setUint16(udp, SIP_PORT);
    view.setUint16(udp + 2, SIP_PORT);
    view.setUint16(udp + 4, udpLength);
    out.set(f.payload, udp + UDP);
    const pseudo = onesComplementSum(out, ip + 12, ip + 20) + 17 + udpLength;
    const checksum = ~onesComplementSum(out, udp, udp + udpLength, pseudo) & 0xffff;
    view.setUint16(udp + 6, checksum === 0 ? 0xffff : checksum);
    p += udpLength;
  });
  return out;
}

/** The media type a pcap download is served as. */
export const PCAP_CONTENT_TYPE = "application/vnd.tcpdump.pcap";
