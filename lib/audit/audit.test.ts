import { describe, expect, it } from "vitest";
import { parseAuditQuery } from "./filters";
import { destinationSummary, flowSaveSummary, functionSaveSummary, variableSummary } from "./summaries";
import { variableChange } from "./changes";
import type { HandoffDestination } from "../handoffs/types";

const dest = (over: Partial<HandoffDestination> = {}): HandoffDestination => ({
  id: "hd_1",
  agentId: "agt_1",
  name: "Billing",
  description: "",
  method: "refer",
  route: "2001",
  sipHeaders: [],
  referHeaderPlacement: "request",
  ringTimeoutSeconds: 30,
  attempts: 1,
  outboundEndpoint: null,
  outboundEncryption: "UDP/RTP",
  isDefault: false,
  createdAt: "",
  ...over,
});

describe("audit summaries", () => {
  it("name what changed in a destination", () => {
    expect(destinationSummary(null, dest())).toBe("created: REFER to 2001");
    expect(destinationSummary(dest(), null)).toBe("deleted (was REFER to 2001)");
    expect(
      destinationSummary(
        dest(),
        dest({ method: "invite", route: "2002", sipHeaders: [{ name: "X-Tier", value: "gold" }] }),
      ),
    ).toBe('method REFER → INVITE; route "2001" → "2002"; headers (none) → "X-Tier: gold"');
    expect(destinationSummary(dest(), dest({ isDefault: true }))).toBe("made the default");
    expect(destinationSummary(dest(), dest({ ringTimeoutSeconds: 45, attempts: 3 }))).toBe(
      "ring timeout 30 s → 45 s; attempts 1 → 3",
    );
    expect(destinationSummary(dest(), dest({ description: "x".repeat(200) }))).toMatch(/…"$/);
  });

  it("name what changed in a variable, a rename included", () => {
    const v = { name: "tier", sampleValue: "gold", description: "" };
    expect(variableSummary(null, v)).toBe('created: sample "gold"');
    expect(variableSummary(v, null)).toBe('deleted (sample was "gold")');
    expect(variableSummary(v, { ...v, name: "level", sampleValue: "" })).toBe(
      'name "tier" → "level"; sample "gold" → (none)',
    );
    expect(variableSummary(v, v)).toBe("no change");
    const renamed = variableChange("agt_1", v, { ...v, name: "level" });
    expect(renamed).toMatchObject({
      action: "variable.updated",
      targetType: "variable",
      targetId: "agt_1/$level",
      targetName: "$level",
      agentId: "agt_1",
    });
    expect(variableChange("agt_1", v, null).action).toBe("variable.deleted");
  });

  it("describe a flow save and a function save", () => {
    expect(flowSaveSummary({ nodes: ["a", "b"], edges: 1 }, { nodes: ["a", "c"], edges: 1 })).toBe(
      "nodes 2 → 2; edges 1 → 1; added c; removed b",
    );
    expect(flowSaveSummary({ nodes: ["a"], edges: 0 }, { nodes: ["a"], edges: 0 })).toBe(
      "nodes 1 → 1; edges 0 → 0; node settings changed",
    );
    expect(functionSaveSummary({ description: "", code: "a\nb" }, { description: "", code: "a\nb\nc" })).toBe(
      "code 2 → 3 lines",
    );
  });
});

describe("audit filters", () => {
  it("parse the query string into repository filters", () => {
    const r = parseAuditQuery(
      new URLSearchParams("actor=usr_1&type=destination&from=2025-05-01&to=2025-05-01&limit=10"),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        filters: {
          actorId: "usr_1",
          targetType: "destination",
          agentId: undefined,
          action: undefined,
          from: "2025-05-01T00:00:00.000Z",
          toExclusive: "2025-05-02T00:00:00.000Z",
        },
        before: null,
        limit: 10,
      },
    });
  });

  it("explain each bad parameter", () => {
    const r = parseAuditQuery(
      new URLSearchParams("type=planet&from=2025-02-30&limit=0&before=x&colour=red&actor=a&actor=b"),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors).toEqual({
      type: expect.stringMatching(/^Expected one of agent, destination/),
      from: "Expected a date like 2025-05-01",
      limit: "Expected a whole number from 1 to 200",
      before: expect.stringMatching(/^Not a cursor/),
      colour: "Unknown parameter",
      actor: "Give this parameter once",
    });
    expect(parseAuditQuery(new URLSearchParams("from=2025-05-02&to=2025-05-01"))).toEqual({
      ok: false,
      fieldErrors: { to: "to is before from" },
    });
  });
});
