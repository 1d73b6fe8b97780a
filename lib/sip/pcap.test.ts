import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DESTINATION_BEHAVIOURS } from "../handoffs/outcomes";
import { traceToPcap, type PcapMessage } from "./pcap";
import { buildHandoff } from "./trace";
import { input } from "./testing/ladders";

const START = Date.UTC(2025, 4, 6, 7, 8, 9, 123);

/** Every ladder with every behaviour (three attempts, so retries too), each call 1,000 s after the last. */
function everyLadder(): PcapMessage[] {
  const all: PcapMessage[] = [];
  let n = 0;
  for (const method of ["refer", "invite", "bye"] as const) {
    for (const soft of method === "bye" ? [false] : [false, true]) {
      for (const behaviour of DESTINATION_BEHAVIOURS) {
        const built = buildHandoff(
          input(
            { behaviour, soft, attempts: 3, ringTimeoutS: 5, utterance: "Un momento, Zoë.", seed: `pcap-${n}` },
            {
              method,
              route: method === "bye" ? null : "+14155550199",
              sipHeaders: [{ name: "X-Customer-ID", value: "$customer_id" }],
            },
          ),
        );
        for (const m of built.trace.messages) all.push({ ...m, at: m.at + n * 1_000_000 });
        n++;
      }
    }
  }
  // INVITEs through an outbound endpoint, over TLS with SRTP (sips:, Route, RTP/SAVP, a=crypto) and not.
  const outbound = [
    { route: "+14155550199", outboundEndpoint: "edge.example:5070", outboundEncryption: "TLS/SRTP" },
    { route: "sip:2001@pbx.example", outboundEndpoint: "edge.example", outboundEncryption: "TLS/SRTP" },
    { route: "sips:2001@pbx.example", outboundEndpoint: "203.0.113.7:5061", outboundEncryption: "TLS/SRTP" },
    { route: "sip:2001@pbx.example", outboundEndpoint: null, outboundEncryption: "TLS/SRTP" },
    { route: "sip:2001@pbx.example", outboundEndpoint: "[2001:db8::5]:5070", outboundEncryption: "UDP/RTP" },
  ] as const;
  for (const dest of outbound) {
    for (const behaviour of DESTINATION_BEHAVIOURS) {
      const built = buildHandoff(
        input({ behaviour, attempts: 2, ringTimeoutS: 5, seed: `pcap-${n}` }, { method: "invite", ...dest }),
      );
      for (const m of built.trace.messages) all.push({ ...m, at: m.at + n * 1_000_000 });
      n++;
    }
  }
  return all;
}

/** Reads the classic pcap back by hand: record headers, Ethernet, IPv4 and UDP fields. */
function frames(pcap: Uint8Array) {
  const view = new DataView(pcap.buffer, pcap.byteOffset, pcap.byteLength);
  const out: { seconds: number; micros: number; src: string; dst: string; payload: string; ipSum: number }[] = [];
  const udpSums: number[] = [];
  let p = 24;
  while (p < pcap.length) {
    const seconds = view.getUint32(p, true);
    const micros = view.getUint32(p + 4, true);
    const length = view.getUint32(p + 8, true);
    const frame = pcap.subarray(p + 16, p + 16 + length);
    const ip = frame.subarray(14, 34);
    const udp = frame.subarray(34);
    // A header whose checksum is right sums to 0xffff, checksum included (RFC 1071).
    const sum = (bytes: Uint8Array, initial = 0) => {
      let s = initial;
      for (let i = 0; i < bytes.length; i += 2) s += (bytes[i]! << 8) | (bytes[i + 1] ?? 0);
      while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
      return s;
    };
    const pseudo = sum(ip.subarray(12, 20)) + 17 + udp.length;
    udpSums.push(sum(udp, pseudo));
    out.push({
      seconds,
      micros,
      src: [...ip.subarray(12, 16)].join("."),
      dst: [...ip.subarray(16, 20)].join("."),
      payload: new TextDecoder().decode(udp.subarray(8)),
      ipSum: sum(ip),
    });
    p += 16 + length;
  }
  return { out, udpSums };
}

