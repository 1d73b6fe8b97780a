import { test, expect } from "./fixtures";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { createFlow, getFlow, listFlows } from "../db/repositories/flows";

test("nodes have titles: a default from their content, one typed in the inspector, shown on the card and in Problems", async ({
  page,
  agentId,
  db,
}) => {
  const flowId = listFlows(db, agentId).find((f) => f.name === "Main line")!.id;
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flowId);
  // The demo flow names some nodes; the others show titles made from what they do.
  await expect(editor.node("intent").getByTestId("node-title")).toHaveText("What does the caller need?");
  await expect(editor.node("front_desk").getByTestId("node-title")).toHaveText("Handoff: Front desk");

  const listen = await editor.dragFromPalette("listen", 260, 0);
  await expect(editor.node(listen).getByTestId("node-title")).toHaveText("Listen");
  // The new node is unreachable: Problems names it by title, the id only on hover.
  const unreachable = page.locator(`[data-testid="problem"][data-rule="unreachable"][data-node="${listen}"]`);
  await expect(unreachable.getByTestId("problem-node")).toHaveText("— Listen");
  await expect(unreachable.getByTestId("problem-node")).toHaveAttribute("title", `Node ${listen}`);
  await expect(unreachable).not.toContainText(listen);

  // The default follows the content: a branch label shows in the title.
  await editor.inspector.getByRole("button", { name: "+ Add branch" }).click();
  await editor.field("Branch 1 label").fill("billing");
  await editor.field("Branch 1 keywords").fill("bill");
  await expect(editor.node(listen).getByTestId("node-title")).toHaveText("Listen: billing");
  await expect(editor.field("Title")).toHaveAttribute("placeholder", "Listen: billing");

  // A typed title wins everywhere.
  await editor.field("Title").fill("Ask for the account");
  await expect(editor.node(listen).getByTestId("node-title")).toHaveText("Ask for the account");
  await expect(unreachable.getByTestId("problem-node")).toHaveText("— Ask for the account");
  await editor.waitSaved();
  await page.reload();
  await editor.waitReady();
  await expect(editor.node(listen).getByTestId("node-title")).toHaveText("Ask for the account");
  const stored = getFlow(db, agentId, flowId)!.nodes.find((n) => n.id === listen)!;
  expect(stored.data).toMatchObject({ title: "Ask for the account" });

  // Clearing it brings the default back.
  await editor.select(listen);
  await editor.field("Title").fill("");
  await expect(editor.node(listen).getByTestId("node-title")).toHaveText("Listen: billing");
});

test("a flow stored before titles existed loads with default titles, and the simulator's path uses them", async ({
  page,
  agentId,
  db,
}) => {
  const created = createFlow(db, agentId, {
    name: "Old flow",
    nodes: [
      { id: "start_old", type: "start", position: { x: 0, y: 0 }, data: { greeting: "Hello from the old flow" } },
      { id: "say_gzpdl0wkn7", type: "say", position: { x: 0, y: 150 }, data: { utterance: "Goodbye for now" } },
      { id: "end_old", type: "end", position: { x: 0, y: 300 }, data: { goodbye: "" } },
    ],
    edges: [
      { id: "e1", source: "start_old", sourceHandle: "next", target: "say_gzpdl0wkn7" },
      { id: "e2", source: "say_gzpdl0wkn7", sourceHandle: "next", target: "end_old" },
    ],
  });
  if (!created.ok) throw new Error("could not create the flow");
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, created.flow.id);
  await expect(editor.node("say_gzpdl0wkn7").getByTestId("node-title")).toHaveText("Say: Goodbye for now");

  await page.goto(`/agents/${agentId}/simulator?flow=${created.flow.id}`);
  const sim = new SimulatorPage(page);
  await expect(sim.root.getByRole("button", { name: "Start call" })).toBeVisible();
  await sim.start();
  const path = page.getByTestId("call-path").getByTestId("call-path-title");
  await expect(path).toHaveText(["Start", "Say: Goodbye for now", "End"]);
  await expect(page.getByTestId("call-path").locator("li").nth(1)).toHaveAttribute("title", "Node say_gzpdl0wkn7");
});
