import { test, expect } from "./fixtures";
import { SimulatorPage } from "./pages/SimulatorPage";
import { getConversation } from "../db/repositories/conversations";
import { findFunctionByName, saveFunction } from "../db/repositories/functions";
import { PYTHON_WAIT_MS } from "./waits";

test("a billing question reaches Billing Support by INVITE with X-Customer-ID resolved; the call is stored", async ({
  page,
  agentId,
  db,
}) => {
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.variable("customer_id").fill("cust-777");
  await sim.start();
  await expect(sim.root.getByTestId("agent-turn").first()).toHaveText(/Thanks for calling Acme/);
  await sim.say("I have a question about my bill");

  const outcome = sim.outcome();
  await expect(outcome.getByTestId("handoff-destination")).toHaveText("Billing Support");
  await expect(outcome.getByTestId("handoff-source")).toHaveText("builtin");
  await expect(outcome.getByTestId("handoff-headers")).toContainText("X-Customer-ID: cust-777");
  const trace = sim.trace();
  const labels = await trace.labels();
  const invite = labels.indexOf("INVITE", 1);
  await trace.rows().nth(invite).click();
  await expect(trace.raw()).toContainText("X-Customer-ID: cust-777");
  await expect(trace.raw()).toContainText("INVITE sip:billing@pbx.acme.example SIP/2.0");

  await expect(sim.savedNote()).toContainText("Stored as conversation");
  const id = (await sim.savedNote().textContent())!.replace("Stored as conversation ", "").trim();
  expect(getConversation(db, id)).toMatchObject({
    agent_id: agentId,
    outcome: "handoff",
    channel: "simulator",
    handoff: { destination: "Billing Support", method: "invite" },
  });
  await expect(page.getByTestId("call-path").locator("li")).toHaveCount(4);
});

test("a gold caller reaches the transfer_call override (Python) with source transfer_call", async ({
  page,
  agentId,
}) => {
  // The first Python call waits for Pyodide to start (seconds; more on a busy machine).
  test.setTimeout(180_000);
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.variable("tier").fill("gold");
  await sim.start();
  await sim.say("billing question");
  await expect(sim.outcome()).toBeVisible({ timeout: PYTHON_WAIT_MS });
  await expect(sim.outcome().getByTestId("handoff-source")).toHaveText("transfer_call");
  await expect(sim.outcome().getByTestId("handoff-route")).toHaveText("sip:vip@pbx.acme.example");
  await expect(sim.outcome().getByTestId("handoff-headers")).toContainText("X-Tier: gold");
  await expect(sim.root.getByTestId("function-call")).toContainText("route_vip() ran");
});

test("transfer_call(soft=True) in the simulator: consultation INVITE, whisper, REFER with Replaces; Review says soft", async ({
  page,
  agentId,
  db,
}) => {
  test.setTimeout(90_000);
  const fn = findFunctionByName(db, agentId, "route_vip")!;
  saveFunction(db, agentId, fn.id, {
    code: 'def route_vip(conv):\n    conv.transfer_call("sip:vip@pbx.acme.example", soft=True, whisper="Gold caller about a bill")\n',
  });
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.variable("tier").fill("gold");
  await sim.start();
  await sim.say("billing question");
  await expect(sim.outcome()).toBeVisible({ timeout: PYTHON_WAIT_MS });
  await expect(sim.outcome().getByTestId("handoff-source")).toHaveText("transfer_call");
  await expect(sim.outcome()).toContainText("soft");

  const trace = sim.trace();
  const labels = await trace.labels();
  const whisper = labels.findIndex((l) => l?.includes("whispers"));
  const refer = labels.indexOf("REFER");
  expect(labels.indexOf("INVITE", 1)).toBeGreaterThan(0);
  expect(whisper).toBeGreaterThan(labels.indexOf("INVITE", 1));
  expect(refer).toBeGreaterThan(whisper);
  await trace.rows().nth(refer).click();
  await expect(trace.raw()).toContainText("Refer-To: <sip:vip@pbx.acme.example?Replaces=");

  await expect(sim.savedNote()).toContainText("Stored as conversation");
  const id = (await sim.savedNote().textContent())!.replace("Stored as conversation ", "").trim();
  await page.goto(`/agents/${agentId}/conversations/${id}`);
  await expect(page.getByText("(soft: attended transfer)")).toBeVisible();
});

test("a function that breaks its result through conv's private fields shows its error; the call goes on", async ({
  page,
  agentId,
  db,
}) => {
  test.setTimeout(180_000);
  const fn = findFunctionByName(db, agentId, "route_vip")!;
  saveFunction(db, agentId, fn.id, {
    code: 'def route_vip(conv):\n    conv.transfer_call("2001")\n    conv._handoff["sipHeaders"] = [{"name": "X-A", "value": 5}]\n',
  });
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.variable("tier").fill("gold");
  await sim.start();
  await sim.say("billing question");
  await expect(sim.outcome()).toBeVisible({ timeout: PYTHON_WAIT_MS });
  const call = sim.root.getByTestId("function-call");
  await expect(call).toContainText("route_vip() raised InvalidResult");
  await expect(call).toContainText("handoff.sipHeaders[0].value: expected text, got 5");
  // The override failed, so the handoff node hands off as configured.
  await expect(sim.outcome().getByTestId("handoff-source")).toHaveText("builtin");
  await expect(sim.outcome().getByTestId("handoff-destination")).toHaveText("Billing Support");
});

test("a REFER path shows REFER, 202, NOTIFYs and BYE; busy keeps the agent on the call", async ({ page, agentId }) => {
  const sim = new SimulatorPage(page);
  await sim.goto(agentId);
  await sim.start();
  await sim.say("can I speak to a person");
  const labels = await sim.trace().labels();
  const refer = labels.indexOf("REFER");
  expect(refer).toBeGreaterThan(0);
  const after = labels.slice(refer).join(" | ");
  expect(after).toMatch(/REFER \| 202 Accepted \| NOTIFY.*\| 200 OK \| NOTIFY.*\| 200 OK \| BYE \| 200 OK/);
  await expect(sim.savedNote()).toBeVisible();

  await sim.root.getByRole("button", { name: "Restart" }).click();
  await sim.behaviour("Front desk", "Accepted, then busy (NOTIFY 486)");
  await sim.start();
  await sim.say("speak to a person");
  await expect(sim.outcome()).toContainText("Transfer failed: busy (486 Busy Here)");
  // The agent stays on the call and asks again.
  await expect(sim.root.getByLabel("Caller says")).toBeEnabled();
  await expect(sim.root.getByTestId("agent-turn").last()).toContainText("You can ask about billing");
  await sim.root.getByRole("button", { name: "Keypad 5" }).click();
  await expect(sim.root.getByTestId("caller-turn").last()).toHaveText("Caller: DTMF 5");
});
