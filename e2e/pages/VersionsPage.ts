import { expect, type Locator, type Page } from "@playwright/test";

/** The Publish dialog (top bar) and Build → Versions: list, compare, promote, restore. */
export class VersionsPage {
  readonly publishDialog: Locator;

  constructor(readonly page: Page) {
    this.publishDialog = page.getByTestId("publish-dialog");
  }

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/versions`);
    await expect(this.page.getByRole("heading", { name: "Versions", exact: true })).toBeVisible();
  }

  /** Publish from the top bar; returns the dialog, still open on its result. */
  async publish(note: string) {
    await this.page.getByTestId("publish-button").click();
    await expect(this.publishDialog).toBeVisible();
    await this.publishDialog.getByLabel("Note (optional)").fill(note);
    await this.publishDialog.getByRole("button", { name: "Publish", exact: true }).click();
    return this.publishDialog;
  }

  async closePublish() {
    await this.publishDialog.getByRole("button", { name: /^(Done|Cancel)$/ }).click();
    await expect(this.publishDialog).toBeHidden();
  }

  row(version: number) {
    return this.page.locator(`[data-testid="version-row"][data-version="${version}"]`);
  }

  rows() {
    return this.page.getByTestId("version-row");
  }

  async compare(from: string, to: string) {
    const form = this.page.getByRole("form", { name: "Compare versions" });
    await form.getByLabel("Compare").selectOption({ label: from });
    await form.getByLabel("with").selectOption({ label: to });
    await form.getByRole("button", { name: "Compare" }).click();
    await expect(this.page.getByRole("heading", { name: "Compare" })).toBeVisible();
  }

  /** Promote or restore a version: the row's button, then the confirmation's. */
  async act(version: number, action: "Promote to pre-release" | "Promote to live" | "Restore to draft") {
    await this.row(version).getByRole("button", { name: action }).click();
    const confirm = this.page.getByTestId("version-confirm");
    await confirm.getByRole("button", { name: action }).click();
    await expect(confirm).toBeHidden();
  }

  message() {
    return this.page.getByTestId("versions-message");
  }
}
