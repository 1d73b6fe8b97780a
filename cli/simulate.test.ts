import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../db/client";
import { listAgents } from "../db/repositories/agents";
import { getConversation } from "../db/repositories/conversations";
import { createAgent } from "../db/repositories/agents";
import { createFlow } from "../db/repositories/flows";
import { createFunction, findFunctionByName, saveFunction } from "../db/repositories/functions";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "switchboard-simulate-"));
const db = path.join(dir, "cli.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
      env: { ...process.env, SWITCHBOARD_DB: db },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// Every call of the demo agent starts Python (its start_function), so each CLI run pays for Pyodide.
describe("cli simulate", { timeout: 180_000 }, () => {
  it("prints the handoff record and SIP trace as JSON", async () => {
    const r = await cli(
      "simulate",
      "--agent",
      "acme support",
      "--say",
      "I have a question about my bill",
      "--seed",
      "t1",
      "--json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(["transcript", "path", "handoff", "sip_trace", "metrics", "logs", "warnings"]),
    );
    expect(out.path).toEqual(["start", "intent", "tier", "billing_handoff"]);
    expect(out.node_titles).toEqual({
      start: "Start",
      intent: "What does the caller need?",
      tier: "Gold customer?",
      billing_handoff: "Handoff: Billing Support",
    });
    expect(out.handoff).toMatchObject({
      destination: "Billing Support",
      method: "invite",
      reason: "billing",
      source: "builtin",
      sip_headers: [
        { name: "X-Customer-ID", value: "abc123" },
        { name: "X-Caller-ID", value: "+14155550123" },
      ],
    });
    const invite = out.sip_trace.messages.find(
      (m: { label: string; to: string }) => m.label === "INVITE" && m.to === "destination",
    );
    expect(invite.raw).toContain("X-Customer-ID: abc123\r\n");
    expect(out.transcript[2]).toMatchObject({ role: "caller", text: "I have a question about my bill" });
  });

  it("runs the Python override for gold callers and saves the conversation", async () => {
    const r = await cli(
      "simulate",
      "--agent",
      "Acme Support",
      "--say",
      "my bill please",
      "--var",
      "tier=gold",
      "--var",
      "customer_id=c-9",
      "--seed",
      "t2",
      "--save",
      "--json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.handoff).toMatchObject({
      source: "transfer_call",
      function: "route_vip",
      route: "sip:vip@pbx.acme.example",
    });
    expect(out.handoff.sip_headers).toEqual(
      expect.arrayContaining([
        { name: "X-Customer-ID", value: "c-9" },
        { name: "X-Tier", value: "gold" },
      ]),
    );
    expect(out.saved).toBe(true);
    const store = openDb(db);
    expect(getConversation(store, out.conversation_id)).toMatchObject({
      outcome: "handoff",
      channel: "simulator",
      handoff: { source: "transfer_call" },
    });
    store.$client.close();
    const again = await cli("simulate", "--agent", "Acme Support", "--say", "my bill please", "--seed", "t2", "--save");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already stored");
  });

  it("reports a function whose result is malformed as the function's error and exits 0", async () => {
    const store = openDb(db);
    const agent = listAgents(store).find((a) => a.name === "Acme Support")!;
    const fn = findFunctionByName(store, agent.id, "route_vip")!;
    saveFunction(store, agent.id, fn.id, {
      code: 'def route_vip(conv):\n    conv.transfer_call("2001")\n    conv._handoff["sipHeaders"] = [{"name": "X-A", "value": 5}]\n',
    });
    store.$client.close();
    try {
      const r = await cli("simulate", "--agent", "Acme Support", "--say", "my bill", "--var", "tier=gold", "--json");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.logs).toContainEqual(
        expect.objectContaining({
          level: "error",
          message: expect.stringContaining("handoff.sipHeaders[0].value: expected text, got 5"),
        }),
      );
      // The override failed, so the handoff node hands off as configured.
      expect(out.handoff).toMatchObject({ source: "builtin", destination: "Billing Support" });
    } finally {
      const restore = openDb(db);
      saveFunction(restore, agent.id, fn.id, { code: fn.code });
      restore.$client.close();
    }
  });

  it("runs transfer_call(soft=True): the consultation INVITE, the whisper, REFER with Replaces; busy keeps the caller", async () => {
    const store = openDb(db);
    const agent = listAgents(store).find((a) => a.name === "Acme Support")!;
    const fn = findFunctionByName(store, agent.id, "route_vip")!;
    saveFunction(store, agent.id, fn.id, {
      code: 'def route_vip(conv):\n    conv.transfer_call("sip:vip@pbx.acme.example", soft=True, whisper="Gold caller, billing")\n',
    });
    store.$client.close();
    try {
      const r = await cli("simulate", "--agent", "Acme Support", "--say", "my bill", "--var", "tier=gold", "--json");
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.handoff).toMatchObject({ source: "transfer_call", soft: true, outcome: "completed" });
      const messages: { label: string; raw: string }[] = out.sip_trace.messages;
      const whisper = messages.findIndex((m) => m.label.includes("whispers") && m.raw.includes("Gold caller, billing"));
      const refer = messages.findIndex((m) => m.label === "REFER");
      expect(whisper).toBeGreaterThan(messages.findIndex((m) => m.label === "INVITE"));
      expect(refer).toBeGreaterThan(whisper);
      expect(messages[refer]!.raw).toMatch(/Refer-To: <sip:vip@pbx\.acme\.example\?Replaces=/);

      const busy = await cli(
        "simulate",
        "--agent",
        "Acme Support",
        "--say",
        "my bill",
        "--var",
        "tier=gold",
        "--behaviour",
        "*=busy",
        "--json",
      );
      expect(busy.code).toBe(0);
      const failed = JSON.parse(busy.stdout);
      expect(failed.handoff).toMatchObject({ soft: true, outcome: "busy", sip_status: 486 });
      expect(failed.sip_trace.messages.map((m: { label: string }) => m.label)).not.toContain("REFER");
    } finally {
      const restore = openDb(db);
      saveFunction(restore, agent.id, fn.id, { code: fn.code });
      restore.$client.close();
    }
  });

  it("stops a runaway function at the agent's own time limit and goes on with the handoff as configured", async () => {
    const store = openDb(db);
    const agent = listAgents(store).find((a) => a.name === "Acme Support")!;
    const fn = findFunctionByName(store, agent.id, "route_vip")!;
    saveFunction(store, agent.id, fn.id, { code: "def route_vip(conv):\n    while True:\n        pass\n" });
    // Not the default (2,000 ms): a limit that was dropped on the way to the worker would show here.
    store.$client.prepare("UPDATE agents SET function_timeout_ms = 700 WHERE id = ?").run(agent.id);
    store.$client.close();
    try {
      const r = await cli("simulate", "--agent", "Acme Support", "--say", "my bill", "--var", "tier=gold", "--json");
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.logs).toContainEqual(
        expect.objectContaining({
          level: "error",
          message: expect.stringContaining("route_vip did not finish within 700 ms and was stopped"),
        }),
      );
      expect(out.handoff).toMatchObject({ source: "builtin", destination: "Billing Support" });
    } finally {
      const restore = openDb(db);
      saveFunction(restore, agent.id, fn.id, { code: fn.code });
      restore.$client.prepare("UPDATE agents SET function_timeout_ms = 2000 WHERE id = ?").run(agent.id);
      restore.$client.close();
    }
  });

  it("names nodes by their titles in the text output", async () => {
    const r = await cli("simulate", "--agent", "Acme Support", "--say", "my bill", "--seed", "t4");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Path: Start → What does the caller need? → Gold customer? → Handoff: Billing Support\n",
    );
    expect(r.stdout).toContain("node: Handoff: Billing Support [billing_handoff]\n");
  });

  it("takes --say and --dtmf in order and reports unused turns", async () => {
    const callerTurns = (out: { transcript: { role: string; text: string }[] }) =>
      out.transcript.filter((t) => t.role === "caller").map((t) => t.text);

    // Keys first: no match, the agent asks again, then "goodbye" ends the call.
    const keysFirst = await cli("simulate", "--agent", "Acme Support", "--dtmf", "5", "--say", "goodbye", "--json");
    expect(keysFirst.code).toBe(0);
    const a = JSON.parse(keysFirst.stdout);
    expect(callerTurns(a)).toEqual(["DTMF 5", "goodbye"]);
    expect(a).toMatchObject({ outcome: "hangup", warnings: [] });

    // The same turns the other way round: "goodbye" ends the call before the keys are pressed.
    const wordsFirst = await cli("simulate", "--agent", "Acme Support", "--say", "goodbye", "--dtmf", "5", "--json");
    expect(wordsFirst.code).toBe(0);
    const b = JSON.parse(wordsFirst.stdout);
    expect(callerTurns(b)).toEqual(["goodbye"]);
    expect(b).toMatchObject({ outcome: "hangup", warnings: ["1 caller turn was not used: the call ended first"] });

    // Two misses in a row (words, then keys) take the no-match path to the IVR.
    const r = await cli(
      "simulate",
      "--agent",
      "Acme Support",
      "--say",
      "purple",
      "--dtmf",
      "5",
      "--say",
      "goodbye",
      "--say",
      "extra",
      "--seed",
      "t3",
      "--json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(callerTurns(out)).toEqual(["purple", "DTMF 5"]);
    expect(out.outcome).toBe("handoff");
    expect(out.warnings).toEqual(["2 caller turns were not used: the call ended first"]);
  });

  it("--pcap writes the call's SIP trace as a capture", async () => {
    const file = path.join(dir, "call.pcap");
    const r = await cli(
      "simulate",
      "--agent",
      "acme support",
      "--say",
      "I have a question about my bill",
      "--seed",
      "p1",
      "--json",
      "--pcap",
      file,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { sip_trace: { messages: { kind: string; raw: string }[] } };
    const pcap = readFileSync(file);
    let frames = 0;
    for (let p = 24; p < pcap.length; p += 16 + pcap.readUInt32LE(p + 8)) frames++;
    expect(frames).toBe(out.sip_trace.messages.filter((m) => m.kind === "sip").length);
    expect(frames).toBeGreaterThan(4);
  });

  it('--behaviour "Billing Support=busy": the 486 ladder, the fallback line, the attempt; other destinations answer', async () => {
    const r = await cli(
      "simulate",
      "--agent",
      "acme support",
      "--behaviour",
      "billing support=busy",
      "--say",
      "I have a question about my bill",
      "--seed",
      "b1",
      "--json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.handoff).toMatchObject({ destination: "Billing Support", outcome: "busy", sip_status: 486 });
    expect(out.transfer_attempts).toEqual([
      expect.objectContaining({ destination: "Billing Support", method: "invite", outcome: "busy", sip_status: 486 }),
    ]);
    const labels = out.sip_trace.messages.map((m: { label: string }) => m.label);
    expect(labels).toEqual(expect.arrayContaining(["486 Busy Here", "ACK"]));
    expect(out.transcript.map((t: { text: string }) => t.text)).toContain("I couldn't connect you right now.");

    const refer = await cli(
      "simulate",
      "--agent",
      "acme support",
      "--behaviour",
      "Billing Support=busy",
      "--behaviour",
      "Front desk=rejected",
      "--say",
      "speak to a person",
      "--seed",
      "b2",
    );
    expect(refer.code).toBe(0);
    expect(refer.stdout).toContain("outcome: declined (403); the agent stayed on the call");
    expect(refer.stdout).toContain("403 Forbidden");
  });

  it("a gold tier arriving as an inbound SIP header reaches route_vip (the seeded start_function sets conv.state.tier)", async () => {
    const gold = await cli(
      "simulate",
      "--agent",
      "Acme Support",
      "--sip-header",
      "X-Customer-Tier=gold",
      "--sip-header",
      "X-Campaign=spring",
      "--say",
      "my bill please",
      "--seed",
      "sip1",
      "--json",
    );
    expect(gold.code).toBe(0);
    const out = JSON.parse(gold.stdout);
    expect(out.path).toEqual(["start", "intent", "tier", "vip"]);
    expect(out.handoff).toMatchObject({
      source: "transfer_call",
      function: "route_vip",
      route: "sip:vip@pbx.acme.example",
    });
    expect(out.logs).toContainEqual(
      expect.objectContaining({
        source: "start_function",
        message: "tier from the inbound SIP header",
        fields: { tier: "gold" },
      }),
    );
    // Without the header the sample tier (silver) stands: Billing Support as the node is configured.
    const silver = JSON.parse(
      (await cli("simulate", "--agent", "Acme Support", "--say", "my bill please", "--seed", "sip2", "--json")).stdout,
    );
    expect(silver.handoff).toMatchObject({ source: "builtin", destination: "Billing Support" });
    expect(await cli("simulate", "--agent", "Acme Support", "--sip-header", "X-Customer-Tier")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--sip-header expects NAME=VALUE"),
    });
    expect(await cli("simulate", "--agent", "Acme Support", "--sip-header", "X Tier=gold")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"X Tier" is not a SIP header name'),
    });
  });

  it("runs an agent across two flows: Go to flow, conv.exit_flow(), end_function; the stored path names both", async () => {
    const store = openDb(db);
    const agent = createAgent(store, "Two Flows");
    const at = { x: 0, y: 0 };
    expect(
      createFunction(store, agent.id, {
        name: "leave",
        description: "",
        code: 'def leave(conv):\n    conv.write_metric("billing_seen", write_once=True)\n    conv.exit_flow()\n',
      }).ok,
    ).toBe(true);
    expect(
      createFunction(store, agent.id, {
        name: "end_function",
        description: "",
        code: 'def end_function(conv):\n    conv.write_metric("ended", True)\n',
      }).ok,
    ).toBe(true);
    const main = createFlow(store, agent.id, {
      name: "Main",
      nodes: [
        { id: "s", type: "start", position: at, data: { greeting: "Hello." } },
        { id: "g", type: "goto_flow", position: at, data: { flow: "Billing" } },
        { id: "z", type: "end", position: at, data: { goodbye: "Back in main, bye." } },
      ],
      edges: [
        { id: "e1", source: "s", sourceHandle: "next", target: "g" },
        { id: "e2", source: "g", sourceHandle: "next", target: "z" },
      ],
    });
    const billing = createFlow(store, agent.id, {
      name: "Billing",
      nodes: [
        { id: "s", type: "start", position: at, data: { greeting: "Billing desk." } },
        { id: "f", type: "function", position: at, data: { functionName: "leave", arguments: [] } },
      ],
      edges: [{ id: "e1", source: "s", sourceHandle: "next", target: "f" }],
    });
    expect(main.ok && billing.ok).toBe(true);
    store.$client.close();

    const r = await cli("simulate", "--agent", "Two Flows", "--seed", "flows1", "--save", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.path).toEqual(["Main/s", "Main/g", "Billing/s", "Billing/f", "Main/z"]);
    expect(out.path_flows).toEqual(["Main", "Main", "Billing", "Billing", "Main"]);
    expect(out.transcript.map((t: { text: string }) => t.text)).toEqual([
      "Hello.",
      'Went to flow "Billing"',
      "Billing desk.",
      'Left flow "Billing", back in "Main"',
      "Back in main, bye.",
    ]);
    expect(out.metrics.map((m: { name: string }) => m.name)).toEqual(["billing_seen", "ended"]);
    const check = openDb(db);
    expect(getConversation(check, out.conversation_id)).toMatchObject({
      path: ["Main/s", "Main/g", "Billing/s", "Billing/f", "Main/z"],
      node_titles: { "Main/g": "Go to flow: Billing", "Billing/f": "Function: leave" },
    });
    check.$client.close();
    const text = await cli("simulate", "--agent", "Two Flows", "--seed", "flows2");
    expect(text.stdout).toContain("Path: Start → Go to flow: Billing → [Billing] Start → Function: leave → [Main] End");
  });

  it("--at sets a test clock: conv.now() reads it in UTC, advancing with the call; a bad one exits 2", async () => {
    const store = openDb(db);
    const agent = createAgent(store, "Clock");
    const at = { x: 0, y: 0 };
    createFunction(store, agent.id, {
      name: "stamp",
      description: "",
      code: 'def stamp(conv):\n    conv.write_metric("now", conv.now().isoformat())\n',
    });
    createFlow(store, agent.id, {
      name: "Main",
      nodes: [
        { id: "s", type: "start", position: at, data: { greeting: "" } },
        { id: "f", type: "function", position: at, data: { functionName: "stamp", arguments: [] } },
      ],
      edges: [{ id: "e1", source: "s", sourceHandle: "next", target: "f" }],
    });
    store.$client.close();
    const r = await cli("simulate", "--agent", "Clock", "--at", "2026-03-01T10:30:00+01:00", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.metrics).toEqual([expect.objectContaining({ name: "now", value: "2026-03-01T09:30:00+00:00" })]);
    expect(await cli("simulate", "--agent", "Clock", "--at", "2026-03-01 09:30")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--at: An ISO 8601 date and time, e.g. 2026-03-01T09:30:00Z"),
    });
  });

  it("exits 2 with a clear message on bad arguments", async () => {
    expect(await cli("simulate", "--agent", "Acme Support", "--behaviour", "Billing Support=sleepy")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"sleepy" is not a behaviour'),
    });
    expect(await cli("simulate", "--agent", "Acme Support", "--behaviour", "Nobody=busy")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no destination named "Nobody"'),
    });
    expect(await cli("simulate")).toMatchObject({ code: 2, stderr: expect.stringContaining("Missing --agent") });
    expect(await cli("simulate", "--agent", "Nobody")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown agent "Nobody"'),
    });
    expect(await cli("simulate", "--agent", "Acme Support", "--flow", "Nope")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown flow "Nope"'),
    });
    expect(await cli("simulate", "--agent", "Acme Support", "--dtmf", "12x")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("keypad digits"),
    });
    expect(await cli("simulate", "--agent", "Acme Support", "--var", "bad")).toMatchObject({ code: 2 });
    expect(await cli("simulate", "--agent", "Acme Support", "--bogus")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option --bogus"),
    });
  });
});
