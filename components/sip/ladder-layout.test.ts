import { describe, expect, it } from "vitest";
import { buildHandoffTrace, type TraceMessage } from "@/lib/sip";
import { HOSTS } from "@/lib/sip/testing/ladders";
import {
  arrowGeometry,
  destinationEntry,
  formatLadderTime,
  LADDER_MIN_WIDTH,
  ladderLayout,
  ladderRows,
  laneCentre,
} from "./ladder-layout";

const trace = (
  method: "refer" | "invite" | "bye",
  over: { soft?: boolean; behaviour?: "busy"; attempts?: number } = {},
) =>
  buildHandoffTrace({
    destination: {
      name: "Front desk",
      method,
      route: method === "bye" ? null : "sip:2001@pbx.example",
      sipHeaders: [],
      referHeaderPlacement: "request",
    },
    variables: {},
    hosts: HOSTS,
    seed: 7,
    ...over,
    ...(over.soft ? { whisper: "Caller needs billing" } : {}),
  }).messages;

describe("ladderLayout", () => {
  it("fills the width it is given, lanes sharing what the time column leaves", () => {
    const l = ladderLayout(600);
    expect(l).toMatchObject({ width: 600, compact: false, timeWidth: 72, titles: "full" });
    expect(l.laneWidth).toBe(176);
    expect(l.timeWidth + 3 * l.laneWidth).toBe(600);
  });

  it("compresses in a narrow panel: smaller time column, short lane titles, still the whole width", () => {
    // A 360 px side panel leaves about 300 px for the ladder after padding and borders.
    const l = ladderLayout(300);
    expect(l).toMatchObject({ width: 300, compact: true, timeWidth: 48, titles: "short" });
    expect(l.timeWidth + 3 * l.laneWidth).toBe(300);
    // The Destination lane's lifeline lies inside the box.
    expect(l.timeWidth + laneCentre(l, "destination")).toBeLessThan(300);
  });

  it("stops shrinking at the minimum (the box scrolls below it) and survives junk widths", () => {
    expect(ladderLayout(120).width).toBe(LADDER_MIN_WIDTH);
    expect(ladderLayout(Number.NaN).width).toBeGreaterThanOrEqual(LADDER_MIN_WIDTH);
    expect(ladderLayout(433.7).width).toBe(433);
  });
});

describe("arrowGeometry", () => {
  const l = ladderLayout(372); // lanes of 108 px
  it("runs between lane centres in either direction, the label limited to the arrow's length", () => {
    const right = arrowGeometry(l, "sbc", "destination");
    expect(right).toMatchObject({ left: 54, right: 270, rightward: true, labelCentre: 162, labelMaxWidth: 208 });
    const left = arrowGeometry(l, "destination", "agent");
    expect(left).toMatchObject({ left: 162, right: 270, rightward: false, labelCentre: 216, labelMaxWidth: 100 });
  });

  it("centres an event on one lane, as wide as the room on its narrower side allows", () => {
    expect(arrowGeometry(l, "agent", "agent")).toMatchObject({ left: 162, right: 162, labelMaxWidth: 316 });
    // The SBC lane is at the edge: its label may not spill into the time column.
    expect(arrowGeometry(l, "sbc", "sbc")).toMatchObject({ labelCentre: 54, labelMaxWidth: 100 });
  });
});

describe("formatLadderTime", () => {
  it("prints milliseconds, or hundredths when compact", () => {
    expect(formatLadderTime(3275, false)).toBe("3.275s");
    expect(formatLadderTime(3275, true)).toBe("3.27s");
  });
});

describe("ladderRows", () => {
  const labels = (rows: ReturnType<typeof ladderRows>) =>
    rows.map((r) => (r.kind === "message" ? r.message.label : `[${r.label}: ${r.note}]`));

  it("adds the SBC's INVITE to the destination to a REFER, before the NOTIFY reporting it", () => {
    const messages = trace("refer");
    const rows = ladderRows(messages);
    expect(rows).toHaveLength(messages.length + 1);
    const at = rows.findIndex((r) => r.kind === "predicted");
    expect(rows[at]).toMatchObject({ from: "sbc", to: "destination", label: "INVITE", note: "not sent by the agent" });
    expect(labels(rows).slice(at - 3, at + 2)).toEqual([
      "202 Accepted",
      "NOTIFY (100 Trying)",
      "200 OK",
      "[INVITE: not sent by the agent]",
      "NOTIFY (200 OK)",
    ]);
    // Rows keep the index of their message, so selecting a row still opens the right raw text.
    const indexes = rows.flatMap((r) => (r.kind === "message" ? [r.index] : []));
    expect(indexes).toEqual(messages.map((_, i) => i));
  });

  it("predicts the INVITE when the SBC reports the destination busy, too", () => {
    const rows = ladderRows(trace("refer", { behaviour: "busy" }));
    const at = rows.findIndex((r) => r.kind === "predicted");
    expect(labels(rows)[at + 1]).toBe("NOTIFY (486 Busy Here)");
  });

  it("predicts one INVITE per REFER when the transfer is tried again", () => {
    const messages = trace("refer", { behaviour: "busy", attempts: 3 });
    const refers = messages.filter((m) => m.label === "REFER").length;
    expect(refers).toBe(3);
    const rows = ladderRows(messages);
    expect(rows.filter((r) => r.kind === "predicted")).toHaveLength(refers);
    rows.forEach((r, i) => {
      if (r.kind === "predicted") expect(labels(rows)[i + 1]).toBe("NOTIFY (486 Busy Here)");
    });
  });

  it("adds nothing where the trace already shows the destination's leg", () => {
    for (const messages of [trace("invite"), trace("bye"), trace("refer", { soft: true })]) {
      expect(ladderRows(messages).every((r) => r.kind === "message")).toBe(true);
    }
  });

  it("adds nothing to a REFER the SBC never reported on", () => {
    const messages = trace("refer");
    const cut: TraceMessage[] = messages.slice(0, messages.findIndex((m) => m.label === "REFER") + 2);
    expect(ladderRows(cut).some((r) => r.kind === "predicted")).toBe(false);
  });
});

describe("destinationEntry", () => {
  it("is the INVITE into the Destination lane, or the predicted one for a REFER", () => {
    const invite = ladderRows(trace("invite"));
    const i = destinationEntry(invite);
    expect(invite[i]).toMatchObject({
      kind: "message",
      message: { label: "INVITE", from: "agent", to: "destination" },
    });
    const refer = ladderRows(trace("refer"));
    expect(refer[destinationEntry(refer)]).toMatchObject({ kind: "predicted", label: "INVITE" });
    expect(destinationEntry(ladderRows(trace("bye")))).toBe(-1);
  });
});
