import { describe, expect, it, vi } from "vitest";
import { demoAgent, ok } from "@/lib/runtime/testing/demo-agent";
import { behavioursOf, createSimulatorStore } from "./store";

const details = {
  callerId: "+14155550123",
  calledNumber: "+18005550100",
  variables: { customer_id: "abc123", tier: "gold" },
  behaviours: {},
};

function store(runFunction = vi.fn(async () => ok())) {
  const onFinished = vi.fn();
  let n = 0;
  const s = createSimulatorStore(
    { getAgent: () => demoAgent({ override: "route_vip" }), runFunction, onFinished, newSeed: () => `seed-${n++}` },
    details,
  );
  return { s, onFinished, runFunction };
}

describe("simulator store", () => {
  it("starts a call from the edited details and shows the greeting", async () => {
    const { s } = store();
    s.getState().editDetails({ callerId: "+442071838750" });
    await s.getState().start();
    const st = s.getState();
    expect(st.phase).toBe("running");
    expect(st.session?.variables.caller_id).toBe("+442071838750");
    expect(st.timeline.map((i) => i.kind)).toEqual(["agent", "agent"]);
  });

  it("runs the override through the injected host and reports the finished call once", async () => {
    const runFunction = vi.fn(async () =>
      ok({
        action: {
          kind: "transfer_call",
          route: "sip:vip@pbx.acme.example",
          method: "refer",
          sip_headers: null,
          reason: "vip",
          utterance: null,
          soft: false,
          whisper: null,
        },
      }),
    );
    const { s, onFinished } = store(runFunction);
    await s.getState().start();
    await s.getState().say("a question about my bill");
    const st = s.getState();
    expect(runFunction).toHaveBeenCalledTimes(1);
    expect(st.phase).toBe("ended");
    expect(st.timeline.map((i) => i.kind)).toEqual(["agent", "agent", "caller", "function", "handoff", "note"]);
    expect(onFinished).toHaveBeenCalledTimes(1);
    expect(onFinished.mock.calls[0]![0].handoff.source).toBe("transfer_call");
    await s.getState().say("ignored");
    expect(onFinished).toHaveBeenCalledTimes(1);
  });

  it("plays the behaviour chosen for a destination; the others answer", async () => {
    const { s } = store();
    s.getState().editDetails({
      variables: { customer_id: "abc123", tier: "silver" },
      behaviours: { "Billing Support": "busy", "Front desk": "answers" },
    });
    await s.getState().start();
    expect(s.getState().session!.call.behaviours).toEqual({ "Billing Support": "busy" });
    await s.getState().say("a question about my bill");
    const st = s.getState();
    expect(st.session!.handoff).toMatchObject({ destination: "Billing Support", outcome: "busy", sip_status: 486 });
    expect(st.phase).toBe("running");
    expect(behavioursOf({ A: "answers" })).toBeUndefined();
  });

  it("restart mid-call hangs up (stored as abandoned) and returns to the details", async () => {
    const { s, onFinished } = store();
    await s.getState().start();
    await s.getState().restart();
    expect(onFinished.mock.calls[0]![0].outcome).toBe("abandoned");
    expect(s.getState()).toMatchObject({ phase: "setup", session: null, timeline: [] });
    expect(s.getState().details.variables.tier).toBe("gold");
  });

  it("a host failure is shown, not thrown", async () => {
    const { s } = store(vi.fn(async () => Promise.reject(new Error("worker died"))));
    await s.getState().start();
    await s.getState().say("my bill");
    expect(s.getState()).toMatchObject({ error: "worker died", working: false });
  });
});
