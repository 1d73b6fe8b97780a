import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { tempDb } from "../db/testing/temp-db";
import { listAgents } from "../db/repositories/agents";
import { getTwilioCredentials, listTwilioNumbers } from "../db/repositories/telephony";
import { listAudit } from "../db/repositories/audit";
import {
  assignNumber,
  connectTwilio,
  disconnectTwilio,
  refreshTwilioNumbers,
  storedCredentials,
  testTwilioConnection,
} from "./connection";
import { useTwilioHttpClient } from "./sdk";
import { fakeTwilio } from "./testing/fake-twilio";
import { TELEPHONY_KEY_FILE, seal, telephonyKey, unseal } from "./secret-box";

const SID = "AC" + "0123456789abcdef".repeat(2);
const TOKEN = "f".repeat(32);
const actor = { id: null, name: "Test", email: null, via: "cli" as const };
const input = { accountSid: SID, authToken: TOKEN, publicBaseUrl: "https://voice.acme.example/" };

let t: ReturnType<typeof tempDb>;
let fake: ReturnType<typeof fakeTwilio>;
beforeEach(() => {
  t = tempDb({ seed: true });
  fake = fakeTwilio({
    sid: SID,
    token: TOKEN,
    friendlyName: "Acme Support",
    numbers: ["+14155550100", "+14155550101"],
  });
  useTwilioHttpClient(fake.client);
});
afterEach(() => {
  useTwilioHttpClient(null);
  t.cleanup();
});

describe("the sealed token", () => {
  it("round-trips, differs each time, and refuses a wrong key or a tampered value", () => {
    const key = telephonyKey(t.file);
    const a = seal(TOKEN, key);
    expect(a).not.toContain(TOKEN);
    expect(seal(TOKEN, key)).not.toBe(a);
    expect(unseal(a, key)).toBe(TOKEN);
    const other = Buffer.alloc(32, 7);
    expect(() => unseal(a, other)).toThrow(/cannot be decrypted/);
    const parts = a.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => unseal(parts.join("."), key)).toThrow(/cannot be decrypted/);
  });

  it("keeps its key in a 0600 file beside the database unless SWITCHBOARD_SECRET_KEY is set", () => {
    const key = telephonyKey(t.file);
    const file = path.join(path.dirname(t.file), TELEPHONY_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(telephonyKey(t.file).equals(key)).toBe(true);
    process.env.SWITCHBOARD_SECRET_KEY = "k".repeat(40);
    try {
      expect(telephonyKey(t.file).equals(key)).toBe(false);
      process.env.SWITCHBOARD_SECRET_KEY = "short";
      expect(() => telephonyKey(t.file)).toThrow(/at least 32/);
    } finally {
      delete process.env.SWITCHBOARD_SECRET_KEY;
    }
    expect(readFileSync(file, "utf8").length).toBeGreaterThanOrEqual(32);
  });
});

describe("connect", () => {
  it("verifies the account through the SDK, stores the token sealed and audits", async () => {
    const r = await connectTwilio(t.db, t.file, input, { verify: true, actor });
    expect(r).toMatchObject({
      ok: true,
      value: { accountSid: SID, friendlyName: "Acme Support", publicBaseUrl: "https://voice.acme.example" },
    });
    expect(fake.requests).toEqual([
      expect.objectContaining({
        method: "GET",
        url: `https://api.twilio.com/2010-04-01/Accounts/${SID}.json`,
        username: SID,
        password: TOKEN,
      }),
    ]);
    const stored = getTwilioCredentials(t.db)!;
    expect(stored.sealedToken).not.toContain(TOKEN);
    expect(JSON.stringify(t.db.$client.prepare("SELECT * FROM twilio_account").all())).not.toContain(TOKEN);
    expect(storedCredentials(t.db, t.file)!.authToken).toBe(TOKEN);
    expect(listAudit(t.db, { filters: {}, before: null, limit: 10 }).entries[0]).toMatchObject({
      action: "telephony.connected",
      targetType: "telephony",
    });
  });

  it("saves nothing when Twilio refuses the credentials, and shows Twilio's error", async () => {
    const r = await connectTwilio(t.db, t.file, { ...input, authToken: "e".repeat(32) }, { verify: true, actor });
    expect(r).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/Twilio answered 401: Authenticate \(code 20003\)/),
    });
    expect(getTwilioCredentials(t.db)).toBeNull();
  });

  it("names each bad field and makes no request", async () => {
    const r = await connectTwilio(
      t.db,
      t.file,
      { accountSid: "AC123", authToken: "", publicBaseUrl: "http://acme.example" },
      { verify: true, actor },
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.fieldErrors).sort()).toEqual(["accountSid", "authToken", "publicBaseUrl"]);
    expect(fake.requests).toEqual([]);
  });

  it("with --no-verify stores without a request; Test connection then fetches the account", async () => {
    await connectTwilio(t.db, t.file, input, { verify: false, actor });
    expect(fake.requests).toEqual([]);
    expect(await testTwilioConnection(t.db, t.file)).toEqual({ ok: true, value: "Acme Support" });
    expect(getTwilioCredentials(t.db)!.verifiedAt).not.toBeNull();
  });

  it("disconnect deletes the credentials", async () => {
    await connectTwilio(t.db, t.file, input, { verify: false, actor });
    expect(disconnectTwilio(t.db, actor)).toEqual({ ok: true, value: null });
    expect(getTwilioCredentials(t.db)).toBeNull();
    expect(await testTwilioConnection(t.db, t.file)).toMatchObject({ ok: false, formError: "Twilio is not connected" });
  });
});

