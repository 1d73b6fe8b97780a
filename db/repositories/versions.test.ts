import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalJson } from "../../lib/agent-document";
import type { Db } from "../client";
import { seedDemoAgent } from "../seed";
import { tempDb } from "../testing/temp-db";
import { readDraftDocument } from "./agent-document";
import { getAgent } from "./agents";
import { getFlow, listFlows, saveFlow } from "./flows";
import { listDestinations, updateDestination } from "./handoffs";
import {
  contentHash,
  getLiveVersion,
  getVersion,
  listVersions,
  promoteVersion,
  publishDraft,
  restoreVersion,
} from "./versions";

let ctx: ReturnType<typeof tempDb>;
let db: Db;
let agentId: string;

beforeEach(() => {
  ctx = tempDb();
  db = ctx.db;
  agentId = seedDemoAgent(db);
});
afterEach(() => ctx.cleanup());

const publish = (note = "", acceptLintErrors?: boolean | string) =>
  publishDraft(db, agentId, { note, author: "Ada", acceptLintErrors });

function setFrontDeskRoute(route: string) {
  const d = listDestinations(db, agentId).find((x) => x.name === "Front desk")!;
  const { id: _i, agentId: _a, isDefault: _d, createdAt: _c, ...rest } = d;
  const r = updateDestination(db, agentId, d.id, { ...rest, route });
  if (!r.ok) throw new Error("update failed");
}

/** Removes the demo flow's start node: a lint error ("no start"). */
function breakTheFlow() {
  const f = listFlows(db, agentId)[0]!;
  const stored = getFlow(db, agentId, f.id)!;
  const nodes = stored.nodes.filter((n) => n.type !== "start");
  saveFlow(db, agentId, f.id, { nodes, edges: stored.edges.filter((e) => e.source !== "start") }, stored.revision);
}

describe("versions", () => {
  it("publishes the draft as numbered versions with note, author, time and content hash", () => {
    const first = publish("First cut");
    expect(first).toMatchObject({ ok: true, version: { number: 1, note: "First cut", author: "Ada", live: false } });
    setFrontDeskRoute("sip:reception@pbx.acme.example");
    const second = publish();
    expect(second).toMatchObject({ ok: true, version: { number: 2 } });
    expect(listVersions(db, agentId).map((v) => v.number)).toEqual([2, 1]);
    const v1 = getVersion(db, agentId, 1)!;
    expect(v1.contentHash).toBe(contentHash(canonicalJson(v1.document)));
    expect(v1.document.destinations[0]!.route).toBe("sip:frontdesk@pbx.acme.example");
    expect(getVersion(db, agentId, 2)!.document.destinations[0]!.route).toBe("sip:reception@pbx.acme.example");
  });

  it("creates nothing when the draft is unchanged since the latest version", () => {
    publish();
    expect(publish("again")).toEqual({
      ok: false,
      status: "unchanged",
      latest: 1,
      message: "Nothing changed since version 1",
    });
    expect(listVersions(db, agentId)).toHaveLength(1);
    // Moving a change back and forth is no change either.
    setFrontDeskRoute("sip:x@pbx.acme.example");
    setFrontDeskRoute("sip:frontdesk@pbx.acme.example");
    expect(publish()).toMatchObject({ status: "unchanged" });
  });

  it("asks before publishing lint errors, and a confirmation holds only for the content it was given for", () => {
    breakTheFlow();
    const asked = publish();
    expect(asked).toMatchObject({ ok: false, status: "lint_errors" });
    if (asked.ok || asked.status !== "lint_errors") throw new Error("expected lint errors");
    expect(asked.errors.join("\n")).toMatch(/Flow "Main line".*Start node/);
    expect(listVersions(db, agentId)).toHaveLength(0);

    setFrontDeskRoute("sip:changed@pbx.acme.example");
    expect(publish("", asked.draftHash)).toMatchObject({ status: "lint_errors" }); // the draft changed since
    const again = publish("", true);
    expect(again).toMatchObject({ ok: true, version: { number: 1 } });
  });

  it("cannot change or delete a version row: SQLite refuses", () => {
    publish("note");
    const sqlite = db.$client;
    expect(() => sqlite.prepare("UPDATE agent_versions SET note = 'edited'").run()).toThrow(/immutable/);
    expect(() => sqlite.prepare("UPDATE agent_versions SET document = '{}'").run()).toThrow(/immutable/);
    expect(() => sqlite.prepare("DELETE FROM agent_versions").run()).toThrow(/immutable/);
    expect(getVersion(db, agentId, 1)!.note).toBe("note");
    // Deleting the agent still takes its versions with it.
    sqlite.prepare("DELETE FROM agents WHERE id = ?").run(agentId);
    expect(sqlite.prepare("SELECT count(*) AS n FROM agent_versions").get()).toEqual({ n: 0 });
  });

  it("promotes any version to live, and back (rollback)", () => {
    publish();
    setFrontDeskRoute("sip:reception@pbx.acme.example");
    publish();
    expect(getLiveVersion(db, agentId)).toBeNull();
    expect(promoteVersion(db, agentId, 2)).toBe(true);
    expect(getAgent(db, agentId)!.liveVersion).toBe(2);
    expect(listVersions(db, agentId).map((v) => v.live)).toEqual([true, false]);
    expect(promoteVersion(db, agentId, 1)).toBe(true);
    expect(getLiveVersion(db, agentId)!.number).toBe(1);
    expect(promoteVersion(db, agentId, 9)).toBe(false);
    expect(getLiveVersion(db, agentId)!.number).toBe(1);
  });

  it("restores a version into the draft, keeping the draft it replaces as a version", () => {
    publish("v1");
    setFrontDeskRoute("sip:reception@pbx.acme.example");
    const r = restoreVersion(db, agentId, 1, "Ada");
    expect(r).toMatchObject({ ok: true, savedAs: { number: 2, note: "Before restoring version 1", author: "Ada" } });
    expect(getVersion(db, agentId, 2)!.document.destinations[0]!.route).toBe("sip:reception@pbx.acme.example");
    expect(canonicalJson(readDraftDocument(db, agentId))).toBe(canonicalJson(getVersion(db, agentId, 1)!.document));
    // The restored draft differs from the latest version (the saved one), so it can be published again.
    expect(publish("v1 again")).toMatchObject({ ok: true, version: { number: 3 } });
  });

  it("restoring when the draft is already the latest version saves nothing twice", () => {
    publish("v1");
    setFrontDeskRoute("sip:reception@pbx.acme.example");
    publish("v2");
    expect(restoreVersion(db, agentId, 1, "Ada")).toEqual({ ok: true, savedAs: null });
    expect(listVersions(db, agentId).map((v) => v.number)).toEqual([2, 1]);
    expect(readDraftDocument(db, agentId)!.destinations[0]!.route).toBe("sip:frontdesk@pbx.acme.example");
    expect(restoreVersion(db, agentId, 7, "Ada")).toEqual({ ok: false, status: "not_found" });
  });
});
