import { expect, type Page } from "@playwright/test";

export class TelephonyPage {
  constructor(readonly page: Page) {}

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/settings`);
    await this.page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Telephony" }).click();
    await expect(this.page.getByRole("heading", { name: "Telephony", level: 2 })).toBeVisible();
  }

  row(phoneNumber: string) {
    return this.page.locator(`[data-testid="number-row"][data-number="${phoneNumber}"]`);
  }

  async assignNewByHand(phoneNumber: string, agentName: string) {
    const form = this.page.getByRole("form", { name: "Assign a number by hand" });
    await form.getByLabel("Number").fill(phoneNumber);
    await form.getByLabel("Agent").selectOption({ label: agentName });
    await form.getByRole("button", { name: "Assign by hand" }).click();
  }
}
