import { test, expect } from "./fixtures";
import { HandoffsPage } from "./pages/HandoffsPage";
import { TracePanel } from "./pages/TracePanel";

test("add a REFER destination with two headers, edit it to BYE, duplicate, delete, reload", async ({
  page,
  agentId,
}) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await expect(handoffs.cards()).toHaveCount(3);

  await handoffs.openAdd();
  await handoffs.field("Name").fill("Escalations");
  await handoffs.field("Description").fill("Tier 2 team");
  await expect(handoffs.modal.getByRole("radio", { name: "SIP REFER" })).toBeChecked();
  await handoffs.field("Route").fill("sip:2001@pbx.acme.example");
  await handoffs.field("REFER header placement").selectOption("both");
  await handoffs.addHeader("X-Customer-ID", "$customer_id");
  await handoffs.addHeader("X-Queue", "tier2");
  await handoffs.submit("Add");
  await expect(handoffs.modal).toBeHidden();

  const card = handoffs.card("Escalations");
  await expect(card.getByTestId("method-badge")).toHaveText("REFER");
  await expect(card.getByTestId("destination-route")).toHaveText("sip:2001@pbx.acme.example");
  await expect(card.getByTestId("header-count")).toHaveText("2 headers");
  await expect(card.getByText("Tier 2 team")).toBeVisible();

  // Edit to BYE: Route and the REFER-only placement disappear.
  await card.getByRole("button", { name: "Edit" }).click();
  await expect(handoffs.field("Route")).toHaveValue("sip:2001@pbx.acme.example");
  await expect(handoffs.field("REFER header placement")).toHaveValue("both");
  await handoffs.chooseMethod("SIP BYE");
  await expect(handoffs.field("Route")).toHaveCount(0);
  await expect(handoffs.field("REFER header placement")).toHaveCount(0);
  await handoffs.submit("Save");
  await expect(handoffs.modal).toBeHidden();
  await expect(card.getByTestId("method-badge")).toHaveText("BYE");
  await expect(card.getByTestId("destination-route")).toContainText("hands the call back");

  await card.getByRole("button", { name: "Duplicate" }).click();
  await expect(handoffs.card("Escalations (copy)")).toBeVisible();
  await expect(handoffs.card("Escalations (copy)").getByTestId("header-count")).toHaveText("2 headers");

  // Delete the original: the button stays disabled until the name is typed exactly.
  await card.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByTestId("delete-dialog");
  const confirm = dialog.getByRole("button", { name: "Delete destination" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type Escalations to confirm").fill("escalations");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type Escalations to confirm").fill("Escalations");
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(handoffs.card("Escalations")).toHaveCount(0);

  await page.reload();
  await expect
    .poll(() => handoffs.cardNames())
    .toEqual(["Front desk", "Billing Support", "Hand back to IVR", "Escalations (copy)"]);
  const copy = handoffs.card("Escalations (copy)");
  await expect(copy.getByTestId("method-badge")).toHaveText("BYE");
  await copy.getByRole("button", { name: "Edit" }).click();
  await expect(handoffs.field("Name")).toHaveValue("Escalations (copy)");
  await expect(handoffs.field("Description")).toHaveValue("Tier 2 team");
  await expect(handoffs.modal.getByRole("radio", { name: "SIP BYE" })).toBeChecked();
  await expect(handoffs.headerNames()).toHaveCount(2);
  await expect(handoffs.headerNames().nth(0)).toHaveValue("X-Customer-ID");
  await expect(handoffs.headerValues().nth(0)).toHaveValue("$customer_id");
  await expect(handoffs.headerNames().nth(1)).toHaveValue("X-Queue");
  await expect(handoffs.headerValues().nth(1)).toHaveValue("tier2");
});

