import { describe, expect, it } from "vitest";
import { withEditedFlow } from "./agent-flows";
import type { AgentFlow } from "../runtime";

const flow = (name: string): AgentFlow => ({ name, flow: { name, nodes: [], edges: [] } });

describe("withEditedFlow", () => {
  it("puts the edited flow back at its place, so the entry flow stays first", () => {
    const others = [flow("Main"), flow("Billing")];
    expect(withEditedFlow(others, 0, flow("Intro")).map((f) => f.name)).toEqual(["Intro", "Main", "Billing"]);
    expect(withEditedFlow(others, 1, flow("Sales")).map((f) => f.name)).toEqual(["Main", "Sales", "Billing"]);
    expect(withEditedFlow(others, 2, flow("Sales")).map((f) => f.name)).toEqual(["Main", "Billing", "Sales"]);
  });

  it("uses the name on screen, not the saved one (a rename applies at once)", () => {
    const renamed = flow("Renamed");
    expect(withEditedFlow([flow("Other")], 1, renamed)).toEqual([flow("Other"), renamed]);
  });

  it("keeps an index past the end (a flow deleted meanwhile) inside the list", () => {
    expect(withEditedFlow([flow("A")], 5, flow("B")).map((f) => f.name)).toEqual(["A", "B"]);
    expect(withEditedFlow([], 0, flow("Only")).map((f) => f.name)).toEqual(["Only"]);
  });
});
