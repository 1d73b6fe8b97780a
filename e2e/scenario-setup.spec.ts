import { test, expect } from "./fixtures";
import { ScenariosPage } from "./pages/ScenariosPage";
import { PYTHON_WAIT_MS } from "./waits";
import { createFlow } from "../db/repositories/flows";
import { createFunction } from "../db/repositories/functions";

// A function that reports what a scenario's call setup gave it: the inbound header, the caller's
// number and the clock, as metrics the scenario's expectations check.
const STAMP = `def stamp(conv, slot: int):
    conv.write_metric("campaign", conv.sip_headers.get("x-campaign") or "none")
    conv.write_metric("caller", conv.caller_number or "withheld")
    conv.write_metric("at", conv.now().strftime("%Y-%m-%d %H:%M %Z"))
`;

test("a scenario with an inbound header, caller number, test clock and a function assertion: passes, then fails on a changed argument with the call shown", async ({
  page,
  agentId,
  db,
}) => {
  test.setTimeout(180_000);
  expect(createFunction(db, agentId, { name: "stamp", description: "", code: STAMP }).ok).toBe(true);
  const at = { x: 0, y: 0 };
  const flow = createFlow(db, agentId, {
    name: "Clock line",
    nodes: [
      { id: "s", type: "start", position: at, data: { greeting: "" } },
      {
        id: "f",
        type: "function",
        position: at,
        data: { functionName: "stamp", arguments: [{ name: "slot", value: "12" }] },
      },
      { id: "z", type: "end", position: at, data: { goodbye: "Bye." } },
    ],
    edges: [
      { id: "e1", source: "s", sourceHandle: "next", target: "f" },
      { id: "e2", source: "f", sourceHandle: "next", target: "z" },
    ],
  });
  expect(flow.ok).toBe(true);

  const scenarios = new ScenariosPage(page);
  await scenarios.goto(agentId);
  await page.getByRole("button", { name: "New scenario" }).click();
  const name = "Spring campaign caller at 9:30";
  await scenarios.field("Name").fill(name);
  await scenarios.field("Tags").fill("smoke, clock");
  await scenarios.field("Flow").selectOption("Clock line");
  await scenarios.field("Caller number").fill("+442071234567");
  await scenarios.field("Test clock (UTC)").fill("2026-03-01T09:30");
  await expect(scenarios.form.getByText("2026-03-01 09:30:00 UTC: conv.now() starts here")).toBeVisible();
  await scenarios.addInboundHeader("X Campaign", "spring");
  await scenarios.field("Outcome").selectOption("hangup");
  await scenarios.field("Metrics").fill("campaign=spring\ncaller=+442071234567\nat=2026-03-01 09:30 UTC");
  await scenarios.addFunctionAssertion("stamp", { name: "slot", type: "integer", value: "12" });

  // A header name with a space is refused on its cell; nothing typed is lost.
  await scenarios.save();
  await expect(scenarios.inboundHeaderName(1)).toHaveAttribute("aria-invalid", "true");
  await expect(scenarios.form.getByText(/Header names are SIP tokens/)).toBeVisible();
  await expect(scenarios.field("Caller number")).toHaveValue("+442071234567");
  await expect(scenarios.argumentValue("stamp")).toHaveValue("12");
  await scenarios.inboundHeaderName(1).fill("X-Campaign");
  await scenarios.save();
  await expect(scenarios.form).toBeHidden();
  await expect(scenarios.row(name).getByTestId("tag-chip")).toHaveText(["smoke", "clock"]);

  let result = await scenarios.run(name, PYTHON_WAIT_MS + 60_000);
  await expect(result).toHaveAttribute("data-status", "pass");
  for (const label of ["Outcome", "Metric campaign", "Metric caller", "Metric at", "Function stamp called"])
    await expect(scenarios.expectation(result, label)).toHaveAttribute("data-pass", "true");
  await expect(scenarios.expectation(result, "Function stamp called").getByTestId("actual")).toHaveText(
    "stamp(slot=12)",
  );

  // The assertion now expects another slot: it fails, showing the call that happened.
  await scenarios.row(name).getByRole("button", { name: "Edit" }).click();
  await scenarios.argumentValue("stamp").fill("13");
  await scenarios.save();
  await expect(scenarios.form).toBeHidden();
  result = await scenarios.run(name, PYTHON_WAIT_MS + 60_000);
  await expect(result).toHaveAttribute("data-status", "fail");
  const fn = scenarios.expectation(result, "Function stamp called");
  await expect(fn).toHaveAttribute("data-pass", "false");
  await expect(fn.getByTestId("expected")).toHaveText("stamp(slot=13)");
  await expect(fn.getByTestId("actual")).toHaveText("stamp(slot=12)");

  // After a reload the scenario keeps every field, and its last result.
  await page.reload();
  await expect(scenarios.row(name).getByTestId("last-result")).toHaveText(/Failed/);
  await scenarios.row(name).getByRole("button", { name: "Edit" }).click();
  await expect(scenarios.field("Caller number")).toHaveValue("+442071234567");
  await expect(scenarios.field("Test clock (UTC)")).toHaveValue(/^2026-03-01T09:30(:00)?$/);
  await expect(scenarios.inboundHeaderName(1)).toHaveValue("X-Campaign");
  await expect(scenarios.field("Tags")).toHaveValue("smoke, clock");
  await expect(scenarios.argumentValue("stamp")).toHaveValue("13");
  await scenarios.form.getByRole("button", { name: "Cancel" }).click();

  // The tag filter shows only the scenarios with that tag.
  await page.getByTestId("tag-filter").selectOption("smoke");
  await expect.poll(() => scenarios.names()).toEqual([name]);
  await expect(page.getByRole("button", { name: "Run all tagged smoke" })).toBeVisible();
});
