import { describe, expect, it } from "vitest";
import { indentTwiml } from "./TwimlView";

describe("indentTwiml", () => {
  it("puts each element on its own line, text beside its tag", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="speech dtmf"><Say>Hi &amp; welcome</Say></Gather><Hangup/></Response>';
    expect(indentTwiml(xml)).toBe(
      [
        "<Response>",
        '  <Gather input="speech dtmf">',
        "    <Say>Hi &amp; welcome</Say>",
        "  </Gather>",
        "  <Hangup/>",
        "</Response>",
      ].join("\n"),
    );
  });
});
