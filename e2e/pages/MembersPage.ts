import { expect, type Page } from "@playwright/test";
import type { Role } from "../../lib/auth/roles";

export class MembersPage {
  constructor(readonly page: Page) {}

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/settings`);
    await this.page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
    await expect(this.page.getByRole("heading", { name: "Members", level: 2 })).toBeVisible();
  }

  row(email: string) {
    return this.page.locator(`[data-testid="member-row"][data-email="${email}"]`);
  }

  async add(member: { email: string; name: string; role: Role; password: string }) {
    const form = this.page.getByRole("form", { name: "Add member" });
    await form.getByLabel("Email").fill(member.email);
    await form.getByLabel("Name").fill(member.name);
    await form.getByLabel("Role").selectOption(member.role);
    await form.getByLabel("Initial password").fill(member.password);
    await form.getByRole("button", { name: "Add member" }).click();
    await expect(this.row(member.email)).toBeVisible();
  }

  async changeRole(email: string, role: Role) {
    await this.page.getByLabel(`Role of ${email}`).selectOption(role);
    await expect(this.page.getByTestId("notice")).toContainText("it applies to their next request");
  }
}
