import { expect, type Download, type Page } from "@playwright/test";

/** The agent switcher's menu: switch, create, rename, export and import agents. */
export class AgentMenu {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId("agent-switcher").click();
    await expect(this.page.getByRole("menu")).toBeVisible();
  }

  async exportAgent(): Promise<Download> {
    await this.open();
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("menuitem", { name: "Export agent" }).click();
    return download;
  }

  async openImport() {
    await this.open();
    await this.page.getByRole("menuitem", { name: "Import agent…" }).click();
    await expect(this.importDialog()).toBeVisible();
  }

  importDialog() {
    return this.page.getByTestId("import-agent");
  }

  async chooseFile(name: string, text: string) {
    await this.importDialog()
      .getByTestId("import-agent-file")
      .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  }
}
