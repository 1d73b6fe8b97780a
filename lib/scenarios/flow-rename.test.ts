import { describe, expect, it } from "vitest";
import { followFlowRename } from "./flow-rename";
import type { Scenario } from "./schema";

const scenario = (over: Partial<Scenario>): Scenario => ({
  name: "Billing question",
  expect: { outcome: "handoff" },
  ...over,
});

describe("followFlowRename", () => {
  it("moves a draft scenario naming the flow (any case) to the new name", () => {
    expect(followFlowRename(scenario({ flow: "billing" }), "Billing", "Accounts")).toMatchObject({ flow: "Accounts" });
    expect(followFlowRename(scenario({ flow: "Billing", version: "draft" }), "Billing", "Accounts")).toMatchObject({
      flow: "Accounts",
    });
  });

  it("leaves scenarios on other flows, on the first flow, pinned to a version, or already right", () => {
    expect(followFlowRename(scenario({ flow: "Sales" }), "Billing", "Accounts")).toBeNull();
    expect(followFlowRename(scenario({}), "Billing", "Accounts")).toBeNull();
    for (const version of ["3", "live", "pre-release"]) {
      expect(followFlowRename(scenario({ flow: "Billing", version }), "Billing", "Accounts")).toBeNull();
    }
    expect(followFlowRename(scenario({ flow: "Billing" }), "billing", "Billing")).toBeNull();
  });
});
