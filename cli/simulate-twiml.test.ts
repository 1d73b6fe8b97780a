import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parseTwiml, sipUriHeaders, verbs } from "../lib/telephony/testing/parse-twiml";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-simulate-twiml-"));
const db = path.join(dir, "cli.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cli simulate --twiml", { timeout: 60_000 }, () => {
  it("prints the webhook and TwiML of every turn, a refused transfer as the Dial then its busy action", async () => {
    const { stdout } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "cli/main.ts",
        "simulate",
        "--agent",
        "Acme Support",
        "--variant",
        "busy",
        "--seed",
        "tw",
      ].concat(["--say", "I have a question about my bill", "--say", "that's all", "--twiml", "--json"]),
      { env: { ...process.env, SWITCHBOARD_DB: db } },
    );
    const { twiml } = JSON.parse(stdout) as { twiml: { request: string; xml: string | null; warnings: string[] }[] };
    expect(twiml.map((t) => t.request)).toEqual([
      "POST /voice/call",
      'POST /voice/gather (SpeechResult="I have a question about my bill")',
      "POST /voice/transfer (DialCallStatus=busy, DialSipResponseCode=486)",
      'POST /voice/gather (SpeechResult="that\'s all")',
    ]);
    const parsed = twiml.map((t) => parseTwiml(t.xml!));
    expect(parsed.map(verbs)).toEqual(["Gather(Say, Say)", "Say, Dial(Sip)", "Gather(Say, Say)", "Say, Hangup"]);
    const sip = sipUriHeaders(parsed[1]!.children[1]!.children[0]!.text);
    expect(sip).toEqual({
      target: "sip:billing@pbx.acme.example",
      headers: { "X-Handoff-Reason": "billing", "X-Customer-ID": "abc123", "X-Caller-ID": "+14155550123" },
    });
    expect(parsed[1]!.children[1]!.attrs.action).toMatch(
      /^https:\/\/switchboard\.example\/voice\/transfer\?conversation=conv_[0-9a-f]{16}$/,
    );
  });
});
