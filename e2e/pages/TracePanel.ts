import type { Locator } from "@playwright/test";

/** The ladder + raw message viewer used by the routing preview, the simulator and Review. */
export class TracePanel {
  constructor(readonly root: Locator) {}

  rows() {
    return this.root.getByTestId("ladder-row");
  }

  async open(label: string) {
    await this.root.locator(`[data-testid="ladder-row"][data-label="${label}"]`).first().click();
  }

  /** A message row between two lanes (e.g. the INVITE into the Destination lane). */
  row(label: string, from: string, to: string) {
    return this.root.locator(`[data-testid="ladder-row"][data-label="${label}"][data-from="${from}"][data-to="${to}"]`);
  }

  /** The view's predicted SBC → destination INVITE on a REFER (not a message of the trace). */
  predicted() {
    return this.root.getByTestId("ladder-predicted");
  }

  ladder() {
    return this.root.getByTestId("ladder");
  }

  raw() {
    return this.root.getByTestId("raw-message");
  }

  async labels() {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-label")));
  }
}
