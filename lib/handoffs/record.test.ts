import { describe, expect, it } from "vitest";
import {
  handoffRecordSchema,
  isReasonCode,
  REASON_CODE_PATTERN,
  storedHandoff,
  SUGGESTED_REASONS,
  type HandoffAttempt,
} from "./record";

describe("reason codes", () => {
  it("accept lowercase codes of 1 to 64 characters starting with a letter", () => {
    for (const code of ["a", "billing", "needs_human", "tier2_escalation", `a${"b".repeat(63)}`])
      expect(isReasonCode(code), code).toBe(true);
  });

  it("refuse everything else", () => {
    for (const code of [
      "",
      "Billing",
      "needs human",
      "2fa",
      "_private",
      "needs-human",
      `a${"b".repeat(64)}`,
      "billing\n",
      "billing\nx",
    ])
      expect(isReasonCode(code), JSON.stringify(code)).toBe(false);
  });

  it("suggests the five codes of the design, each a valid code", () => {
    expect(SUGGESTED_REASONS).toEqual(["needs_human", "policy_violation", "no_availability", "billing", "complaint"]);
    for (const r of SUGGESTED_REASONS) expect(REASON_CODE_PATTERN.test(r)).toBe(true);
  });
});

const attempt: HandoffAttempt = {
  destination: "Billing Support",
  method: "invite",
  route: "sip:billing@pbx.acme.example",
  reason: "billing",
  utterance: "One moment.",
  sip_headers: [{ name: "X-Customer-ID", value: "abc123" }],
  source: "builtin",
  function: null,
  node_id: "handoff_1",
  soft: false,
  failed: false,
};

describe("storedHandoff", () => {
  it("keeps every field but `failed`, and the result is a valid stored record", () => {
    const stored = storedHandoff(attempt);
    expect(stored).not.toHaveProperty("failed");
    const { failed: _failed, ...rest } = attempt;
    expect(stored).toEqual(rest);
    expect(handoffRecordSchema.parse(stored)).toEqual(stored);
  });

  it("names a code-based transfer by its route, and a code-based BYE by nothing", () => {
    const transfer = { ...attempt, destination: null, source: "transfer_call" as const, function: "route_vip" };
    expect(storedHandoff({ ...transfer, route: "sip:vip@pbx.acme.example" }).destination).toBe(
      "sip:vip@pbx.acme.example",
    );
    expect(storedHandoff({ ...transfer, method: "bye", route: null }).destination).toBe("");
  });
});
