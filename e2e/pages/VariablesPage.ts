import { expect, type Locator, type Page } from "@playwright/test";

/** Build → Variables: the agent's variables table, add/edit modal and delete confirmation. */
export class VariablesPage {
  readonly modal: Locator;
  readonly deleteDialog: Locator;

  constructor(readonly page: Page) {
    this.modal = page.getByTestId("variable-modal");
    this.deleteDialog = page.getByTestId("delete-variable-dialog");
  }

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/variables`);
    await this.waitForHeading();
  }

  async openFromBuildMenu() {
    await this.page.getByRole("navigation", { name: "Build" }).getByRole("link", { name: "Variables" }).click();
    await this.waitForHeading();
  }

  async waitForHeading() {
    await expect(this.page.getByRole("heading", { name: "Variables", exact: true })).toBeVisible();
  }

  rows() {
    return this.page.getByTestId("variable-row");
  }

  row(name: string) {
    return this.page.locator(`[data-testid="variable-row"][data-name="${name}"]`);
  }

  async names(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")!));
  }

  field(label: "Name" | "Sample value" | "Description") {
    return this.modal.getByLabel(label, { exact: true });
  }

  async openAdd() {
    await this.page.getByRole("button", { name: "Add variable" }).click();
    await expect(this.modal).toBeVisible();
  }

  async openEdit(name: string) {
    await this.row(name).getByRole("button", { name: "Edit" }).click();
    await expect(this.modal).toBeVisible();
  }

  async openDelete(name: string) {
    await this.row(name).getByRole("button", { name: "Delete" }).click();
    await expect(this.deleteDialog).toBeVisible();
  }

  usages(within: Locator) {
    return within.getByTestId("variable-usages").getByRole("listitem");
  }
}
