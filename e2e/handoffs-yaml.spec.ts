import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures";
import { HandoffsPage } from "./pages/HandoffsPage";

const FILE = `handoffs:
  - name: Billing Support
    description: Billing, through the trunk
    is_default: true
    sip_config:
      method: invite
      phone_number: "+14155550123"
      outbound_endpoint: edge.acme.example
      outbound_encryption: TLS/SRTP
    sip_headers:
      - key: X-Customer-ID
        value: $customer_id
  - name: Sales
    description: New customers
    sip_config:
      method: transfer
      route: sip:sales@pbx.acme.example
`;

test("import a handoffs.yaml with an error (nothing changes, the path shows), fix it, import, see the destinations; export it", async ({
  page,
  agentId,
}) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  const before = await handoffs.cardNames();
  expect(before).toEqual(["Front desk", "Billing Support", "Hand back to IVR"]);

  await handoffs.openImport();
  await handoffs.chooseYamlFile("handoffs.yaml", FILE);
  await expect(handoffs.yamlText()).toHaveValue(FILE);
  await handoffs.importDialog().getByRole("button", { name: "Import", exact: true }).click();
  await expect(handoffs.importDialog().getByRole("alert")).toContainText("Nothing was imported: 1 problem");
  await expect(handoffs.importErrors()).toHaveText([
    'handoffs[1].sip_config.method: Expected one of refer, invite, bye, found string "transfer"',
  ]);
  // Nothing changed behind the dialog.
  await page.reload();
  await expect.poll(() => handoffs.cardNames()).toEqual(before);
  await expect(handoffs.card("Front desk").getByTestId("default-badge")).toBeVisible();

  // Fix it in the dialog, as typed text this time, and import.
  await handoffs.openImport();
  await handoffs.yamlText().fill(FILE.replace("method: transfer", "method: refer"));
  await handoffs.importDialog().getByRole("button", { name: "Import", exact: true }).click();
  await expect(handoffs.importDialog()).toBeHidden();
  await expect(page.getByTestId("notice")).toHaveText("Imported handoffs.yaml: 1 added, 2 changed, 0 deleted");
  await expect.poll(() => handoffs.cardNames()).toEqual(["Front desk", "Billing Support", "Hand back to IVR", "Sales"]);
  await expect(handoffs.card("Billing Support").getByTestId("outbound-settings")).toHaveText(
    "edge.acme.example · TLS/SRTP",
  );
  await expect(handoffs.card("Billing Support").getByTestId("default-badge")).toBeVisible();
  await expect(handoffs.card("Front desk").getByTestId("default-badge")).toHaveCount(0);
  await page.reload();
  await expect(handoffs.card("Sales").getByTestId("destination-route")).toHaveText("sip:sales@pbx.acme.example");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export handoffs.yaml" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("handoffs.yaml");
  const text = readFileSync((await download.path())!, "utf8");
  expect(text).toContain("  - name: Sales\n    description: New customers\n    is_default: false\n");
  expect(text).toContain("      outbound_encryption: TLS/SRTP\n");
});
