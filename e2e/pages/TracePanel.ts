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

  raw() {
    return this.root.getByTestId("raw-message");
  }

  async labels() {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-label")));
  }
}
