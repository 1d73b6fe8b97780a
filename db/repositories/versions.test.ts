import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalJson } from "../../lib/agent-document";
import type { Db } from "../client";
import { seedDemoAgent } from "../seed";
import { tempDb } from "../testing/temp-db";
import { readDraftDocument } from "./agent-document";
import { getAgent } from "./agents";
import { getFlow, listFlows, saveFlow } from "./flows";
import {
  environmentHistory,
  promoteThroughPreRelease,
  promoteToEnvironment,
  rollbackEnvironment,
} from "./environments";
import { listDestinations, updateDestination } from "./handoffs";
import { contentHash, getLiveVersion, getVersion, listVersions, publishDraft, restoreVersion } from "./versions";

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

  it("promotes one step at a time: pre-release, then live; nothing reaches live without pre-release", () => {
    publish();
    setFrontDeskRoute("sip:reception@pbx.acme.example");
    publish();
    const actor = { id: null, name: "Ada", email: null, via: "cli" as const };
    expect(getLiveVersion(db, agentId)).toBeNull();
    // Live first is refused, and changes nothing.
    expect(promoteToEnvironment(db, agentId, { to: "live", actor })).toMatchObject({
      ok: false,
      status: "refused",
      message: "No version is in pre-release: promote one there first",
    });
    expect(promoteToEnvironment(db, agentId, { to: "live", version: 2, actor })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Version 2 has not been in pre-release/),
    });
    // A dry run shows the version, the target and the changes, and moves nothing.
    const dry = promoteToEnvironment(db, agentId, { to: "pre-release", dryRun: true, actor });
    expect(dry).toMatchObject({ ok: true, environment: "pre-release", version: 2, from: null, dryRun: true });
    expect(getAgent(db, agentId)!.preReleaseVersion).toBeNull();
    expect(environmentHistory(db, agentId)).toEqual([]);
    // Pre-release defaults to the latest version, live to the pre-release one.
    expect(promoteToEnvironment(db, agentId, { to: "pre-release", actor })).toMatchObject({ ok: true, version: 2 });
    expect(listVersions(db, agentId).map((v) => [v.number, v.preRelease, v.live])).toEqual([
      [2, true, false],
      [1, false, false],
    ]);
    const live = promoteToEnvironment(db, agentId, { to: "live", dryRun: true, actor });
    expect(live).toMatchObject({ ok: true, version: 2, from: null });
    expect(promoteToEnvironment(db, agentId, { to: "live", actor })).toMatchObject({ ok: true, version: 2 });
    expect(getAgent(db, agentId)).toMatchObject({ liveVersion: 2, preReleaseVersion: 2 });
    expect(promoteToEnvironment(db, agentId, { to: "live", version: 2, actor })).toMatchObject({
      ok: false,
      message: "Version 2 is already in live",
    });
    // Version 1 must go through pre-release too; the dry run lists what changes for live's calls.
    expect(promoteToEnvironment(db, agentId, { to: "live", version: 1, actor }).ok).toBe(false);
    expect(promoteToEnvironment(db, agentId, { to: "pre-release", version: 1, actor }).ok).toBe(true);
    const back = promoteToEnvironment(db, agentId, { to: "live", version: 1, dryRun: true, actor });
    expect(back.ok && back.from).toBe(2);
    expect(back.ok && back.changes.destinations.map((d) => [d.name, d.status, d.fields.map((f) => f.field)])).toEqual([
      ["Front desk", "changed", ["route"]],
    ]);
    expect(promoteToEnvironment(db, agentId, { to: "live", version: 9, actor })).toMatchObject({
      ok: false,
      status: "not_found",
    });
  });

  it("rollback returns an environment to its previous version, one step further each time", () => {
    const actor = { id: null, name: "Ada", email: null, via: "cli" as const };
    for (let n = 1; n <= 3; n++) {
      setFrontDeskRoute(`sip:desk${n}@pbx.acme.example`);
      publish();
      expect(promoteThroughPreRelease(db, agentId, n, actor).ok).toBe(true);
    }
    expect(getAgent(db, agentId)!.liveVersion).toBe(3);
    expect(rollbackEnvironment(db, agentId, "live", actor)).toEqual({ ok: true, environment: "live", from: 3, to: 2 });
    expect(getLiveVersion(db, agentId)!.number).toBe(2);
    expect(rollbackEnvironment(db, agentId, "live", actor)).toMatchObject({ ok: true, from: 2, to: 1 });
    expect(rollbackEnvironment(db, agentId, "live", actor)).toMatchObject({ ok: true, from: 1, to: null });
    expect(getAgent(db, agentId)!.liveVersion).toBeNull();
    expect(rollbackEnvironment(db, agentId, "live", actor)).toMatchObject({
      ok: false,
      message: "live has no earlier version to return to",
    });
    // Pre-release has its own history.
    expect(getAgent(db, agentId)!.preReleaseVersion).toBe(3);
    expect(rollbackEnvironment(db, agentId, "pre-release", actor)).toMatchObject({ ok: true, from: 3, to: 2 });
    expect(environmentHistory(db, agentId)[0]).toMatchObject({
      environment: "pre-release",
      kind: "rollback",
      from: 3,
      to: 2,
      by: "Ada",
    });
    // Version 3 was in pre-release once: it may go live again.
    expect(promoteToEnvironment(db, agentId, { to: "live", version: 3, actor }).ok).toBe(true);
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
