import { expect, type Locator, type Page } from "@playwright/test";
import { TracePanel } from "./TracePanel";
import { PYTHON_WAIT_MS } from "../waits";

export class SimulatorPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("simulator");
  }

  async goto(agentId: string) {
    await this.page.goto(`/agents/${agentId}/simulator`);
    await expect(this.root.getByRole("button", { name: "Start call" })).toBeVisible();
  }

  /** What runs: "Draft", "Live (version 1)", "Version 2"…; the page reloads on the choice. */
  async chooseRun(label: string) {
    await this.page.getByTestId("run-chooser").selectOption({ label });
    await expect(this.page.getByTestId("run-chooser").locator("option:checked")).toHaveText(label);
    await expect(this.root.getByRole("button", { name: "Start call" })).toBeVisible();
  }

  variable(name: string) {
    return this.root.getByLabel(name, { exact: true });
  }

  /** How a destination behaves in the next call: "Busy (486)", "Accepted, then busy (NOTIFY 486)"… */
  async behaviour(destination: string, label: string) {
    const select = this.root.getByTestId("destination-behaviours").getByLabel(destination);
    await select.selectOption({ label });
    await expect(select.locator("option:checked")).toHaveText(label);
  }

  async start() {
    await this.root.getByRole("button", { name: "Start call" }).click();
    // The demo agent's start_function runs before the greeting: the first call waits for Python to load.
    await expect(this.root.getByTestId("agent-turn").first()).toBeVisible({ timeout: PYTHON_WAIT_MS });
  }

  async say(text: string) {
    await this.root.getByLabel("Caller says").fill(text);
    await this.root.getByLabel("Caller says").press("Enter");
  }

  outcome() {
    return this.root.getByTestId("handoff-outcome");
  }

  trace() {
    return new TracePanel(this.outcome());
  }

  /** Switches to the TwiML view: one entry per webhook a live call would make. */
  async showTwiml() {
    await this.root.getByRole("button", { name: "TwiML" }).click();
    return this.root.getByTestId("twiml-turn");
  }

  savedNote() {
    return this.root.getByTestId("saved-note");
  }
}
