import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures";
import { AgentMenu } from "./pages/AgentMenu";

test("export an agent, refuse a broken copy, import it as a new agent and into the draft", async ({
  page,
  agentId,
}) => {
  await page.goto(`/agents/${agentId}/handoffs`);
  const menu = new AgentMenu(page);
  const download = await menu.exportAgent();
  expect(download.suggestedFilename()).toMatch(/^Acme .+\.agent\.json$/);
  const text = readFileSync((await download.path())!, "utf8");
  const doc = JSON.parse(text);
  expect(doc).toMatchObject({ format: 1, destinations: [{ name: "Front desk" }, {}, {}] });

  // A broken file lists its problems by path and imports nothing.
  const broken = structuredClone(doc);
  broken.destinations[1].sip_headers[0].value = "a\r\nVia: evil";
  broken.flows[0].edges[0].target = "nowhere";
  await menu.openImport();
  await menu.chooseFile("broken.agent.json", JSON.stringify(broken));
  const errors = menu.importDialog().getByTestId("import-agent-errors");
  await expect(errors).toContainText("2 problems");
  await expect(errors).toContainText("destinations[1].sip_headers[0].value");
  await expect(errors).toContainText("flows[0].edges[0].target");
  await menu.importDialog().getByRole("button", { name: "Cancel" }).click();

  // As a new agent: the copy opens, with the same destinations.
  const copy = structuredClone(doc);
  copy.agent.name = "Imported Acme";
  await menu.openImport();
  await menu.chooseFile("copy.agent.json", JSON.stringify(copy));
  await expect(menu.importDialog().getByTestId("import-agent-summary")).toContainText(
    "Imported Acme: 1 flow, 3 destinations",
  );
  await menu.importDialog().getByRole("button", { name: "Import as new agent" }).click();
  await expect(page.getByTestId("agent-switcher")).toHaveText(/Imported Acme/);
  await expect(page).not.toHaveURL(new RegExp(agentId));
  await page.getByRole("navigation", { name: "Build" }).getByRole("link", { name: "Call Handoffs" }).click();
  await expect(page.getByTestId("destination-name")).toHaveText(["Front desk", "Billing Support", "Hand back to IVR"]);

  // Into this agent's draft, after a second confirmation.
  const into = structuredClone(doc);
  into.destinations[0].name = "Reception";
  await menu.openImport();
  await menu.chooseFile("into.agent.json", JSON.stringify(into));
  await menu
    .importDialog()
    .getByRole("radio", { name: /Into Imported Acme/ })
    .check();
  await menu.importDialog().getByRole("button", { name: "Import into this agent…" }).click();
  await expect(menu.importDialog().getByTestId("import-agent-confirm")).toContainText(
    "Replace the draft of Imported Acme",
  );
  await menu.importDialog().getByRole("button", { name: "Replace the draft" }).click();
  await expect(menu.importDialog()).toBeHidden();
  await expect(page.getByTestId("destination-name")).toHaveText(["Reception", "Billing Support", "Hand back to IVR"]);
});
