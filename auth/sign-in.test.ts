import { afterAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

vi.mock("next/headers", async () => (await import("./testing/sessions")).nextHeadersMock);

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-sign-in-"));
process.env.SWITCHBOARD_DB = path.join(dir, "sign-in.db");
const { getDb } = await import("../db/server");
const { signInWithPassword, WRONG_CREDENTIALS } = await import("./sign-in");
const { signedInAs, TEST_PASSWORD, actAs } = await import("./testing/sessions");
const { MAX_FAILURES_PER_EMAIL } = await import("../lib/auth/sign-in-limits");
afterAll(() => {
  getDb().$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("signing in", { timeout: 60_000 }, () => {
  it("says the same for an unknown email and a wrong password", async () => {
    await signedInAs("qa", "quinn@example.com");
    actAs(null);
    expect(await signInWithPassword({ email: "quinn@example.com", password: "wrong password" })).toEqual({
      ok: false,
      fieldErrors: { _form: WRONG_CREDENTIALS },
    });
    expect(await signInWithPassword({ email: "nobody@example.com", password: "wrong password" })).toEqual({
      ok: false,
      fieldErrors: { _form: WRONG_CREDENTIALS },
    });
    expect(await signInWithPassword({ email: "Quinn@Example.com", password: TEST_PASSWORD })).toEqual({ ok: true });
  });

  it("refuses bad input with field errors, before asking the library", async () => {
    expect(await signInWithPassword({ email: "not an email", password: "" })).toMatchObject({
      ok: false,
      fieldErrors: { email: expect.any(String), password: "Enter your password" },
    });
  });

  it("stops an email after too many failures, even with the right password", async () => {
    await signedInAs("designer", "dana@example.com");
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
      await signInWithPassword({ email: "dana@example.com", password: `guess ${i}` });
    const r = await signInWithPassword({ email: "dana@example.com", password: TEST_PASSWORD });
    expect(r).toEqual({
      ok: false,
      fieldErrors: { _form: expect.stringMatching(/^Too many failed sign-ins. Try again in 15 minutes/) },
    });
  });
});
