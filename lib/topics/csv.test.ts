import { describe, expect, it } from "vitest";
import { parseCsvRecords, parseTopicsCsv, topicsToCsv, formatCsvError } from "./csv";
import { demoTopics } from "./demo";
import { parseTopicInput } from "./schema";

const DESTINATIONS = [
  { id: "hd_front", name: "Front desk" },
  { id: "hd_billing", name: "Billing Support" },
];
const context = { destinations: DESTINATIONS, functions: ["route_call"] };
const HEADER = "name,sample_questions,content,action,destination,reason,utterance,function,enabled";

describe("parseCsvRecords", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM", () => {
    const { records } = parseCsvRecords('\ufeffa,"b, c","say ""hi""\nthere"\r\n\r\nx,y,z\r\n');
    expect(records).toEqual([
      { line: 1, fields: ["a", "b, c", 'say "hi"\nthere'] },
      { line: 4, fields: ["x", "y", "z"] },
    ]);
  });

  it("reports a quote that is never closed", () => {
    expect(parseCsvRecords('a,"b\nc').error).toBe("Line 1: a quoted field is never closed");
  });
});

describe("topics CSV", () => {
  it("export then import gives the same topics (destinations by name, questions split on |)", () => {
    const topics = demoTopics((n) => DESTINATIONS.find((d) => d.name === n)?.id ?? null);
    const csv = topicsToCsv(topics, (id) => DESTINATIONS.find((d) => d.id === id)!.name);
    expect(csv.split("\r\n")[0]).toBe(HEADER);
    expect(csv).toContain("Front desk");
    expect(parseTopicsCsv(csv, context)).toEqual({ ok: true, topics });
  });

  it("reads only the required columns, in any order; empty action is none, empty destination the default", () => {
    const csv =
      "action,name,content,sample_questions\n,Hours,We open at 8.,when do you open | opening hours\nbuiltin-handoff,Human,,talk to a person";
    const r = parseTopicsCsv(csv, context);
    expect(r).toEqual({
      ok: true,
      topics: [
        {
          name: "Hours",
          sampleQuestions: ["when do you open", "opening hours"],
          content: "We open at 8.",
          action: { kind: "none" },
          enabled: true,
        },
        {
          name: "Human",
          sampleQuestions: ["talk to a person"],
          content: "",
          action: { kind: "builtin-handoff", destinationId: null, reason: "", utterance: "" },
          enabled: true,
        },
      ],
    });
  });

  it("lists every problem by line and column, and returns no topics when any row is wrong", () => {
    const csv = [
      HEADER,
      "Good,hello,Hi there.,none,,,,,true",
      "Bad reason,talk to someone,,builtin-handoff,Front desk,Needs Human,,,",
      "No dest,talk to someone,,builtin-handoff,Sales,,,,",
      ",,,,,,,,",
      "Fn,run it,,function,,,,missing_fn,maybe",
      "good,hello again,Hi.,none,,,,,",
      "Odd,action,,teleport,,,,,",
      "short,row",
    ].join("\n");
    const r = parseTopicsCsv(csv, context);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatCsvError)).toEqual([
      "Line 3, reason: Reasons are codes like needs_human: lowercase letters, digits and _, starting with a letter (at most 64)",
      'Line 4, destination: No destination named "Sales"',
      "Line 5, name: Enter a name",
      "Line 5, sample_questions: Add at least one sample question",
      "Line 5, content: Enter what the agent says (the topic has no action)",
      "Line 6, function: No function named missing_fn",
      "Line 6, enabled: Expected true or false",
      'Line 7, name: Line 2 already has a topic named "good"',
      "Line 8, action: Choose an action: none, builtin-handoff or function",
      "Line 9: Expected 9 fields, found 2",
    ]);
  });

  it("refuses a file without the required columns, with unknown columns, or without rows", () => {
    expect(parseTopicsCsv("name,content\nA,b", context)).toEqual({
      ok: false,
      errors: [{ row: 1, message: "Missing columns sample_questions, action" }],
    });
    expect(parseTopicsCsv(`${HEADER},colour\n`, context)).toMatchObject({
      ok: false,
      errors: [{ row: 1, message: expect.stringContaining('Unknown column "colour"') }],
    });
    expect(parseTopicsCsv(`${HEADER}\n`, context)).toEqual({
      ok: false,
      errors: [{ row: 1, message: "The file has no topics" }],
    });
    expect(parseTopicsCsv("", context)).toMatchObject({ ok: false });
  });
});

describe("topic input", () => {
  it("trims names and questions, drops blank questions, and needs one", () => {
    expect(
      parseTopicInput({
        name: " Hours ",
        sampleQuestions: [" when ", ""],
        content: "8 to 6",
        action: { kind: "none" },
      }),
    ).toEqual({
      ok: true,
      value: { name: "Hours", sampleQuestions: ["when"], content: "8 to 6", action: { kind: "none" }, enabled: true },
    });
    expect(
      parseTopicInput({ name: "x", sampleQuestions: ["  "], content: "a", action: { kind: "none" } }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { sampleQuestions: "Add at least one sample question" },
    });
  });

  it("checks a handoff's reason like the flow node and a function action's name", () => {
    const base = { name: "x", sampleQuestions: ["q"], content: "" };
    expect(
      parseTopicInput({
        ...base,
        action: { kind: "builtin-handoff", destinationId: null, reason: "Bad", utterance: "" },
      }),
    ).toMatchObject({ ok: false, fieldErrors: { "action.reason": expect.stringContaining("needs_human") } });
    expect(parseTopicInput({ ...base, action: { kind: "function", functionName: "" } })).toMatchObject({
      ok: false,
      fieldErrors: { "action.functionName": "Choose a function" },
    });
  });
});
