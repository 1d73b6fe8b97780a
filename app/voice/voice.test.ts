/**
 * A whole Twilio call through the webhook routes, each request form-encoded and signed exactly as
 * Twilio signs it (the SDK's getExpectedTwilioSignature over the public URL and the parameters).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks";
import { useTempDatabase } from "@/app/api/v1/_lib/testing/api";
import { parseTwiml, sipUriHeaders, verbs, type TwimlNode } from "@/lib/telephony/testing/parse-twiml";

const tmp = useTempDatabase("voice");
process.env.SWITCHBOARD_PYTHON_WORKERS = "1";
const { getDb } = await import("@/db/server");
const { listAgents } = await import("@/db/repositories/agents");
const { getConversation } = await import("@/db/repositories/conversations");
const { getTwilioCall } = await import("@/db/repositories/telephony");
const { publishDraft } = await import("@/db/repositories/versions");
const { promoteThroughPreRelease } = await import("@/db/repositories/environments");
const TEST_ACTOR = { id: null, name: "test", email: null, via: "cli" as const };
const promoteVersion = (db: Parameters<typeof promoteThroughPreRelease>[0], agentId: string, n: number) =>
  expect(promoteThroughPreRelease(db, agentId, n, TEST_ACTOR)).toMatchObject({ ok: true });
const { assignNumber, connectTwilio } = await import("@/telephony/connection");
const { serverPythonPool } = await import("@/telephony/python-pool");
const routes = {
  call: (await import("@/app/voice/call/route")).POST,
  gather: (await import("@/app/voice/gather/route")).POST,
  transfer: (await import("@/app/voice/transfer/route")).POST,
  status: (await import("@/app/voice/status/route")).POST,
};

const PUBLIC = "https://voice.acme.example";
const TOKEN = "0123456789abcdef0123456789abcdef";
const SID = "AC" + "ab".repeat(16);
const NUMBER = "+14155550100";
const CALLER = "+14155550123";
const actor = { id: null, name: "Test", email: null, via: "cli" as const };
let agentId: string;

const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

beforeAll(async () => {
  const db = getDb();
  agentId = listAgents(db)[0]!.id;
  await connectTwilio(
    db,
    tmp.file,
    { accountSid: SID, authToken: TOKEN, publicBaseUrl: PUBLIC },
    { verify: false, actor },
  );
  await assignNumber(db, tmp.file, { phoneNumber: NUMBER, agentId }, { byHand: true, actor });
  const v1 = publishDraft(db, agentId, { note: "v1", author: "test" });
  expect(v1.ok).toBe(true);
  promoteVersion(db, agentId, 1);
}, 60_000);
afterAll(() => {
  serverPythonPool().dispose();
  getDb().$client.close();
  tmp.cleanup();
});

interface Post {
  signature?: string | null;
  /** Sign for another URL than the one posted to (a replayed request). */
  signedPath?: string;
}

