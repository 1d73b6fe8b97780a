import { describe, expect, it } from "vitest";
import { demoFlow } from "../flow";
import { DEMO_DESTINATIONS } from "../handoffs/demo";
import { lintTopics, topicProblemLines } from "./lint";
import type { Topic } from "./types";

const flows = [demoFlow({ destinations: DEMO_DESTINATIONS, overrideFunctionName: null })];
const ctx = { destinations: DEMO_DESTINATIONS, functions: [{ name: "route_call" }], flows };
type T = Pick<Topic, "name" | "sampleQuestions" | "action">;
const handoff = (destinationId: string | null, reason = ""): T["action"] => ({
  kind: "builtin-handoff",
  destinationId,
  reason,
  utterance: "",
});

describe("lintTopics", () => {
  it("accepts valid topics", () => {
    const topics: T[] = [
      { name: "Hours", sampleQuestions: ["when are you open"], action: { kind: "none" } },
      { name: "Human", sampleQuestions: ["a person"], action: handoff(null, "needs_human") },
      { name: "Fn", sampleQuestions: ["route"], action: { kind: "function", functionName: "route_call" } },
    ];
    expect(lintTopics(topics, ctx)).toEqual([]);
  });

  it("a handoff without a destination when the agent has no default, a deleted destination, an invalid reason", () => {
    const noDefault = { ...ctx, destinations: DEMO_DESTINATIONS.map((d) => ({ ...d, isDefault: false })) };
    expect(lintTopics([{ name: "A", sampleQuestions: ["q"], action: handoff(null) }], noDefault)).toMatchObject([
      { rule: "handoff-no-destination", severity: "error", topic: "A", path: "action.destinationId" },
    ]);
    expect(
      lintTopics([{ name: "B", sampleQuestions: ["q"], action: handoff("hd_gone", "Bad Reason") }], ctx),
    ).toMatchObject([
      { rule: "destination-deleted", severity: "error" },
      { rule: "invalid-reason", severity: "error", path: "action.reason" },
    ]);
  });

  it("an unknown function", () => {
    const problems = lintTopics(
      [{ name: "F", sampleQuestions: ["q"], action: { kind: "function", functionName: "nope" } }],
      ctx,
    );
    expect(topicProblemLines(problems)).toEqual(['Topic "F": Unknown function nope']);
  });

  it("warns when a listen branch has every sample question as an example: the branch always wins", () => {
    const shadowed: T = { name: "Person", sampleQuestions: ["Speak to a person ", "human"], action: { kind: "none" } };
    const partly: T = {
      name: "Partly",
      sampleQuestions: ["speak to a person", "a real human being"],
      action: { kind: "none" },
    };
    const problems = lintTopics([shadowed, partly], ctx);
    expect(problems).toEqual([
      {
        rule: "topic-shadowed-by-branch",
        severity: "warning",
        topic: "Person",
        path: "sampleQuestions",
        message: expect.stringMatching(
          /^Branch "Speak to a person" of ".*" in flow ".*" has these sample questions as examples: the branch will always win$/,
        ),
      },
    ]);
    expect(topicProblemLines(problems)).toEqual([]);
  });
});
