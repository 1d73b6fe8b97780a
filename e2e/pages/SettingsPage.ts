import { expect, type Locator, type Page } from "@playwright/test";

export class SettingsPage {
  readonly newKey: Locator;
  readonly revokeDialog: Locator;

  constructor(readonly page: Page) {
    this.newKey = page.getByTestId("new-api-key");
    this.revokeDialog = page.getByTestId("revoke-dialog");
  }

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/handoffs`);
    await this.page.getByRole("navigation", { name: "Build" }).getByRole("link", { name: "Settings" }).click();
    await expect(this.page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  }

  row(name: string) {
    return this.page.locator(`[data-testid="api-key-row"][data-name="${name}"]`);
  }

  /** Creates a key and returns it as shown (once) on the page. */
  async createKey(name: string): Promise<string> {
    await this.page.getByLabel("Key name").fill(name);
    await this.page.getByRole("button", { name: "Create key" }).click();
    await expect(this.newKey).toBeVisible();
    return this.newKey.inputValue();
  }

  async revoke(name: string) {
    await this.row(name)
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    await expect(this.revokeDialog).toBeVisible();
    await this.revokeDialog.getByRole("button", { name: "Revoke key" }).click();
    await expect(this.revokeDialog).toBeHidden();
  }
}
