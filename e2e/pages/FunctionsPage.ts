import { expect, type Locator, type Page } from "@playwright/test";
import { EDITOR_WAIT_MS, PYTHON_WAIT_MS } from "../waits";

export class FunctionsPage {
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId("function-editor");
  }

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/functions`);
    await expect(this.page.getByRole("heading", { name: "Functions", exact: true })).toBeVisible();
  }

  row(name: string) {
    return this.page.locator(`[data-testid="function-row"][data-name="${name}"]`);
  }

  async create(name: string, template: "Blank" | "transfer_call" | "Escalate with reason") {
    await this.page.getByRole("button", { name: "New function" }).click();
    const modal = this.page.getByTestId("new-function-modal");
    await modal.getByLabel("Name", { exact: true }).fill(name);
    await modal.getByRole("radio", { name: template }).check();
    await modal.getByRole("button", { name: "Create" }).click();
    await expect(this.page.getByTestId("function-title")).toHaveText(name);
    await this.waitForEditor();
  }

  async waitForEditor() {
    await expect(this.page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor')).toBeVisible({
      timeout: EDITOR_WAIT_MS,
    });
  }

  async waitForPython() {
    await expect(this.page.getByTestId("python-status")).toHaveAttribute("data-state", "ready", {
      timeout: PYTHON_WAIT_MS,
    });
  }

  /** Places the caret at the end of a line (1-based) and types, through Monaco's own input. */
  async typeAtEndOfLine(line: number, text: string) {
    await this.page.locator(".monaco-editor .view-lines").click();
    await this.page.keyboard.press("ControlOrMeta+Home");
    for (let i = 1; i < line; i++) await this.page.keyboard.press("ArrowDown");
    await this.page.keyboard.press("End");
    await this.page.keyboard.type(text);
  }

  /**
   * Replaces the whole buffer through Monaco's own input (select all, then insert text). Monaco
   * auto-indents each new line (after a ":" it indents, otherwise it keeps the indentation), so
   * leading whitespace is stripped here: pass code whose indentation follows those rules.
   */
  async replaceCode(code: string) {
    await this.page.locator(".monaco-editor .view-lines").click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.insertText(
      code
        .split("\n")
        .map((l) => l.trimStart())
        .join("\n"),
    );
  }

  async setState(key: string, value: string) {
    await this.page
      .locator(`[data-testid="state-row"][data-key="${key}"]`)
      .getByLabel(/State value/)
      .fill(value);
  }

  async run() {
    await this.page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(this.page.getByRole("button", { name: "Run", exact: true })).toBeEnabled({ timeout: 30_000 });
    return this.page.getByTestId("run-result");
  }
}
