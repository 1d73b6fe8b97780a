import { expect, type Locator, type Page } from "@playwright/test";
import { TracePanel } from "./TracePanel";

/** Conversation Review's list: filter form, table, keyset page links. */
export class ReviewListPage {
  readonly filters: Locator;
  readonly table: Locator;
  readonly pages: Locator;

  constructor(readonly page: Page) {
    this.filters = page.getByRole("form", { name: "Filter conversations" });
    this.table = page.getByTestId("conversation-table");
    this.pages = page.getByRole("navigation", { name: "Pages" });
  }

  async goto(agentId: string, query = "") {
    await this.page.goto(`/agents/${agentId}/conversations${query}`);
    await this.waitForHeading();
  }

  async openFromBuildMenu() {
    await this.page
      .getByRole("navigation", { name: "Build" })
      .getByRole("link", { name: "Conversation Review" })
      .click();
    await this.waitForHeading();
  }

  async waitForHeading() {
    await expect(this.page.getByRole("heading", { name: "Conversation Review", exact: true })).toBeVisible();
  }

  filter(label: string) {
    return this.filters.getByLabel(label, { exact: true });
  }

  async apply() {
    await this.filters.getByRole("button", { name: "Apply filters" }).click();
  }

  rows() {
    return this.page.getByTestId("conversation-row");
  }

  async rowIds(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")!));
  }

  row(id: string) {
    return this.page.locator(`[data-testid="conversation-row"][data-id="${id}"]`);
  }

  pageLink(name: "Newest" | "← Newer" | "Older →") {
    return this.pages.getByRole("link", { name, exact: true });
  }

  /** Clicks a page link and waits until the table shows another page (pages never share rows). */
  async goToPage(name: "Newest" | "← Newer" | "Older →") {
    const before = (await this.rowIds())[0];
    await this.pageLink(name).click();
    await expect.poll(async () => (await this.rowIds())[0]).not.toBe(before);
  }
}

/** One conversation: transcript, path and the metadata tabs. */
export class ReviewConversationPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("conversation");
  }

  tab(name: RegExp | string) {
    return this.root.getByRole("tab", { name });
  }

  async openTab(name: RegExp | string) {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute("aria-selected", "true");
    return this.panel();
  }

  /** The visible tab panel. */
  panel() {
    return this.root.locator('[role="tabpanel"]:not([hidden])');
  }

  detail(key: string) {
    return this.root.getByTestId(`detail-${key}`);
  }

  trace() {
    return new TracePanel(this.panel());
  }

  pathNodes() {
    return this.root.getByTestId("path-node");
  }

  turns() {
    return this.root.getByTestId("review-turn");
  }
}