test("ring timeout and attempts: checked inline, saved, shown on the card and kept after reload", async ({
  page,
  agentId,
}) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await expect(handoffs.card("Front desk").getByTestId("transfer-settings")).toHaveText("rings 30 s · 1 attempt");
  await expect(handoffs.card("Hand back to IVR").getByTestId("transfer-settings")).toHaveCount(0);

  await handoffs.card("Billing Support").getByRole("button", { name: "Edit" }).click();
  await expect(handoffs.field("Ring timeout (seconds)")).toHaveValue("30");
  await expect(handoffs.field("Attempts")).toHaveValue("1");
  await handoffs.field("Ring timeout (seconds)").fill("4");
  await handoffs.field("Ring timeout (seconds)").blur();
  await expect(handoffs.modal.getByText("Enter a whole number of seconds from 5 to 120")).toBeVisible();
  await handoffs.submit("Save");
  await expect(handoffs.modal).toBeVisible();
  await handoffs.field("Ring timeout (seconds)").fill("20");
  await expect(handoffs.modal.getByText("Enter a whole number of seconds from 5 to 120")).toHaveCount(0);
  await handoffs.field("Attempts").selectOption("2");
  await handoffs.submit("Save");
  await expect(handoffs.modal).toBeHidden();
  await expect(handoffs.card("Billing Support").getByTestId("transfer-settings")).toHaveText("rings 20 s · 2 attempts");

  await page.reload();
  await expect(handoffs.card("Billing Support").getByTestId("transfer-settings")).toHaveText("rings 20 s · 2 attempts");
  await handoffs.card("Billing Support").getByRole("button", { name: "Edit" }).click();
  await expect(handoffs.field("Ring timeout (seconds)")).toHaveValue("20");
  await expect(handoffs.field("Attempts")).toHaveValue("2");
  // BYE always succeeds at once: neither field is offered.
  await handoffs.chooseMethod("SIP BYE");
  await expect(handoffs.field("Ring timeout (seconds)")).toHaveCount(0);
  await expect(handoffs.field("Attempts")).toHaveCount(0);
});

test("an INVITE's outbound endpoint and TLS/SRTP: checked inline, saved, on the card, drawn by the preview", async ({
  page,
  agentId,
}) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.card("Front desk").getByRole("button", { name: "Edit" }).click();
  // A REFER places no call of its own: neither field is offered.
  await expect(handoffs.field("Outbound endpoint")).toHaveCount(0);
  await handoffs.modal.getByRole("button", { name: "Cancel" }).click();

  await handoffs.card("Billing Support").getByRole("button", { name: "Edit" }).click();
  await expect(handoffs.field("Encryption")).toHaveValue("UDP/RTP");
  await handoffs.field("Outbound endpoint").fill("sip:edge.acme.example");
  await handoffs.field("Outbound endpoint").blur();
  await expect(handoffs.modal.getByText('Write the host without "sip:"', { exact: false })).toBeVisible();
  await handoffs.submit("Save");
  await expect(handoffs.modal).toBeVisible();
  await handoffs.field("Outbound endpoint").fill("edge.acme.example:5061");
  await expect(handoffs.modal.getByTestId("field-error")).toHaveCount(0);
  await handoffs.field("Encryption").selectOption("TLS/SRTP");
  await expect(handoffs.modal.getByText(/SRTP media keyed in the SDP offer/)).toBeVisible();
  await handoffs.submit("Save");
  await expect(handoffs.modal).toBeHidden();
  await expect(handoffs.card("Billing Support").getByTestId("outbound-settings")).toHaveText(
    "edge.acme.example:5061 · TLS/SRTP",
  );

  await page.reload();
  await expect(handoffs.card("Billing Support").getByTestId("outbound-settings")).toHaveText(
    "edge.acme.example:5061 · TLS/SRTP",
  );
  await handoffs.card("Billing Support").getByRole("button", { name: "Preview call routing" }).click();
  const trace = new TracePanel(page.getByTestId("preview-panel"));
  await trace.row("INVITE", "agent", "destination").click();
  await expect(trace.raw()).toContainText("Route: <sip:edge.acme.example:5061;transport=tls;lr>");
  await expect(trace.raw()).toContainText("Via: SIP/2.0/TLS 198.51.100.20:5061;branch=");
  await expect(trace.raw()).toContainText("RTP/SAVP 0 8 101");
  await expect(trace.raw()).toContainText("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:");
});

test("invalid header names show inline errors and nothing typed is lost", async ({ page, agentId }) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.openAdd();
  await handoffs.field("Name").fill("Claims");
  await handoffs.field("Route").fill("+14155550123");
  await handoffs.addHeader("X Claim", "$customer_id");
  await handoffs.addHeader("Via", "SIP/2.0/UDP evil.example");
  await handoffs.submit("Add");

  const rows = handoffs.modal.getByTestId("sip-header-row");
  await expect(rows.nth(0).getByRole("alert")).toContainText("contains a space");
  await expect(rows.nth(1).getByRole("alert")).toContainText("Via is managed by the SIP dialog");
  await expect(handoffs.headerNames().nth(0)).toHaveAttribute("aria-invalid", "true");
  // Everything typed is still there.
  await expect(handoffs.field("Name")).toHaveValue("Claims");
  await expect(handoffs.field("Route")).toHaveValue("+14155550123");
  await expect(handoffs.headerValues().nth(0)).toHaveValue("$customer_id");
  await expect(handoffs.headerValues().nth(1)).toHaveValue("SIP/2.0/UDP evil.example");

  // A name without X- is allowed with a warning; removing the reserved row clears its error.
  await handoffs.headerNames().nth(0).fill("Claim-Ref");
  await expect(rows.nth(0).getByTestId("field-warning")).toContainText('usually start with "X-"');
  await handoffs.modal.getByRole("button", { name: "Remove header 2" }).click();
  await expect(rows).toHaveCount(1);
  await handoffs.submit("Add");
  await expect(handoffs.modal).toBeHidden();
  await expect(handoffs.card("Claims").getByTestId("destination-route")).toHaveText("+14155550123");
  await expect(handoffs.card("Claims").getByTestId("header-count")).toHaveText("1 header");
});

