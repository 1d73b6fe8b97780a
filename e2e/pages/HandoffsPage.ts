import { expect, type Locator, type Page } from "@playwright/test";

export class HandoffsPage {
  readonly modal: Locator;

  constructor(readonly page: Page) {
    this.modal = page.getByTestId("destination-modal");
  }

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/handoffs`);
    await expect(this.page.getByRole("heading", { name: "Call Handoffs" })).toBeVisible();
  }

  cards() {
    return this.page.getByTestId("destination-card");
  }

  card(name: string) {
    return this.page.locator(`[data-testid="destination-card"][data-name="${name}"]`);
  }

  async cardNames() {
    return this.page.getByTestId("destination-name").allTextContents();
  }

  async openAdd() {
    await this.page.getByRole("button", { name: "Add Handoff" }).click();
    await expect(this.modal).toBeVisible();
  }

  field(label: string) {
    return this.modal.getByLabel(label, { exact: true });
  }

  headerNames() {
    return this.modal.getByLabel("Header name", { exact: true });
  }

  headerValues() {
    return this.modal.getByLabel("Header value", { exact: true });
  }

  async addHeader(name: string, value: string) {
    await this.modal.getByRole("button", { name: "Add SIP Header" }).click();
    await this.headerNames().last().fill(name);
    await this.headerValues().last().fill(value);
  }

  async chooseMethod(label: "SIP REFER" | "SIP INVITE" | "SIP BYE") {
    await this.modal.getByRole("radio", { name: label }).check();
  }

  async submit(label: "Add" | "Save") {
    await this.modal.getByRole("button", { name: label, exact: true }).click();
  }

  /** Call Handoffs → Import handoffs.yaml: the dialog. */
  importDialog() {
    return this.page.getByTestId("import-handoffs");
  }

  async openImport() {
    await this.page.getByRole("button", { name: "Import handoffs.yaml" }).click();
    await expect(this.importDialog()).toBeVisible();
  }

  async chooseYamlFile(name: string, text: string) {
    await this.importDialog()
      .getByLabel("File", { exact: true })
      .setInputFiles({ name, mimeType: "application/yaml", buffer: Buffer.from(text) });
  }

  yamlText() {
    return this.importDialog().getByLabel("YAML", { exact: true });
  }

  importErrors() {
    return this.importDialog().getByTestId("import-errors").getByRole("listitem");
  }
}
