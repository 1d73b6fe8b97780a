import { test, expect } from "./fixtures";
import { E2E_DB } from "../playwright.config";
import { getAgent } from "../db/repositories/agents";
import { connectTwilio } from "../telephony/connection";
import { HandoffsPage } from "./pages/HandoffsPage";
import { SimulatorPage } from "./pages/SimulatorPage";
import { TelephonyPage } from "./pages/TelephonyPage";

const SID = "AC" + "e2e0".repeat(8);
const TOKEN = "0123456789abcdef0123456789abcdef";
const PUBLIC_URL = "https://voice.e2e.example";

test("Telephony: a connection made without verifying, a number assigned by hand with its URLs, offered as a route", async ({
  page,
  db,
  agentId,
  pageAs,
}, testInfo) => {
  // The CLI's `twilio connect --no-verify`: nothing here may reach Twilio.
  const connected = await connectTwilio(
    db,
    E2E_DB,
    { accountSid: SID, authToken: TOKEN, publicBaseUrl: PUBLIC_URL },
    { verify: false, actor: { id: null, name: "CLI", email: null, via: "cli" } },
  );
  expect(connected.ok).toBe(true);
  const agentName = getAgent(db, agentId)!.name;
  const number = `+1415555${String(testInfo.workerIndex).padStart(2, "0")}${testInfo.testId.replace(/\D/g, "").slice(0, 2).padEnd(2, "0")}`;

  const telephony = new TelephonyPage(page);
  await telephony.goto(agentId);
  await expect(page.getByTestId("account-sid")).toHaveText(SID);
  await expect(page.getByTestId("account-name")).toContainText("Not verified yet");
  await expect(page.getByTestId("public-base-url")).toHaveText(PUBLIC_URL);
  await expect(page.locator("body")).not.toContainText(TOKEN);

  await telephony.assignNewByHand("4155550", agentName);
  await expect(page.getByText("Enter the number in E.164 form")).toBeVisible();

  await telephony.assignNewByHand(number, agentName);
  await expect(page.getByTestId("voice-url")).toHaveText(`${PUBLIC_URL}/voice/call`);
  await expect(page.getByTestId("status-callback-url")).toHaveText(`${PUBLIC_URL}/voice/status`);
  await expect(telephony.row(number).getByTestId("serves")).toContainText(`${agentName}(by hand)`);
  await page.reload();
  await expect(telephony.row(number).getByTestId("serves")).toContainText(agentName);

  // The number is offered as a destination's route, and Twilio's header rules are checked.
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.openAdd();
  await expect(page.locator(`#destination-route-numbers option[value="tel:${number}"]`)).toHaveCount(1);
  await handoffs.addHeader("Customer-ID", "$customer_id");
  await expect(handoffs.modal).toContainText("Twilio sends only X- headers");

  // The simulator shows the TwiML each turn would return, with the public base URL's action URLs.
  await page.keyboard.press("Escape");
  const simulator = new SimulatorPage(page);
  await simulator.goto(agentId);
  await simulator.start();
  await simulator.say("I have a question about my bill");
  await expect(simulator.outcome()).toBeVisible();
  const turns = await simulator.showTwiml();
  await expect(turns).toHaveCount(2);
  await expect(turns.nth(0).getByTestId("twiml-request")).toHaveText("POST /voice/call");
  await expect(turns.nth(0).getByTestId("twiml-xml")).toContainText(
    `<Gather input="speech dtmf" speechTimeout="auto" action="${PUBLIC_URL}/voice/gather?conversation=conv_`,
  );
  await expect(turns.nth(1).getByTestId("twiml-request")).toHaveText(
    'POST /voice/gather (SpeechResult="I have a question about my bill")',
  );
  await expect(turns.nth(1).getByTestId("twiml-xml")).toContainText(
    "<Sip>sip:billing@pbx.acme.example?X-Handoff-Reason=billing&amp;X-Customer-ID=abc123&amp;X-Caller-ID=",
  );
  await simulator.root.getByRole("button", { name: "Transcript" }).click();
  await expect(simulator.root.getByTestId("transcript")).toBeVisible();

  // Only admins manage telephony.
  const designer = await pageAs("designer");
  await designer.goto(`/agents/${agentId}/settings`);
  await expect(
    designer.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Telephony" }),
  ).toHaveCount(0);
  await designer.goto(`/agents/${agentId}/settings/telephony`);
  await expect(designer.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});