describe("numbers", () => {
  it("lists the account's numbers and assigns one through the SDK (voice URL and status callback)", async () => {
    await connectTwilio(t.db, t.file, input, { verify: false, actor });
    expect(await refreshTwilioNumbers(t.db, t.file)).toEqual({ ok: true, value: 2 });
    const agent = listAgents(t.db)[0]!;
    const r = await assignNumber(
      t.db,
      t.file,
      { phoneNumber: "+14155550101", agentId: agent.id },
      { byHand: false, actor },
    );
    expect(r).toMatchObject({
      ok: true,
      value: { number: { phoneNumber: "+14155550101", agentName: agent.name, assignedBy: "sdk" } },
    });
    const [list, lookup, update] = fake.requests;
    expect(list).toMatchObject({ method: "GET", url: expect.stringMatching(/IncomingPhoneNumbers\.json$/) });
    expect(lookup).toMatchObject({ method: "GET", params: { PhoneNumber: "+14155550101" } });
    expect(update).toMatchObject({
      method: "POST",
      url: `https://api.twilio.com/2010-04-01/Accounts/${SID}/IncomingPhoneNumbers/${fake.numbers[1]!.sid}.json`,
      data: {
        VoiceUrl: "https://voice.acme.example/voice/call",
        VoiceMethod: "POST",
        StatusCallback: "https://voice.acme.example/voice/status",
        StatusCallbackMethod: "POST",
      },
    });
    expect(fake.numbers[1]!.voice_url).toBe("https://voice.acme.example/voice/call");
    expect(listTwilioNumbers(t.db).map((n) => [n.phoneNumber, n.agentId])).toEqual([
      ["+14155550100", null],
      ["+14155550101", agent.id],
    ]);
  });

  it("by hand makes no request and returns the URLs to paste", async () => {
    await connectTwilio(t.db, t.file, input, { verify: false, actor });
    const agent = listAgents(t.db)[0]!;
    const r = await assignNumber(
      t.db,
      t.file,
      { phoneNumber: "+14155550199", agentId: agent.id },
      { byHand: true, actor },
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        number: { phoneNumber: "+14155550199", assignedBy: "hand" },
        urls: {
          voiceUrl: "https://voice.acme.example/voice/call",
          statusCallback: "https://voice.acme.example/voice/status",
        },
      },
    });
    expect(fake.requests).toEqual([]);
  });

  it("refuses a number the account does not have, storing nothing", async () => {
    await connectTwilio(t.db, t.file, input, { verify: false, actor });
    const agent = listAgents(t.db)[0]!;
    const r = await assignNumber(
      t.db,
      t.file,
      { phoneNumber: "+14155550999", agentId: agent.id },
      { byHand: false, actor },
    );
    expect(r).toMatchObject({
      ok: false,
      formError: expect.stringContaining("not one of this Twilio account's incoming numbers"),
    });
    expect(listTwilioNumbers(t.db)).toEqual([]);
  });
});