test("a name the server rejects keeps the modal and its input", async ({ page, agentId }) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.openAdd();
  // Uniqueness is only known to the server, and ignores case.
  await handoffs.field("Name").fill("front DESK");
  await handoffs.field("Route").fill("2001");
  await handoffs.addHeader("X-Note", "kept");
  await handoffs.submit("Add");
  await expect(handoffs.modal.getByRole("alert")).toContainText('A destination named "front DESK" already exists');
  await expect(handoffs.field("Route")).toHaveValue("2001");
  await expect(handoffs.headerValues().first()).toHaveValue("kept");
  await handoffs.field("Name").fill("Front desk 2");
  await handoffs.submit("Add");
  await expect(handoffs.modal).toBeHidden();
  await expect(handoffs.card("Front desk 2")).toBeVisible();
});

test("route errors appear inline and BYE takes no route", async ({ page, agentId }) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.openAdd();
  await handoffs.field("Name").fill("Broken");
  await handoffs.field("Route").fill("pbx.acme.example");
  await handoffs.field("Route").blur();
  await expect(handoffs.modal.getByRole("alert")).toContainText("Enter a SIP URI, tel: URI, E.164 number or extension");
  // Headers inside a route follow the header-name rules; values are percent-escaped.
  await handoffs.field("Route").fill("sip:2001@pbx.acme.example?Via=SIP/2.0/UDP%20evil");
  await handoffs.field("Route").blur();
  await expect(handoffs.modal.getByRole("alert")).toContainText('Route header "Via": Via is managed by the SIP dialog');
  await handoffs.field("Route").fill("sip:2001@pbx.acme.example?X-Note=caf\u00e9");
  await expect(handoffs.modal.getByRole("alert")).toContainText('"\u00e9" must be percent-escaped');
  await handoffs.field("Route").fill("pbx.acme.example");
  await handoffs.chooseMethod("SIP BYE");
  await handoffs.chooseMethod("SIP INVITE");
  await expect(handoffs.field("Route")).toHaveValue("pbx.acme.example");
  await handoffs.field("Route").fill("tel:+442071838750");
  await handoffs.submit("Add");
  await expect(handoffs.card("Broken").getByTestId("method-badge")).toHaveText("INVITE");
});

test("$variables are highlighted, autocompleted and unknown ones warned about", async ({ page, agentId }) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.openAdd();
  await handoffs.modal.getByRole("button", { name: "Add SIP Header" }).click();
  await handoffs.headerNames().last().fill("X-Customer");
  const value = handoffs.headerValues().last();
  await value.click();
  await value.pressSequentially("$cust");
  const list = handoffs.modal.getByRole("listbox", { name: "Variables" });
  await expect(list.getByRole("option", { name: /\$customer_id/ })).toBeVisible();
  await value.press("Enter");
  await expect(value).toHaveValue("$customer_id");
  await expect(handoffs.modal.locator('mark[data-variable="customer_id"][data-known="true"]')).toBeVisible();

  await value.pressSequentially(" $nope");
  await expect(handoffs.modal.locator('mark[data-variable="nope"][data-known="false"]')).toBeVisible();
  await expect(handoffs.modal.getByTestId("field-warning")).toContainText("Unknown variable $nope");
});

test("set as default moves the badge; deleting the default promotes another", async ({ page, agentId }) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await expect(handoffs.card("Front desk").getByTestId("default-badge")).toBeVisible();
  await handoffs.card("Billing Support").getByRole("button", { name: "Set as default" }).click();
  await expect(handoffs.card("Billing Support").getByTestId("default-badge")).toBeVisible();
  await expect(handoffs.card("Front desk").getByTestId("default-badge")).toHaveCount(0);

  await handoffs.card("Billing Support").getByRole("button", { name: "Delete" }).click();
  await page.getByLabel("Type Billing Support to confirm").fill("Billing Support");
  await page.getByRole("button", { name: "Delete destination" }).click();
  await expect(handoffs.card("Front desk").getByTestId("default-badge")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("default-badge")).toHaveCount(1);
  await expect(handoffs.card("Front desk").getByTestId("default-badge")).toBeVisible();
});
