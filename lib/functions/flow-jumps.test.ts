import { describe, expect, it } from "vitest";
import { flowJumps } from "./flow-jumps";

describe("flowJumps", () => {
  it("finds each conv.goto_flow with a plain literal, with its line", () => {
    const code = [
      "def route(conv):",
      '    if conv.state.get("tier") == "gold":',
      '        conv.goto_flow("VIP line")',
      "    else:",
      "        conv.goto_flow( 'Billing' )",
      '    conv.goto_flow(r"Raw", )',
    ].join("\n");
    expect(flowJumps(code)).toEqual([
      { flow: "VIP line", line: 3 },
      { flow: "Billing", line: 5 },
      { flow: "Raw", line: 6 },
    ]);
  });

  it("ignores names known only during the call, comments, mentions in strings and other calls", () => {
    const code = [
      "def route(conv):",
      '    # conv.goto_flow("Commented")',
      '    conv.say("call conv.goto_flow(\\"Quoted\\") to jump")',
      '    conv.goto_flow(f"Team {conv.state.team}")',
      "    conv.goto_flow(name)",
      '    conv.goto_flow("Billing" + suffix)',
      '    conv.transfer_call("Billing")',
      '    other.goto_flowing("Nope")',
    ].join("\n");
    expect(flowJumps(code)).toEqual([]);
  });
});
