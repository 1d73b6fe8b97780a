import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** Build → Knowledge: the topics list, the topic form, CSV import and export. */
export class KnowledgePage {
  readonly modal: Locator;
  readonly importDialog: Locator;

  constructor(readonly page: Page) {
    this.modal = page.getByTestId("topic-modal");
    this.importDialog = page.getByTestId("import-topics-dialog");
  }

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/knowledge`);
    await this.waitForHeading();
  }

  async openFromBuildMenu() {
    await this.page.getByRole("navigation", { name: "Build" }).getByRole("link", { name: "Knowledge" }).click();
    await this.waitForHeading();
  }

  async waitForHeading() {
    await expect(this.page.getByRole("heading", { name: "Knowledge", exact: true })).toBeVisible();
  }

  rows() {
    return this.page.getByTestId("topic-row");
  }

  row(name: string) {
    return this.page.locator(`[data-testid="topic-row"][data-topic="${name}"]`);
  }

  async names() {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-topic")));
  }

  notice() {
    return this.page.getByTestId("notice");
  }

  async openAdd() {
    await this.page.getByRole("button", { name: "Add topic" }).click();
    await expect(this.modal).toBeVisible();
  }

  field(label: string) {
    return this.modal.getByLabel(label, { exact: true });
  }

  async chooseAction(label: "None" | "Builtin handoff" | "Function") {
    await this.modal.getByRole("radio", { name: label }).check();
  }

  async submit(label: "Add topic" | "Save topic") {
    await this.modal.getByRole("button", { name: label, exact: true }).click();
  }

  async importCsv(csv: string) {
    await this.page.getByRole("button", { name: "Import CSV" }).click();
    await expect(this.importDialog).toBeVisible();
    await this.importDialog.getByLabel("CSV file").setInputFiles({
      name: "topics.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await this.importDialog.getByRole("button", { name: "Import", exact: true }).click();
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("link", { name: "Export CSV" }).click();
    return download;
  }
}
