import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-cli-"));
const db = path.join(dir, "cli.db");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, SWITCHBOARD_DB: db },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonTrace {
  messages: Array<{ from: string; to: string; label: string; raw: string; at: number; kind: string }>;
  warnings: Array<{ code: string; message: string }>;
}

// Each case spawns the CLI (about half a second each), so allow more than the default.
describe("cli handoff-trace", { timeout: 60_000 }, () => {
  it("prints {messages, warnings} as JSON, with --var overriding the agent's sample values", () => {
    const r = cli(
      "handoff-trace",
      "--agent",
      "acme support",
      "--destination",
      "Billing Support",
      "--var",
      "customer_id=zzz",
      "--utterance",
      "One moment",
      "--json",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout) as JsonTrace;
    expect(Object.keys(trace).sort()).toEqual(["messages", "warnings"]);
    for (const m of trace.messages) {
      expect(Object.keys(m).sort()).toEqual(["at", "from", "kind", "label", "raw", "to"]);
      expect(["sbc", "agent", "destination"]).toContain(m.from);
    }
    const invite = trace.messages.find((m) => m.label === "INVITE" && m.from === "agent")!;
    expect(invite.to).toBe("destination");
    expect(invite.raw).toContain("\r\nX-Customer-ID: zzz\r\n");
    expect(invite.raw).toContain("\r\nX-Caller-ID: +14155550123\r\n");
    expect(invite.raw).toContain("\r\nX-Handoff-Reason: Billing Support\r\n");
    expect(trace.messages.find((m) => m.kind === "media")!.label).toBe('Agent says "One moment"');
    expect(trace.warnings).toEqual([]);
  });

  it("uses the agent's sample values by default and is reproducible with --seed", () => {
    const a = cli(
      "handoff-trace",
      "--agent",
      "Acme Support",
      "--destination",
      "billing support",
      "--seed",
      "5",
      "--json",
    );
    const b = cli(
      "handoff-trace",
      "--agent",
      "Acme Support",
      "--destination",
      "billing support",
      "--seed",
      "5",
      "--json",
    );
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain("X-Customer-ID: abc123");
  });

  it("prints readable text by default, with the reason and the busy variant", () => {
    const r = cli(
      "handoff-trace",
      "--agent",
      "Acme Support",
      "--destination",
      "Front desk",
      "--reason",
      "needs_human",
      "--variant",
      "busy",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("# Acme Support → Front desk (SIP REFER");
    expect(r.stdout).toMatch(/\[ {2}0\.000s\] SBC -> Agent {2}INVITE\n/);
    expect(r.stdout).toContain("X-Handoff-Reason: needs_human");
    expect(r.stdout).toContain("SIP/2.0 486 Busy Here");
    expect(r.stdout).toContain("Agent resumes the call");
  });

  it("--pcap writes the trace's SIP messages as a capture beside the usual output", () => {
    const file = path.join(dir, "billing.pcap");
    const r = cli(
      "handoff-trace",
      "--agent",
      "acme support",
      "--destination",
      "Billing Support",
      "--seed",
      "7",
      "--json",
      "--pcap",
      file,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout) as JsonTrace;
    const pcap = readFileSync(file);
    expect(pcap.readUInt32LE(0)).toBe(0xa1b2c3d4);
    const payloads: string[] = [];
    for (let p = 24; p < pcap.length; p += 16 + pcap.readUInt32LE(p + 8))
      payloads.push(pcap.subarray(p + 16 + 42, p + 16 + pcap.readUInt32LE(p + 8)).toString("utf8"));
    expect(payloads).toEqual(trace.messages.filter((m) => m.kind === "sip").map((m) => m.raw));
    const bad = cli(
      "handoff-trace",
      "--agent",
      "acme support",
      "--destination",
      "Billing Support",
      "--pcap",
      path.join(dir, "no/such/dir.pcap"),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--pcap: cannot write");
  });

  it("exits 2 for an unknown agent", () => {
    const r = cli("handoff-trace", "--agent", "Nobody", "--destination", "Front desk");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: Unknown agent "Nobody"\. Agents: "Acme Support"/);
    expect(r.stdout).toBe("");
  });

  it("exits 2 for an unknown destination, listing the available ones", () => {
    const r = cli("handoff-trace", "--agent", "Acme Support", "--destination", "Sales");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'Unknown destination "Sales" for agent "Acme Support". Available: "Front desk", "Billing Support", "Hand back to IVR"',
    );
  });

  it("exits 2 for bad flags and bad values", () => {
    const cases: Array<[string[], RegExp]> = [
      [["--agent", "Acme Support", "--destination", "Front desk", "--bogus"], /Unknown option --bogus/],
      [
        ["--agent", "Acme Support", "--destination", "Front desk", "--reason", "Needs Human"],
        /--reason must be a reason code/,
      ],
      [
        ["--agent", "Acme Support", "--destination", "Front desk", "--variant", "maybe"],
        /--variant must be success or busy/,
      ],
      [["--agent", "Acme Support", "--destination", "Front desk", "--var", "no-equals"], /--var expects name=value/],
      [["--agent", "Acme Support", "--destination"], /--destination/],
      [["--destination", "Front desk"], /Missing --agent/],
      [["--agent", "Acme Support", "--destination", "Front desk", "stray"], /Unexpected argument "stray"/],
    ];
    for (const [args, message] of cases) {
      const r = cli("handoff-trace", ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it("help lists the commands; an unknown command exits 2", () => {
    const help = cli("help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("handoff-trace");
    expect(cli("handoff-trace", "--help").stdout).toContain("--destination <name>");
    const bad = cli("frobnicate");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown command "frobnicate"');
  });
});
