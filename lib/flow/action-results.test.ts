import { describe, expect, it } from "vitest";
import { renameNotice } from "./action-results";

describe("renameNotice", () => {
  it("says what followed the new name", () => {
    expect(renameNotice("Billing", { name: "Accounts" })).toBe("Renamed to Accounts");
    expect(renameNotice("Billing", { name: "Accounts", retargeted: 1 })).toBe(
      "Renamed to Accounts and updated 1 Go to flow node",
    );
    expect(renameNotice("Billing", { name: "Accounts", retargeted: 3 })).toBe(
      "Renamed to Accounts and updated 3 Go to flow nodes",
    );
    expect(renameNotice("Billing", { name: "Accounts", retargeted: 1, scenariosFollowed: 2 })).toBe(
      "Renamed to Accounts and updated 1 Go to flow node and 2 scenarios",
    );
    expect(renameNotice("Billing", { name: "Accounts", scenariosFollowed: 1 })).toBe(
      "Renamed to Accounts and updated 1 scenario",
    );
  });

  it("names the functions whose code still goes to the old name", () => {
    expect(renameNotice("Billing", { name: "Accounts", retargeted: 1, namedInCode: ["to_billing"] })).toBe(
      "Renamed to Accounts and updated 1 Go to flow node. Function to_billing still goes to “Billing” (conv.goto_flow): edit the code to follow",
    );
    expect(renameNotice("Billing", { name: "Accounts", namedInCode: ["a", "b"] })).toBe(
      "Renamed to Accounts. Functions a, b still go to “Billing” (conv.goto_flow): edit the code to follow",
    );
  });
});
