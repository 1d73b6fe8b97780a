import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/conversations/filters";
import { filterValues, hasFilters, pageLinks, parseReviewParams, reviewHref, searchEntries } from "./url";

const cursor = encodeCursor({ startedAt: "2025-05-01T09:00:00.000Z", id: "conv_1" });

describe("URL → filters", () => {
  it("flattens repeated params so the schema can refuse them", () => {
    expect(searchEntries({ reason: "billing", q: ["a", "b"], x: undefined })).toEqual([
      ["reason", "billing"],
      ["q", "a"],
      ["q", "b"],
    ]);
    const r = parseReviewParams({ q: ["a", "b"] });
    expect(r).toEqual({ ok: false, fieldErrors: { q: "Give this parameter once" } });
  });

  it("parses filters with the API's schema (dates, enums, empty values ignored)", () => {
    const r = parseReviewParams({
      reason: "billing",
      outcome: "handoff",
      from: "2025-05-01",
      to: "2025-05-01",
      q: "  bill ",
      method: "",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.direction).toBe("older");
    expect(r.query.filters).toEqual({
      reason: "billing",
      destination: undefined,
      method: undefined,
      source: undefined,
      outcome: "handoff",
      from: "2025-05-01T00:00:00.000Z",
      toExclusive: "2025-05-02T00:00:00.000Z",
      q: "bill",
      version: undefined,
    });
    expect(r.query.limit).toBe(50);
    expect(r.query.cursor).toBeNull();
  });

  it("filters by what ran: the draft or a version number", () => {
    const v = (version: string) => {
      const r = parseReviewParams({ version });
      return r.ok ? r.query.filters.version : r.fieldErrors.version;
    };
    expect(v("draft")).toBe("draft");
    expect(v("3")).toBe(3);
    expect(v("0")).toMatch(/draft or a version number/);
    expect(v("live")).toMatch(/draft or a version number/);
  });

  it("reports every invalid parameter by name", () => {
    const r = parseReviewParams({ outcome: "maybe", from: "yesterday", cursor: "zzz!", colour: "red" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["colour", "cursor", "from", "outcome"]);
    expect(r.fieldErrors.colour).toBe("Unknown parameter");
    expect(r.fieldErrors.outcome).toMatch(/handoff, hangup, abandoned/);
  });

  it("takes `newer` as an upward cursor, alone", () => {
    const r = parseReviewParams({ newer: cursor, reason: "billing" });
    expect(r).toMatchObject({
      ok: true,
      direction: "newer",
      query: { cursor: { startedAt: "2025-05-01T09:00:00.000Z", id: "conv_1" } },
    });
    expect(parseReviewParams({ newer: "nope" })).toEqual({
      ok: false,
      fieldErrors: { newer: "Not a page link from this list" },
    });
    expect(parseReviewParams({ newer: cursor, cursor })).toMatchObject({
      ok: false,
      fieldErrors: { newer: expect.stringMatching(/not both/) },
    });
    expect(parseReviewParams({ newer: [cursor, cursor] })).toMatchObject({
      ok: false,
      fieldErrors: { newer: "Give this parameter once" },
    });
  });

  it("gives the form each filter's text", () => {
    expect(filterValues({ reason: "billing", q: ["first", "second"] })).toEqual({
      reason: "billing",
      destination: "",
      method: "",
      source: "",
      outcome: "",
      transfer_outcome: "",
      version: "",
      from: "",
      to: "",
      q: "first",
    });
  });
});

describe("filters → URL", () => {
  const base = "/agents/a1/conversations";
  it("drops empty values and writes filters in a fixed order, then limit and the page", () => {
    expect(reviewHref(base, {})).toBe(base);
    expect(reviewHref(base, { q: "my bill", reason: "billing", method: "", destination: " " })).toBe(
      `${base}?reason=billing&q=my+bill`,
    );
    expect(reviewHref(base, { reason: "billing" }, { limit: "20", cursor })).toBe(
      `${base}?reason=billing&limit=20&cursor=${cursor}`,
    );
    expect(reviewHref(base, {}, { newer: cursor })).toBe(`${base}?newer=${cursor}`);
  });

  it("round-trips through the parser", () => {
    const values = {
      reason: "billing",
      destination: "Billing Support",
      method: "invite",
      source: "builtin",
      outcome: "hangup",
      transfer_outcome: "busy",
      version: "2",
      from: "2025-05-01",
      to: "2025-05-02",
      q: "bill & co",
    };
    const href = reviewHref(base, values, { cursor });
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(filterValues(params)).toEqual(values);
    expect(parseReviewParams(params).ok).toBe(true);
    expect(hasFilters(values)).toBe(true);
    expect(hasFilters({ reason: " " })).toBe(false);
  });
});

describe("pageLinks", () => {
  const base = "/agents/a1/conversations";
  const first = { started_at: "2025-05-01T09:00:00.000Z", id: "conv_1" };
  it("first page: only Older", () => {
    expect(pageLinks(base, { reason: "billing" }, undefined, { first, nextCursor: cursor, hasNewer: false })).toEqual({
      newest: null,
      newer: null,
      older: `${base}?reason=billing&cursor=${cursor}`,
    });
  });
  it("a later page: Newest, Newer above its first row, Older after its last; limit kept", () => {
    const links = pageLinks(base, { reason: "billing" }, "20", { first, nextCursor: null, hasNewer: true });
    expect(links.newest).toBe(`${base}?reason=billing&limit=20`);
    expect(links.newer).toBe(
      `${base}?reason=billing&limit=20&newer=${encodeCursor({ startedAt: first.started_at, id: first.id })}`,
    );
    expect(links.older).toBeNull();
    expect(pageLinks(base, {}, undefined, { first: undefined, nextCursor: null, hasNewer: true })).toEqual({
      newest: base,
      newer: null,
      older: null,
    });
  });
});