async function post(hook: keyof typeof routes, pathAndQuery: string, params: Record<string, string>, opts: Post = {}) {
  const signature =
    opts.signature === undefined
      ? getExpectedTwilioSignature(TOKEN, `${PUBLIC}${opts.signedPath ?? pathAndQuery}`, params)
      : opts.signature;
  const res = await routes[hook](
    new Request(`http://127.0.0.1:3000${pathAndQuery}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(signature === null ? {} : { "x-twilio-signature": signature }),
      },
      body: new URLSearchParams(params).toString(),
    }),
  );
  const body = await res.text();
  return { status: res.status, body, type: res.headers.get("content-type") };
}

function twiml(r: { status: number; body: string; type: string | null }): TwimlNode {
  expect(r.status, r.body).toBe(200);
  expect(r.type).toMatch(/^text\/xml/);
  return parseTwiml(r.body);
}

/** The path and query of a URL the TwiML names (the test posts where Twilio would). */
const pathOf = (url: string) => {
  expect(url.startsWith(`${PUBLIC}/voice/`)).toBe(true);
  return url.slice(PUBLIC.length);
};

const callParams = (callSid: string, from = CALLER) => ({
  AccountSid: SID,
  CallSid: callSid,
  From: from,
  To: NUMBER,
  CallStatus: "ringing",
  Direction: "inbound",
});

describe("a whole call", () => {
  it("answers, hands off over <Dial><Sip> with the headers, takes the failure path on busy, and stores the call", async () => {
    const callSid = "CA" + "1".repeat(32);
    const start = twiml(await post("call", "/voice/call", callParams(callSid)));
    expect(verbs(start)).toBe("Gather(Say, Say)");
    const gather = start.children[0]!;
    expect(gather.attrs).toMatchObject({ input: "speech dtmf", speechTimeout: "auto", method: "POST" });
    expect(gather.children.map((c) => c.text)).toEqual([
      "Thanks for calling Acme. How can I help you today?",
      "You can ask about billing, or ask to speak to a person.",
    ]);
    const gatherPath = pathOf(gather.attrs.action!);
    expect(gatherPath).toMatch(/^\/voice\/gather\?conversation=conv_[0-9a-f]{16}$/);

    const billing = twiml(
      await post("gather", gatherPath, {
        ...callParams(callSid),
        CallStatus: "in-progress",
        SpeechResult: "I have a question about my bill",
        Confidence: "0.92",
      }),
    );
    expect(verbs(billing)).toBe("Say, Dial(Sip)");
    expect(billing.children[0]!.text).toBe("Let me connect you to our billing team. Your customer id is abc123.");
    const dial = billing.children[1]!;
    const uri = dial.children[0]!.text;
    const { target, headers } = sipUriHeaders(uri);
    expect(target).toBe("sip:billing@pbx.acme.example");
    expect(headers).toEqual({
      "X-Handoff-Reason": "billing",
      "X-Customer-ID": "abc123",
      "X-Caller-ID": CALLER,
    });
    const transferPath = pathOf(dial.attrs.action!);
    expect(transferPath).toBe(gatherPath.replace("/voice/gather", "/voice/transfer"));

    // The destination is busy: the agent apologises and asks the last question again.
    const busy = twiml(
      await post("transfer", transferPath, {
        ...callParams(callSid),
        CallStatus: "in-progress",
        DialCallStatus: "busy",
        DialSipResponseCode: "486",
      }),
    );
    expect(verbs(busy)).toBe("Gather(Say, Say)");
    expect(busy.children[0]!.children[0]!.text).toBe("I couldn't connect you right now.");

    const bye = twiml(await post("gather", gatherPath, { ...callParams(callSid), SpeechResult: "that's all" }));
    expect(verbs(bye)).toBe("Say, Hangup");

    const conversationId = new URLSearchParams(gatherPath.split("?")[1]).get("conversation")!;
    expect(getConversation(getDb(), conversationId)).toBeNull();
    const done = await post("status", "/voice/status", {
      ...callParams(callSid),
      CallStatus: "completed",
      CallDuration: "42",
    });
    expect(done.status).toBe(200);
    const stored = getConversation(getDb(), conversationId)!;
    expect(stored).toMatchObject({ channel: "twilio", version: 1, outcome: "hangup", duration_ms: 42_000 });
    expect(stored.variables).toMatchObject({ call_sid: callSid, caller_id: CALLER, called_number: NUMBER });
    expect(stored.turns.filter((t) => t.role === "caller").map((t) => t.text)).toEqual([
      "I have a question about my bill",
      "that's all",
    ]);
    expect(stored.logs).toContainEqual(
      expect.objectContaining({ level: "warning", message: "Transfer busy (Twilio busy, SIP 486)" }),
    );
    expect(stored.metrics).toContainEqual(expect.objectContaining({ name: "transfer_outcome", value: "busy" }));
    // The runtime's own record of the transfer says what Twilio reported.
    expect(stored.handoff).toMatchObject({ destination: "Billing Support", outcome: "busy", sip_status: 486 });
    // A repeated status callback changes nothing.
    expect((await post("status", "/voice/status", { ...callParams(callSid), CallStatus: "completed" })).status).toBe(
      200,
    );
  });

  it("a completed transfer is recorded and the call is stored as a handoff", async () => {
    const callSid = "CA" + "2".repeat(32);
    const start = twiml(await post("call", "/voice/call", callParams(callSid)));
    const gatherPath = pathOf(start.children[0]!.attrs.action!);
    const billing = twiml(await post("gather", gatherPath, { ...callParams(callSid), SpeechResult: "billing" }));
    const transferPath = pathOf(billing.children[1]!.attrs.action!);
    expect(
      verbs(
        twiml(
          await post("transfer", transferPath, {
            ...callParams(callSid),
            DialCallStatus: "completed",
            DialCallDuration: "30",
          }),
        ),
      ),
    ).toBe("Hangup");
    await post("status", `/voice/status`, { ...callParams(callSid), CallStatus: "completed", CallDuration: "50" });
    const stored = getConversation(
      getDb(),
      getTwilioCall(getDb(), new URLSearchParams(gatherPath.split("?")[1]).get("conversation")!)!.conversationId,
    )!;
    expect(stored).toMatchObject({
      channel: "twilio",
      outcome: "handoff",
      handoff: { destination: "Billing Support", method: "invite" },
    });
    expect(stored.metrics).toContainEqual(expect.objectContaining({ name: "transfer_outcome", value: "completed" }));
  });
});

describe("signatures", () => {
  const params = callParams("CA" + "3".repeat(32));

  it.each([
    ["missing", { signature: null }],
    ["forged", { signature: "bm90IGEgc2lnbmF0dXJl" }],
    [
      "signed with another token",
      { signature: getExpectedTwilioSignature("f".repeat(32), `${PUBLIC}/voice/call`, params) },
    ],
    ["replayed to another URL", { signedPath: "/voice/status" }],
  ] as const)("%s → 403, and nothing runs", async (_label, opts) => {
    const r = await post("call", "/voice/call", params, opts);
    expect(r.status).toBe(403);
    expect(r.body).not.toContain("<Response>");
    expect(getTwilioCall(getDb(), "x")).toBeNull();
    const calls = getDb()
      .$client.prepare("SELECT count(*) AS n FROM twilio_calls WHERE call_sid = ?")
      .get(params.CallSid) as { n: number };
    expect(calls.n).toBe(0);
  });

  it("a changed parameter breaks the signature", async () => {
    const signature = getExpectedTwilioSignature(TOKEN, `${PUBLIC}/voice/call`, params);
    expect((await post("call", "/voice/call", { ...params, From: "+19995550000" }, { signature })).status).toBe(403);
  });
});

it("a number no agent serves: Say + Hangup, and a log entry", async () => {
  const r = twiml(await post("call", "/voice/call", { ...callParams("CA" + "4".repeat(32)), To: "+14155550999" }));
  expect(verbs(r)).toBe("Say, Hangup");
  expect(r.children[0]!.text).toBe("This number is not configured");
  expect(warn).toHaveBeenCalledWith(expect.stringContaining("+14155550999: no agent serves this number"));
});

describe("Python on the server", () => {
  it("a gold caller goes through the override function: transfer_call's route and headers", async () => {
    const db = getDb();
    db.$client.prepare("UPDATE variables SET sample_value = 'gold' WHERE agent_id = ? AND name = 'tier'").run(agentId);
    expect(publishDraft(db, agentId, { note: "gold", author: "test" })).toMatchObject({ ok: true });
    promoteVersion(db, agentId, 2);

    const callSid = "CA" + "5".repeat(32);
    // Arrived over SIP: Twilio can REFER it.
    const sipCaller = "sip:alice@carrier.example";
    const start = twiml(
      await post("call", "/voice/call", { ...callParams(callSid, sipCaller), "SipHeader_X-Account": "77" }),
    );
    const gatherPath = pathOf(start.children[0]!.attrs.action!);
    const vip = twiml(
      await post("gather", gatherPath, {
        ...callParams(callSid, sipCaller),
        SpeechResult: "I have a question about my bill",
      }),
    );
    expect(verbs(vip)).toBe("Say, Refer(Sip)");
    expect(vip.children[0]!.text).toBe("Connecting you to our VIP team.");
    const uri = vip.children[1]!.children[0]!.text;
    expect(sipUriHeaders(uri).target).toBe("sip:vip@pbx.acme.example");
    expect(sipUriHeaders(uri).headers).toEqual({
      "X-Handoff-Reason": "needs_human",
      "X-Tier": "gold",
      "X-Customer-ID": "abc123",
    });
    const transferPath = pathOf(vip.children[1]!.attrs.action!);
    await post("transfer", transferPath, {
      ...callParams(callSid, sipCaller),
      ReferCallStatus: "success",
      ReferSipResponseCode: "200",
    });
    await post("status", "/voice/status", { ...callParams(callSid, sipCaller), CallStatus: "completed" });
    const conversationId = new URLSearchParams(gatherPath.split("?")[1]).get("conversation")!;
    const stored = getConversation(db, conversationId)!;
    expect(stored).toMatchObject({
      channel: "twilio",
      version: 2,
      outcome: "handoff",
      handoff: { destination: "sip:vip@pbx.acme.example", source: "transfer_call", function: "route_vip" },
    });
    expect(stored.metrics).toContainEqual(expect.objectContaining({ name: "vip_transfers" }));
  }, 120_000);

  it("a caller not on SIP: the REFER is sent as <Dial> and a warning recorded", async () => {
    const callSid = "CA" + "6".repeat(32);
    const start = twiml(await post("call", "/voice/call", callParams(callSid)));
    const gatherPath = pathOf(start.children[0]!.attrs.action!);
    const vip = twiml(await post("gather", gatherPath, { ...callParams(callSid), SpeechResult: "billing" }));
    expect(verbs(vip)).toBe("Say, Dial(Sip)");
    await post("status", "/voice/status", { ...callParams(callSid), CallStatus: "completed" });
    const stored = getConversation(getDb(), new URLSearchParams(gatherPath.split("?")[1]).get("conversation")!)!;
    expect(stored.logs).toContainEqual(
      expect.objectContaining({
        message: "Twilio can REFER only a call that arrived over SIP; the call is transferred with <Dial>",
      }),
    );
  }, 120_000);
});

describe("a destination's ring timeout and attempts on a live call", () => {
  beforeAll(async () => {
    const db = getDb();
    db.$client
      .prepare("UPDATE variables SET sample_value = 'silver' WHERE agent_id = ? AND name = 'tier'")
      .run(agentId);
    const { findDestinationByName, updateDestination } = await import("@/db/repositories/handoffs");
    const billing = findDestinationByName(db, agentId, "Billing Support")!;
    const {
      id: _id,
      agentId: _agent,
      isDefault: _default,
      ...input
    } = billing as typeof billing & {
      agentId?: string;
    };
    expect(
      updateDestination(db, agentId, billing.id, { ...input, attempts: 2, ringTimeoutSeconds: 20 } as never),
    ).toMatchObject({ ok: true });
    const v3 = publishDraft(db, agentId, { note: "retries", author: "test" });
    expect(v3).toMatchObject({ ok: true });
    promoteVersion(db, agentId, (v3 as { version: { number: number } }).version.number);
  });

  async function toBilling(callSid: string) {
    const start = twiml(await post("call", "/voice/call", callParams(callSid)));
    const gatherPath = pathOf(start.children[0]!.attrs.action!);
    const billing = twiml(await post("gather", gatherPath, { ...callParams(callSid), SpeechResult: "billing" }));
    expect(verbs(billing)).toBe("Say, Dial(Sip)");
    const conversationId = new URLSearchParams(gatherPath.split("?")[1]).get("conversation")!;
    return { dial: billing.children[1]!, conversationId };
  }

  it("rings for the ring timeout; busy twice: a second <Dial>, then the failure path; both attempts are stored", async () => {
    const callSid = "CA" + "7".repeat(32);
    const { dial, conversationId } = await toBilling(callSid);
    expect(dial.attrs.timeout).toBe("20");
    const busy = {
      ...callParams(callSid),
      CallStatus: "in-progress",
      DialCallStatus: "busy",
      DialSipResponseCode: "486",
    };

    const again = twiml(await post("transfer", pathOf(dial.attrs.action!), busy));
    expect(verbs(again)).toBe("Dial(Sip)");
    const redial = again.children[0]!;
    expect(redial.attrs.timeout).toBe("20");
    expect(redial.children[0]!.text).toBe(dial.children[0]!.text);
    expect(new URL(redial.attrs.action!).searchParams.get("tried")).toBe("busy:486");

    const failed = twiml(await post("transfer", pathOf(redial.attrs.action!), busy));
    expect(verbs(failed)).toBe("Gather(Say, Say)");
    expect(failed.children[0]!.children[0]!.text).toBe("I couldn't connect you right now.");

    await post("status", "/voice/status", { ...callParams(callSid), CallStatus: "completed" });
    const stored = getConversation(getDb(), conversationId)!;
    expect(stored.handoff).toMatchObject({ destination: "Billing Support", outcome: "busy", sip_status: 486 });
    expect(stored.handoff!.attempts.map((a) => [a.outcome, a.sip_status])).toEqual([
      ["busy", 486],
      ["busy", 486],
    ]);
    expect(stored.logs).toContainEqual(
      expect.objectContaining({ message: "Transfer busy (Twilio busy, SIP 486): attempt 1 of 2; trying again" }),
    );
  });

  it("busy, then answered: the call is handed off and the record keeps both attempts", async () => {
    const callSid = "CA" + "8".repeat(32);
    const { dial, conversationId } = await toBilling(callSid);
    const redial = twiml(
      await post("transfer", pathOf(dial.attrs.action!), {
        ...callParams(callSid),
        DialCallStatus: "no-answer",
      }),
    ).children[0]!;
    expect(new URL(redial.attrs.action!).searchParams.get("tried")).toBe("no_answer:");
    const done = twiml(
      await post("transfer", pathOf(redial.attrs.action!), {
        ...callParams(callSid),
        DialCallStatus: "completed",
        DialCallDuration: "12",
      }),
    );
    expect(verbs(done)).toBe("Hangup");
    await post("status", "/voice/status", { ...callParams(callSid), CallStatus: "completed" });
    const stored = getConversation(getDb(), conversationId)!;
    expect(stored).toMatchObject({
      outcome: "handoff",
      handoff: { destination: "Billing Support", outcome: "completed" },
    });
    expect(stored.handoff!.attempts.map((a) => a.outcome)).toEqual(["no_answer", "completed"]);
  });

  it("a forged `tried` in the URL fails the signature check", async () => {
    const callSid = "CA" + "9".repeat(32);
    const { dial } = await toBilling(callSid);
    const path = pathOf(dial.attrs.action!);
    const r = await post(
      "transfer",
      `${path}&tried=busy:486`,
      { ...callParams(callSid), DialCallStatus: "busy" },
      {
        signedPath: path,
      },
    );
    expect(r.status).toBe(403);
  });
});
