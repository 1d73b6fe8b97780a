import { describe, expect, it } from "vitest";
import { testStore } from "@/components/flows/store/testing/editor-store";

const flow = {
  nodes: [
    { id: "start", type: "start" as const, position: { x: 0, y: 0 }, data: { greeting: "" } },
    {
      id: "h",
      type: "handoff" as const,
      position: { x: 0, y: 100 },
      data: { destinationId: "hd_1", reason: "", utterance: "", overrideFunction: "route" },
    },
  ],
  edges: [{ id: "e1", source: "start", sourceHandle: "next", target: "h" }],
};
const destinations = [{ id: "hd_1", name: "Desk", isDefault: true, method: "refer" as const, sipHeaders: [] }];

/** Errors and warnings: the handoff's Failed suggestion is not what these tests are about. */
const problemsOf = (s: () => { problems: { severity: string; rule: string }[] }) =>
  s().problems.filter((p) => p.severity !== "info");

describe("lint slice", () => {
  it("upsertFunction re-lints: an override that starts transferring loses its warning", () => {
    const { s } = testStore(flow, {
      destinations,
      functions: [{ name: "route", code: "def route(conv):\n    return 'hi'" }],
      variables: [],
    });
    expect(problemsOf(s).map((p) => p.rule)).toEqual(["override-never-transfers"]);
    s().upsertFunction({ name: "route", code: "def route(conv):\n    conv.transfer_call('2001')" });
    expect(problemsOf(s)).toEqual([]);
    expect(s().lintContext.functions).toHaveLength(1);
  });

  it("upsertFunction adds a function the flow referred to before it existed", () => {
    const { s } = testStore(flow, { destinations, functions: [], variables: [] });
    expect(problemsOf(s).map((p) => p.rule)).toEqual(["unknown-function"]);
    s().upsertFunction({ name: "route", code: "conv.handoff()" });
    expect(problemsOf(s)).toEqual([]);
  });
});
