import { describe, expect, it } from "vitest";
import {
  BEHAVIOUR_WORDS,
  behaviourChoices,
  DESTINATION_BEHAVIOURS,
  outcomeOfStatus,
  parseBehaviour,
  parseBehaviourAssignment,
  reasonPhrase,
  responseOf,
} from "./outcomes";

describe("outcomeOfStatus (docs/design.md §11)", () => {
  it.each([
    [200, "completed"],
    [202, "completed"],
    [486, "busy"],
    [600, "busy"],
    [408, "no_answer"],
    [480, "no_answer"],
    [603, "declined"],
    [403, "declined"],
    [404, "unreachable"],
    [503, "unreachable"],
    [null, "unreachable"],
    [487, "failed"],
    [500, "failed"],
    [488, "failed"],
    [302, "failed"],
  ] as const)("%s → %s", (status, outcome) => {
    expect(outcomeOfStatus(status)).toBe(outcome);
  });
});

describe("behaviours", () => {
  it("each one plays a response", () => {
    for (const b of DESTINATION_BEHAVIOURS)
      expect(responseOf(b).kind).toMatch(/answer|reject|ring_timeout|refer_rejected/);
    expect(responseOf("busy")).toEqual({ kind: "reject", status: 486 });
    expect(responseOf({ kind: "reject", status: 480 })).toEqual({ kind: "reject", status: 480 });
  });

  it.each([
    ["busy", "busy"],
    ["No answer", "no_answer"],
    ["no-answer", "no_answer"],
    [" NO_ANSWER ", "no_answer"],
    ["decline", "declines"],
    ["accepted-then-busy", "busy"],
    ["reject", "rejected"],
    ["answers", "answers"],
    ["unreachable", "unreachable"],
    ["sometimes", null],
    ["", null],
  ] as const)("parseBehaviour(%j) → %s", (text, expected) => {
    expect(parseBehaviour(text)).toBe(expected);
  });

  it("reason phrases", () => {
    expect(reasonPhrase(486)).toBe("Busy Here");
    expect(reasonPhrase(487)).toBe("Request Terminated");
    expect(reasonPhrase(499)).toBe("Client Error");
  });
});

describe("behaviour assignments and choices", () => {
  it("reads DESTINATION=BEHAVIOUR[,BEHAVIOUR…] as people write it", () => {
    expect(parseBehaviourAssignment("Billing Support=busy")).toEqual({
      ok: true,
      destination: "Billing Support",
      behaviours: ["busy"],
    });
    expect(parseBehaviourAssignment(" Front desk = no answer, accepted-then-busy ,Answers")).toEqual({
      ok: true,
      destination: "Front desk",
      behaviours: ["no_answer", "busy", "answers"],
    });
    expect(parseBehaviourAssignment("*=rejected")).toMatchObject({ ok: true, destination: "*" });
  });

  it("says what is wrong with anything else", () => {
    expect(parseBehaviourAssignment("busy")).toEqual({
      ok: false,
      message: 'expected DESTINATION=BEHAVIOUR (got "busy")',
    });
    expect(parseBehaviourAssignment("=busy")).toMatchObject({ ok: false });
    expect(parseBehaviourAssignment("Billing=sleepy")).toEqual({
      ok: false,
      message: `"sleepy" is not a behaviour: use ${BEHAVIOUR_WORDS}`,
    });
    expect(parseBehaviourAssignment("Billing=")).toMatchObject({ ok: false });
  });

  it("offers each method the behaviours it can show: REFER's accepted-then-… and rejected, none for BYE", () => {
    expect(behaviourChoices("refer").map((c) => c.value)).toEqual([...DESTINATION_BEHAVIOURS]);
    expect(behaviourChoices("refer").find((c) => c.value === "busy")!.label).toBe("Accepted, then busy (NOTIFY 486)");
    expect(behaviourChoices("invite").map((c) => c.value)).not.toContain("rejected");
    expect(behaviourChoices("bye")).toEqual([]);
  });
});
