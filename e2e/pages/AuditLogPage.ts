import { expect, type Page } from "@playwright/test";

export class AuditLogPage {
  constructor(readonly page: Page) {}

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/settings`);
    await this.page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
    await expect(this.page.getByRole("heading", { name: "Audit log", level: 2 })).toBeVisible();
  }

  rows(action: string) {
    return this.page.locator(`[data-testid="audit-row"][data-action="${action}"]`);
  }

  /** Chooses an option by its value (a member id, a kind, an agent id) and applies the filters. */
  async filter(label: "Who" | "What" | "Agent", value: string) {
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }
}
