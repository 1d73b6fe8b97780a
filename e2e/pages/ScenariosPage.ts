import { expect, type Locator, type Page } from "@playwright/test";

/** Build → Scenarios: the list, running scenarios, their results, the scenario form. */
export class ScenariosPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("scenario-form");
  }

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/scenarios`);
    await expect(this.page.getByRole("heading", { name: "Scenarios", exact: true })).toBeVisible();
  }

  row(name: string) {
    return this.page.locator(`[data-testid="scenario-row"][data-scenario="${name}"]`);
  }

  async names() {
    return this.page
      .getByTestId("scenario-row")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-scenario")));
  }

  /** Runs one scenario with its row's Run button and waits for its result. */
  async run(name: string, timeout = 60_000) {
    await this.row(name).getByRole("button", { name: "Run", exact: true }).click();
    await expect(this.result(name)).toBeVisible({ timeout });
    return this.result(name);
  }

  async runAll(timeout = 120_000) {
    await this.page.getByRole("button", { name: "Run all" }).click();
    await expect(this.page.getByTestId("notice")).toHaveText(/passed, \d+ failed/, { timeout });
  }

  result(name: string) {
    return this.page.getByRole("region", { name: `Result of ${name}` });
  }

  /** A result's expectation row by its label ("Header X-Customer-ID"). */
  expectation(result: Locator, label: string) {
    return result.getByTestId("expectation").filter({ has: this.page.getByRole("cell", { name: label, exact: true }) });
  }

  field(label: string) {
    return this.form.getByLabel(label, { exact: true });
  }

  async save() {
    await this.form.getByRole("button", { name: "Save scenario" }).click();
  }

  /** The inbound SIP headers table: adds a row and types into it. */
  async addInboundHeader(name: string, value: string) {
    const table = this.form.getByTestId("inbound-headers");
    await table.getByRole("button", { name: "Add header" }).click();
    const n = await table.getByRole("textbox", { name: /^Header \d+ name$/ }).count();
    await table.getByRole("textbox", { name: `Header ${n} name` }).fill(name);
    await table.getByRole("textbox", { name: `Header ${n} value` }).fill(value);
  }

  inboundHeaderName(n: number) {
    return this.form.getByRole("textbox", { name: `Header ${n} name` });
  }

  /** Adds "function X was called" with one argument (name, type, value). */
  async addFunctionAssertion(fn: string, arg: { name: string; type: string; value: string }) {
    const list = this.form.getByTestId("function-assertions");
    await list.getByRole("button", { name: "Add function" }).click();
    const row = list.getByTestId("function-assertion").last();
    await row.getByLabel("Function", { exact: true }).fill(fn);
    await row.getByRole("button", { name: "Add argument" }).click();
    await row.getByLabel(`Argument 1 of ${fn}: name`).fill(arg.name);
    await row.getByLabel(`Argument 1 of ${fn}: type`).selectOption(arg.type);
    await row.getByLabel(`Argument 1 of ${fn}: expected value`).fill(arg.value);
  }

  argumentValue(fn: string, n = 1) {
    return this.form.getByLabel(`Argument ${n} of ${fn}: expected value`);
  }
}