describe("traceToPcap", () => {
  const messages = everyLadder();
  const sip = messages.filter((m) => m.kind === "sip");
  const pcap = traceToPcap(messages, START);

  it("writes a classic little-endian Ethernet pcap header", () => {
    const view = new DataView(pcap.buffer, pcap.byteOffset);
    expect(view.getUint32(0, true)).toBe(0xa1b2c3d4);
    expect([view.getUint16(4, true), view.getUint16(6, true)]).toEqual([2, 4]);
    expect(view.getUint32(20, true)).toBe(1);
  });

  it("one frame per SIP message, none for media, between the documentation addresses, at the trace's times", () => {
    const { out, udpSums } = frames(pcap);
    expect(out).toHaveLength(sip.length);
    const ips: Record<string, string> = { sbc: "203.0.113.10", agent: "198.51.100.20", destination: "192.0.2.30" };
    out.forEach((f, n) => {
      const m = sip[n]!;
      expect(f.payload).toBe(m.raw);
      expect([f.src, f.dst]).toEqual([ips[m.from], ips[m.to]]);
      expect(f.seconds * 1000 + f.micros / 1000).toBeCloseTo(START + m.at, 3);
      expect(f.ipSum).toBe(0xffff);
      expect(udpSums[n]).toBe(0xffff);
    });
  });

  it("refuses a lane it has no address for", () => {
    expect(() => traceToPcap([{ from: "pbx", to: "agent", raw: "x", at: 0, kind: "sip" }], 0)).toThrow(/Unknown lane/);
  });

  const tshark = spawnSync("tshark", ["--version"], { encoding: "utf8" }).status === 0;
  // CI installs tshark (.ci/run) and sets SWITCHBOARD_REQUIRE_TSHARK, so this never skips there.
  const required = process.env.SWITCHBOARD_REQUIRE_TSHARK === "1";
  if (!tshark && !required)
    console.warn(
      "lib/sip/pcap.test.ts: tshark is not installed, so the Wireshark check is skipped (apt-get install tshark)",
    );

  describe.skipIf(!tshark && !required)("read by tshark (Wireshark's dissectors)", () => {
    const dir = mkdtempSync(join(tmpdir(), "switchboard-pcap-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const read = (bytes: Uint8Array, args: string[]) => {
      const file = join(dir, `t${Math.random().toString(36).slice(2)}.pcap`);
      writeFileSync(file, bytes);
      return execFileSync(
        "tshark",
        ["-r", file, "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", ...args],
        { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
      );
    };
    const problems = (bytes: Uint8Array) =>
      read(bytes, ["-Y", '_ws.malformed || _ws.expert.severity >= "Warning"']).trim();

    it("reads every frame as SIP, in order, with no malformed packet and no expert warning or error", () => {
      expect(tshark, "tshark is required here (SWITCHBOARD_REQUIRE_TSHARK=1)").toBe(true);
      const lines = read(pcap, ["-T", "fields", "-e", "sip.Request-Line", "-e", "sip.Status-Line", "-E", "separator=|"])
        .trimEnd()
        .split("\n");
      expect(lines).toHaveLength(sip.length);
      lines.forEach((line, n) => {
        const startLine = sip[n]!.raw.slice(0, sip[n]!.raw.indexOf("\r\n"));
        expect(line.split("|").filter((x) => x !== "")).toEqual([startLine]);
      });
      expect(problems(pcap)).toBe("");
    }, 60_000);

    it("dissects the encrypted, routed INVITEs: TLS Via, Route host, RTP/SAVP with the crypto suite, key and salt", () => {
      const invites = sip.filter((m) => m.raw.startsWith("INVITE ") && m.raw.includes("RTP/SAVP"));
      expect(invites.length).toBeGreaterThan(0);
      const rows = read(traceToPcap(invites, START), [
        "-T",
        "fields",
        "-e",
        "sip.Via.transport",
        "-e",
        "sip.Route.host",
        "-e",
        "sdp.media.proto",
        "-e",
        "sdp.crypto.crypto_suite",
        "-e",
        "sdp.crypto.master_key",
        "-e",
        "sdp.crypto.master_salt",
        "-E",
        "separator=|",
      ])
        .trimEnd()
        .split("\n")
        .map((line) => line.split("|"));
      expect(rows).toHaveLength(invites.length);
      invites.forEach((m, n) => {
        const [transport, routeHost, proto, suite, key, salt] = rows[n]!;
        expect(transport).toBe("TLS");
        const route = /^Route: <sips?:([^;:>]+|\[[^\]]+\])/m.exec(m.raw);
        expect(routeHost).toBe(route ? route[1] : "");
        expect(proto).toBe("RTP/SAVP");
        expect(suite).toBe("AES_CM_128_HMAC_SHA1_80");
        // 16-byte master key and 14-byte salt, as tshark splits the inline key||salt.
        expect(key!.replace(/:/g, "")).toMatch(/^[0-9a-f]{32}$/);
        expect(salt!.replace(/:/g, "")).toMatch(/^[0-9a-f]{28}$/);
      });
    }, 60_000);

    it("the same check reports a frame whose UDP checksum is wrong", () => {
      const broken = traceToPcap(sip.slice(0, 2), START);
      broken[broken.length - 1]! ^= 0x20;
      expect(problems(broken)).not.toBe("");
    }, 60_000);
  });
});
