import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDb } from "../testing/temp-db";
import type { Db } from "../client";
import { seedDemoAgent } from "../seed";
import { getFlow, listFlows } from "./flows";
import { listDestinations } from "./handoffs";
import { importDestinations } from "./handoffs-import";
import { exportHandoffsYaml, parseHandoffsYaml } from "../../lib/handoffs/yaml";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;

beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = seedDemoAgent(db);
});
afterEach(() => ctx.cleanup());

function parsed(text: string) {
  const r = parseHandoffsYaml(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.destinations;
}

const IMPORT = `handoffs:
  - name: billing support
    description: Billing, through the trunk
    is_default: true
    sip_config:
      method: invite
      phone_number: "+14155550123"
      outbound_endpoint: edge.acme.example:5061
      outbound_encryption: TLS/SRTP
    sip_headers:
      - key: X-Customer-ID
        value: $customer_id
    x_switchboard:
      attempts: 2
  - name: Sales
    description: ""
    sip_config:
      method: refer
      route: sip:sales@pbx.acme.example
    x_switchboard:
      refer_header_placement: both
`;

describe("importing handoffs.yaml", () => {
  it("round trip through the database: export → import (replace) → export is byte-identical", () => {
    const first = exportHandoffsYaml(listDestinations(db, agentId));
    importDestinations(db, agentId, parsed(IMPORT), { replace: false });
    const text = exportHandoffsYaml(listDestinations(db, agentId));
    const other = seedDemoAgent(db);
    importDestinations(db, other, parsed(text), { replace: true });
    expect(exportHandoffsYaml(listDestinations(db, other))).toBe(text);
    expect(text).not.toBe(first);
  });

  it("merges by name ignoring case: updates keep their id (nodes still hand off to them), new ones come last, the file's default wins", () => {
    const before = listDestinations(db, agentId);
    const billing = before.find((d) => d.name === "Billing Support")!;
    const result = importDestinations(db, agentId, parsed(IMPORT), { replace: false });
    const after = listDestinations(db, agentId);
    expect(after.map((d) => [d.name, d.isDefault])).toEqual([
      ["Front desk", false],
      ["billing support", true],
      ["Hand back to IVR", false],
      ["Sales", false],
    ]);
    const updated = after[1]!;
    expect(updated).toMatchObject({
      id: billing.id,
      route: "+14155550123",
      outboundEndpoint: "edge.acme.example:5061",
      outboundEncryption: "TLS/SRTP",
      attempts: 2,
    });
    expect(after[3]).toMatchObject({ method: "refer", referHeaderPlacement: "both" });
    expect(result.created.map((d) => d.name)).toEqual(["Sales"]);
    expect(result.updated.map((u) => [u.before.name, u.after.name])).toEqual([
      ["Billing Support", "billing support"],
      ["Front desk", "Front desk"],
    ]);
    expect(result.deleted).toEqual([]);
  });

  it("with replace, the file's destinations are all there is: the others are deleted as Delete does", () => {
    const billing = listDestinations(db, agentId).find((d) => d.name === "Billing Support")!;
    const onlySales = IMPORT.slice(IMPORT.indexOf("  - name: Sales")).replace(
      'description: ""',
      'description: ""\n    is_default: true',
    );
    const result = importDestinations(db, agentId, parsed(`handoffs:\n${onlySales}`), { replace: true });
    expect(listDestinations(db, agentId).map((d) => [d.name, d.isDefault])).toEqual([["Sales", true]]);
    expect(result.deleted.map((d) => d.name)).toEqual(["Front desk", "Billing Support", "Hand back to IVR"]);
    // The nodes that handed off to a deleted destination now name it as deleted.
    const orphaned = listFlows(db, agentId)
      .flatMap((f) => getFlow(db, agentId, f.id)!.nodes)
      .filter((n) => n.type === "handoff" && (n.data as { destinationId: string | null }).destinationId === billing.id);
    expect(orphaned.length).toBeGreaterThan(0);
    for (const n of orphaned) expect(n.data).toMatchObject({ deletedDestinationName: "Billing Support" });
  });
});
