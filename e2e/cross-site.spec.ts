import { test, expect } from "./fixtures";
import { OtherSite } from "./pages/OtherSite";
import { FlowEditorPage } from "./pages/FlowEditorPage";
import { getFlow, listFlows } from "../db/repositories/flows";

let site: OtherSite;
test.beforeAll(async () => {
  site = await OtherSite.start();
});
test.afterAll(async () => {
  await site.stop();
});

function mainLine(db: Parameters<typeof listFlows>[0], agentId: string) {
  const summary = listFlows(db, agentId).find((f) => f.name === "Main line");
  if (!summary) throw new Error("the demo agent has no Main line flow");
  return () => getFlow(db, agentId, summary.id)!;
}

test("a page on another site cannot overwrite a flow through the save route or a server action", async ({
  page,
  agentId,
  db,
  baseURL,
}) => {
  const flow = mainLine(db, agentId);
  const flowId = flow().id;

  // A real edit first: it saves through the server action, whose id an attacker can read from
  // the public JavaScript just as this test reads it from the request.
  const editor = new FlowEditorPage(page);
  await editor.goto(agentId, flowId);
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await editor.select("sorry");
  await editor.field("Utterance").fill("Written by its owner");
  const actionId = (await actionRequest).headers()["next-action"]!;
  await editor.waitSaved();
  const before = flow();
  expect(before.nodes.find((n) => n.id === "sorry")!.data).toMatchObject({ utterance: "Written by its owner" });

  const forged = {
    doc: {
      name: before.name,
      nodes: before.nodes.map((n) => (n.id === "sorry" ? { ...n, data: { ...n.data, utterance: "pwned" } } : n)),
      edges: before.edges,
    },
    baseRevision: before.revision,
  };
  const saveUrl = `${baseURL}/agents/${agentId}/flows/${flowId}/save`;

  // 1. The keepalive save route, as a simple (no-preflight) cross-site request.
  site.serve(`<script>
    fetch(${JSON.stringify(saveUrl)}, {
      method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" },
      body: ${JSON.stringify(JSON.stringify(forged))},
    });
  </script>`);
  const saveResponse = page.waitForResponse((r) => r.url() === saveUrl && r.request().method() === "POST");
  await page.goto(site.origin);
  expect.soft((await saveResponse).status()).toBe(403);

  // 2. The server action, as a cross-site form post (what works without JavaScript).
  const pageUrl = `${baseURL}/agents/${agentId}/flows/${flowId}`;
  site.serve(`<form method="POST" enctype="multipart/form-data" action="${pageUrl}">
    <input type="hidden" name="$ACTION_ID_${actionId}" value="">
    <input type="hidden" name="0" value=${JSON.stringify(JSON.stringify(forged.doc))}>
  </form><script>document.forms[0].submit()</script>`);
  const actionResponse = page.waitForResponse((r) => r.url() === pageUrl && r.request().method() === "POST");
  await page.goto(site.origin);
  const refused = await actionResponse;
  expect.soft(refused.status()).toBe(403);
  await expect.soft(page.locator("body")).toContainText("Cross-site request refused");

  const after = flow();
  expect(after.revision).toBe(before.revision);
  expect(after.nodes).toEqual(before.nodes);

  // The owner's own tab still saves.
  await editor.goto(agentId, flowId);
  await editor.select("sorry");
  await editor.field("Utterance").fill("Still mine");
  await editor.waitSaved();
  expect(flow().nodes.find((n) => n.id === "sorry")!.data).toMatchObject({ utterance: "Still mine" });
});

test("a request for a host this server does not answer to is a 403, even with a matching Origin", async ({
  request,
  agentId,
  db,
}) => {
  const flow = mainLine(db, agentId);
  const before = flow();
  const res = await request.post(`/agents/${agentId}/flows/${before.id}/save`, {
    headers: { host: "rebound.example:3106", origin: "http://rebound.example:3106" },
    data: { doc: { nodes: [], edges: [] }, baseRevision: before.revision },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatchObject({ code: "forbidden" });
  expect(flow().revision).toBe(before.revision);
});

test("a flow over 10 MB reaches the save route whole through the proxy, and is saved", async ({
  request,
  agentId,
  db,
}) => {
  const flow = mainLine(db, agentId);
  const before = flow();
  const say = before.nodes.find((n) => n.id === "sorry")!;
  // 2,100 Say nodes with 2,000 three-byte characters each: 12.6 MB, inside the flow limits.
  const fillers = Array.from({ length: 2100 }, (_, i) => ({
    ...say,
    id: `filler_${i}`,
    data: { ...say.data, utterance: "€".repeat(2000) },
  }));
  const res = await request.post(`/agents/${agentId}/flows/${before.id}/save`, {
    data: {
      doc: { name: before.name, nodes: [...before.nodes, ...fillers], edges: before.edges },
      baseRevision: before.revision,
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  expect(flow().nodes).toHaveLength(before.nodes.length + 2100);
});
