import { describe, expect, it } from "vitest";
import { functionCanTransfer, transferSites } from "./can-transfer";
import {
  convApiMarkdownTable,
  convStubSource,
  findMember,
  memberMarkdown,
  memberSignature,
  CONV_MEMBERS,
} from "./conv-api";
import { createFunctionSchema, functionNameError, parseWith, renameFunctionSchema, saveFunctionSchema } from "./schema";
import { buildRunRequest, stateFromRows } from "./sample";
import { DEMO_FUNCTION, FUNCTION_TEMPLATES, templateById } from "./templates";

describe("function names", () => {
  it.each(["route_vip", "_private", "f2", "match", "case", "type", "_", "A".repeat(64)])("accepts %s", (n) =>
    expect(functionNameError(n)).toBeNull(),
  );
  it.each([
    ["", "Enter a name"],
    ["2fast", "cannot start with a digit"],
    ["route vip", "contains a space"],
    ["route-vip", 'contains "-"'],
    ["café", 'contains "é"'],
    ["class", "is a Python keyword"],
    ["None", "is a Python keyword"],
    ["await", "is a Python keyword"],
    ["a".repeat(65), "at most 64"],
  ])("rejects %j: %s", (n, message) => expect(functionNameError(n)).toContain(message));

  it("schemas trim, default and report field errors", () => {
    expect(parseWith(createFunctionSchema, { name: " route_vip " })).toEqual({
      ok: true,
      value: { name: "route_vip", description: "", template: "blank" },
    });
    expect(parseWith(createFunctionSchema, { name: "def", template: "nope" })).toEqual({
      ok: false,
      fieldErrors: { name: "def is a Python keyword; choose another name", template: "Choose a template" },
    });
    expect(parseWith(renameFunctionSchema, { name: 3 })).toEqual({ ok: false, fieldErrors: { name: "Enter a name" } });
    expect(parseWith(saveFunctionSchema, { code: "x".repeat(100_001) }).ok).toBe(false);
    expect(parseWith(saveFunctionSchema, { code: "pass", description: " d " })).toEqual({
      ok: true,
      value: { code: "pass", description: "d" },
    });
  });
});

describe("functionCanTransfer", () => {
  it.each([
    ["conv.transfer_call('2001')", true],
    ["conv.handoff()", true],
    ["conv.call_handoff(destination='X')", true],
    ["c.transfer_call ( '2001' )", true],
    ["return {'utterance': 'hi', 'handoff': 'Billing'}", true],
    ['return {"handoff" : True}', true],
    ["# conv.transfer_call('2001')", false],
    ["conv.say('I will conv.handoff( you')", false],
    ['"""\nconv.transfer_call("x")\n"""', false],
    ["conv.say('handoff')", false],
    ["return 'no transfer here'", false],
    ["transfer_call = 1", false],
  ])("%j → %s", (code, expected) => expect(functionCanTransfer(code)).toBe(expected));

  it("lists where it transfers", () => {
    expect(transferSites(DEMO_FUNCTION.code)).toEqual([
      { kind: "transfer_call", line: 5 },
      { kind: "handoff", line: 15 },
    ]);
    expect(transferSites(templateById("escalate").code("e"))).toEqual([{ kind: "handoff", line: 3 }]);
    expect(functionCanTransfer(templateById("blank").code("b"))).toBe(false);
  });
});

describe("conv API description", () => {
  it("renders signatures, hovers, the stub and the README table from one description", () => {
    const transfer = findMember("conv.transfer_call")!.member;
    expect(memberSignature(transfer)).toBe(
      'conv.transfer_call(route: str, method: str = "refer", sip_headers: dict[str, str] | None = None, reason: str | None = None, utterance: str | None = None, soft: bool = False, whisper: str | None = None) -> None',
    );
    expect(memberSignature(findMember("conv.log.info")!.member, "conv.log")).toBe(
      "conv.log.info(msg: str, **fields: Any) -> None",
    );
    expect(memberSignature(findMember("conv.state")!.member)).toBe("conv.state: dict[str, Any]");
    expect(findMember("conv.nope")).toBeNull();
    expect(findMember("other.say")).toBeNull();
    expect(memberMarkdown(transfer)).toContain("- `soft`: Warm transfer");
    const stub = convStubSource();
    for (const m of CONV_MEMBERS)
      expect(stub).toContain(m.kind === "method" ? `def ${m.name}(self` : `${m.name}: ${m.type}`);
    expect(convApiMarkdownTable()).toContain(
      "| `conv.write_metric(name: str, value: int \\| float \\| str \\| bool \\| None = None, write_once: bool = False) -> None` |",
    );
    expect(memberSignature(findMember("conv.goto_flow")!.member)).toBe("conv.goto_flow(name: str) -> None");
    expect(memberSignature(findMember("conv.exit_flow")!.member)).toBe("conv.exit_flow() -> None");
    expect(memberSignature(findMember("conv.integration_attributes")!.member)).toBe(
      "conv.integration_attributes: dict[str, Any]",
    );
    expect(stub).toContain("class Functions:");
    expect(memberSignature(findMember("conv.functions")!.member)).toBe("conv.functions: Functions");
  });
});

describe("templates and run requests", () => {
  it("every template defines the named function", () => {
    for (const t of FUNCTION_TEMPLATES) expect(t.code("my_fn")).toMatch(/^def my_fn\(conv\):/);
    expect(templateById("transfer_call").code("x")).toContain("soft=False");
  });

  it("builds conv.state from rows: blank keys skipped, later duplicates win", () => {
    expect(
      stateFromRows([
        { key: " tier ", value: "gold" },
        { key: "", value: "x" },
        { key: "tier", value: "silver" },
      ]),
    ).toEqual({ tier: "silver" });
    const req = buildRunRequest({
      code: "c",
      functionName: "f",
      stateRows: [{ key: "a", value: "1" }],
      callerNumber: "+1",
      calleeNumber: "+2",
      destinations: [],
      timeoutMs: 500,
    });
    expect(req).toMatchObject({
      state: { a: "1" },
      call: { callerNumber: "+1", calleeNumber: "+2", conversationId: "conv_demo" },
      timeoutMs: 500,
    });
  });
});
