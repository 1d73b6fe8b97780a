import { expect, type Locator, type Page } from "@playwright/test";

/** The flow editor (components/flows): canvas, palette, inspector, problems, toolbar. */
export class FlowEditorPage {
  readonly canvas: Locator;
  readonly inspector: Locator;
  readonly problems: Locator;
  readonly status: Locator;
  readonly staleBanner: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("flow-canvas");
    this.inspector = page.getByTestId("inspector");
    this.problems = page.getByTestId("problem");
    this.status = page.getByTestId("save-status");
    this.staleBanner = page.getByTestId("stale-banner");
  }

  /** New flow on the Flows list, named; waits for its editor and returns the new flow's id. */
  async createFromList(agentId: string, name: string): Promise<string> {
    await this.page.goto(`/agents/${agentId}/flows`);
    await this.page.getByRole("button", { name: "New flow" }).click();
    await this.page.getByLabel("Flow name", { exact: true }).fill(name);
    await this.page.getByRole("button", { name: "Create", exact: true }).click();
    await this.page.waitForURL(/\/flows\/flow_/);
    await this.waitReady();
    return this.page.url().split("/").pop()!;
  }

  async goto(agentId: string, flowId: string) {
    await this.page.goto(`/agents/${agentId}/flows/${flowId}`);
    await this.waitReady();
  }

  /** Visible, and done checking the server for a newer saved revision (the editor takes no input until then). */
  async waitReady() {
    await expect(this.page.getByTestId("flow-editor")).toBeVisible();
    await expect(this.page.getByTestId("flow-editor")).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
    await expect(this.page.locator(".react-flow__node").first()).toBeVisible();
  }

  /** The xyflow wrapper of a node (data-id is the node id). */
  node(id: string) {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  nodesOfKind(kind: string) {
    return this.page.locator(`[data-testid="flow-node"][data-kind="${kind}"]`);
  }

  edges() {
    return this.page.locator(".react-flow__edge");
  }

  async selectedNodeId(): Promise<string> {
    const id = await this.page.locator(".react-flow__node.selected").first().getAttribute("data-id");
    if (!id) throw new Error("no node selected");
    return id;
  }

  /** A real mouse drag from the palette onto the canvas, `dy` pixels below the canvas centre. */
  async dragFromPalette(kind: string, dx: number, dy: number): Promise<string> {
    const from = await this.page.getByTestId(`palette-${kind}`).boundingBox();
    const box = await this.canvas.boundingBox();
    if (!from || !box) throw new Error("palette or canvas not visible");
    const before = await this.nodesOfKind(kind).count();
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 12 });
    await this.page.mouse.up();
    await expect(this.nodesOfKind(kind)).toHaveCount(before + 1);
    return this.selectedNodeId();
  }

  /** Drags from a node's output handle to another node's input handle. */
  async connect(source: string, handle: string, target: string) {
    const from = await this.node(source).locator(`.react-flow__handle.source[data-handleid="${handle}"]`).boundingBox();
    const to = await this.node(target).locator(".react-flow__handle.target").boundingBox();
    if (!from || !to) throw new Error("handle not visible");
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Clicks a palette entry (adds the node by click, not by drag) and returns the new node's id. */
  async clickPalette(kind: string): Promise<string> {
    const before = await this.nodesOfKind(kind).count();
    await this.page.getByTestId(`palette-${kind}`).click();
    await expect(this.nodesOfKind(kind)).toHaveCount(before + 1);
    return this.selectedNodeId();
  }

  /** Clicks an empty spot of the canvas (its top-left corner), which clears the selection. */
  async clickEmptyCanvas() {
    await this.canvas.locator(".react-flow__pane").click({ position: { x: 8, y: 8 } });
    await expect(this.page.locator(".react-flow__node.selected")).toHaveCount(0);
  }

  /** The canvas's zoom, read from the viewport's transform. */
  async zoom(): Promise<number> {
    const transform = await this.canvas
      .locator(".react-flow__viewport")
      .evaluate((el) => (el as HTMLElement).style.transform);
    const m = /scale\(([\d.]+)\)/.exec(transform);
    if (!m) throw new Error(`no scale in ${transform}`);
    return Number(m[1]);
  }

  /** Screen rectangles of the given nodes. */
  async boxes(ids: readonly string[]) {
    const out = [];
    for (const id of ids) {
      const box = await this.node(id).boundingBox();
      if (!box) throw new Error(`node ${id} is not visible`);
      out.push(box);
    }
    return out;
  }

  /** Clicks the node's title, or the card itself when zoomed out to overview (no text is drawn then). */
  async select(id: string) {
    const card = this.node(id).getByTestId("flow-node");
    const title = card.getByTestId("node-title");
    await ((await title.count()) > 0 ? title : card).click();
    await expect(this.inspector).toBeVisible();
  }

  field(label: string) {
    return this.inspector.getByLabel(label, { exact: true });
  }

  async waitSaved() {
    await expect(this.status).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  }

  /** The panel beside the canvas (inspector, simulator or function editor). */
  sidePanel() {
    return this.page.getByTestId("side-panel");
  }

  splitter() {
    return this.page.getByRole("separator", { name: "Resize side panel" });
  }

  async sidePanelWidth(): Promise<number> {
    const box = await this.sidePanel().boundingBox();
    if (!box) throw new Error("side panel not visible");
    return box.width;
  }

  /** Drags the splitter `dx` pixels (negative: left, widening the panel). */
  async dragSplitter(dx: number) {
    const box = await this.splitter().boundingBox();
    if (!box) throw new Error("splitter not visible");
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y, { steps: 8 });
    await this.page.mouse.up();
  }

  async pressShortcut(key: string) {
    // Focus the canvas pane so no input has focus.
    await this.page.keyboard.press(key);
  }
}
