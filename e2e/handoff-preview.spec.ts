import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures";
import { HandoffsPage } from "./pages/HandoffsPage";
import { TracePanel } from "./pages/TracePanel";

test("preview call routing: the INVITE follows the customer_id sample", async ({ page, agentId, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.card("Billing Support").getByRole("button", { name: "Preview call routing" }).click();
  const panel = page.getByTestId("preview-panel");
  await expect(panel.getByTestId("method-note")).toContainText("SIP INVITE");
  for (const lane of ["Customer SBC", "Agent", "Destination"])
    await expect(panel.getByTestId("ladder").getByText(lane, { exact: true })).toBeVisible();

  const trace = new TracePanel(panel);
  const labels = await trace.labels();
  const outbound = labels.indexOf("INVITE", 1);
  expect(labels.slice(0, 4)).toEqual(["INVITE", "100 Trying", "200 OK", "ACK"]);
  expect(labels.slice(outbound, outbound + 5)).toEqual(["INVITE", "100 Trying", "180 Ringing", "200 OK", "ACK"]);
  // The utterance is spoken before the new INVITE.
  expect(labels[outbound - 1]).toMatch(/^Agent says/);

  await trace.rows().nth(outbound).click();
  await expect(trace.raw()).toContainText("X-Customer-ID: abc123");
  await expect(trace.raw()).toContainText("X-Handoff-Reason: Billing Support");

  await panel.getByLabel("$customer_id").fill("cust-42");
  await panel.getByLabel("Reason").fill("billing");
  await trace.rows().nth(outbound).click();
  await expect(trace.raw()).toContainText("X-Customer-ID: cust-42");
  await expect(trace.raw()).toContainText("X-Handoff-Reason: billing");

  // Copy and download the whole trace.
  await panel.getByRole("button", { name: "Copy trace" }).click();
  await expect(panel.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("X-Customer-ID: cust-42");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: "Download .txt" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("Billing_Support-trace.txt");
  const text = readFileSync((await download.path())!, "utf8");
  expect(text).toMatch(/SBC -> Agent {2}INVITE/);
  expect(text).toContain("X-Customer-ID: cust-42");

  // The same trace as a capture: one Ethernet/IPv4/UDP frame per SIP message.
  const [capture] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: "Download .pcap" }).click(),
  ]);
  expect(capture.suggestedFilename()).toBe("Billing_Support-trace.pcap");
  const pcap = readFileSync((await capture.path())!);
  expect(pcap.readUInt32LE(0)).toBe(0xa1b2c3d4);
  const payloads: string[] = [];
  for (let p = 24; p < pcap.length; p += 16 + pcap.readUInt32LE(p + 8))
    payloads.push(pcap.subarray(p + 16 + 42, p + 16 + pcap.readUInt32LE(p + 8)).toString("utf8"));
  const sipCount = Number((await panel.getByText(/\d+ SIP messages/).textContent())!.match(/\d+/)![0]);
  expect(payloads).toHaveLength(sipCount);
  expect(payloads[0]).toMatch(/^INVITE sip:/);
  expect(payloads.some((p) => p.includes("X-Customer-ID: cust-42"))).toBe(true);
});

test("preview shows the busy failure ladder for a REFER", async ({ page, agentId }) => {
  const handoffs = new HandoffsPage(page);
  await handoffs.goto(agentId);
  await handoffs.card("Front desk").getByRole("button", { name: "Preview call routing" }).click();
  const panel = page.getByTestId("preview-panel");
  await expect(panel.getByTestId("method-note")).toContainText("must finish playing before the REFER");
  const trace = new TracePanel(panel);
  await expect.poll(() => trace.labels()).toContain("BYE");
  await panel.getByLabel(/Destination is busy/).check();
  const labels = await trace.labels();
  expect(labels.some((l) => l?.includes("486"))).toBe(true);
  // The agent stays on the call: it never sends BYE after the REFER.
  expect(labels.slice(labels.findIndex((l) => l === "REFER"))).not.toContain("BYE");
});
