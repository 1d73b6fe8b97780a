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
  topic: null,
  function: null,
  node_id: "handoff_1",
  soft: false,
  outcome: "busy",
  sip_status: 486,
  attempts: [
    { destination: "Billing Support", method: "invite", outcome: "busy", sip_status: 486, at: 1500 },
    { destination: "Billing Support", method: "invite", outcome: "busy", sip_status: 486, at: 4250 },
  ],
};

const iso = (ms: number) => new Date(Date.UTC(2025, 0, 1) + ms).toISOString();

describe("storedHandoff", () => {
  it("keeps every field, attempt times become timestamps, and the result is a valid stored record", () => {
    const stored = storedHandoff(attempt, iso);
    expect(stored).toEqual({
      ...attempt,
      attempts: [
        {
          destination: "Billing Support",
          method: "invite",
          outcome: "busy",
          sip_status: 486,
          at: "2025-01-01T00:00:01.500Z",
        },
        {
          destination: "Billing Support",
          method: "invite",
          outcome: "busy",
          sip_status: 486,
          at: "2025-01-01T00:00:04.250Z",
        },
      ],
    });
    expect(handoffRecordSchema.parse(stored)).toEqual(stored);
  });

  it("reads a record stored before outcomes existed as a completed transfer without attempts", () => {
    const { outcome: _o, sip_status: _s, attempts: _a, ...old } = storedHandoff(attempt, iso);
    expect(handoffRecordSchema.parse(old)).toMatchObject({ outcome: "completed", sip_status: null, attempts: [] });
  });

  it("names a code-based transfer by its route, and a code-based BYE by nothing", () => {
    const transfer = { ...attempt, destination: null, source: "transfer_call" as const, function: "route_vip" };
    expect(storedHandoff({ ...transfer, route: "sip:vip@pbx.acme.example" }, iso).destination).toBe(
      "sip:vip@pbx.acme.example",
    );
    expect(storedHandoff({ ...transfer, method: "bye", route: null }, iso).destination).toBe("");
  });
});
