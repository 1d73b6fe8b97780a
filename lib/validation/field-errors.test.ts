import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseWith } from "./field-errors";

describe("parseWith", () => {
  const schema = z.object({ name: z.string().min(1, "Enter a name"), rows: z.array(z.object({ v: z.number() })) });

  it("returns the parsed value", () => {
    expect(parseWith(schema, { name: "a", rows: [{ v: 1 }] })).toEqual({
      ok: true,
      value: { name: "a", rows: [{ v: 1 }] },
    });
  });

  it("keys the first message of each field by its dotted path, the whole input by _form", () => {
    const r = parseWith(schema, { name: "", rows: [{ v: "x" }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.fieldErrors)).toEqual(["name", "rows.0.v"]);
    expect(!r.ok && r.fieldErrors.name).toBe("Enter a name");
    expect(parseWith(schema, null)).toMatchObject({ ok: false, fieldErrors: { _form: expect.any(String) } });
  });
});
