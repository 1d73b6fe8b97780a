import { describe, expect, it } from "vitest";
import { demoFlow } from "./demo-flow";
import { lintFlow } from "./lint";
import { flowDocumentSchema } from "./schema";
import { billing, context, frontDesk, ivr } from "./testing/builders";
import type { HandoffData } from "./types";

const destinations = [frontDesk, billing, ivr];

describe("demoFlow", () => {
  it("is a valid document named Main line", () => {
    const doc = demoFlow({ destinations });
    expect(doc.name).toBe("Main line");
    expect(flowDocumentSchema.parse(doc)).toEqual(doc);
  });

  it("lints clean with the seeded destinations and variables, no functions (a Failed suggestion per handoff)", () => {
    const problems = lintFlow(
      demoFlow({ destinations }),
      context({ functions: [], variables: ["customer_id", "tier"] }),
    );
    expect(problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(problems.map((p) => [p.rule, p.nodeId])).toEqual(
      ["vip", "billing_handoff", "front_desk", "back_to_ivr"].map((id) => ["handoff-no-fallback", id]),
    );
  });

  it("has no errors even without agent variables", () => {
    const problems = lintFlow(demoFlow({ destinations }), context({ variables: [] }));
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("points the VIP node at the override function when given", () => {
    const doc = demoFlow({ destinations, overrideFunctionName: "route_vip" });
    const vip = doc.nodes.find((n) => n.id === "vip")!.data as HandoffData;
    expect(vip).toMatchObject({ destinationId: billing.id, overrideFunction: "route_vip", reason: "billing" });
    const fn = { name: "route_vip", code: "def route_vip(conv):\n    conv.transfer_call('sip:vip@pbx.acme.example')" };
    const errorsAndWarnings = (ctx: ReturnType<typeof context>) =>
      lintFlow(doc, ctx).filter((p) => p.severity !== "info");
    expect(errorsAndWarnings(context({ functions: [fn] }))).toEqual([]);
    expect(errorsAndWarnings(context()).map((p) => p.rule)).toEqual(["unknown-function"]);
  });

  it("routes each intent to its destination", () => {
    const doc = demoFlow({ destinations });
    const dest = (id: string) => (doc.nodes.find((n) => n.id === id)!.data as HandoffData).destinationId;
    expect([dest("vip"), dest("billing_handoff"), dest("front_desk"), dest("back_to_ivr")]).toEqual([
      billing.id,
      billing.id,
      frontDesk.id,
      ivr.id,
    ]);
    expect(doc.nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
  });
});
