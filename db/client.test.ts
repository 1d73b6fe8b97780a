import { afterEach, describe, expect, it } from "vitest";
import { migrateWithRetry, openDb } from "./client";
import { tempDb } from "./testing/temp-db";
import { listAgentVariables, listAgents } from "./repositories/agents";
import { listDestinations } from "./repositories/handoffs";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("database", () => {
  it("runs in WAL mode with foreign keys on", () => {
    const t = tempDb();
    cleanup = t.cleanup;
    expect(t.db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(t.db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("seeds a fresh database with the demo agent once", () => {
    const t = tempDb({ seed: true });
    cleanup = t.cleanup;
    const [agent, ...rest] = listAgents(t.db);
    expect(rest).toHaveLength(0);
    expect(agent?.name).toBe("Acme Support");
    const destinations = listDestinations(t.db, agent!.id);
    expect(destinations.map((d) => [d.name, d.method, d.route, d.isDefault])).toEqual([
      ["Front desk", "refer", "sip:frontdesk@pbx.acme.example", true],
      ["Billing Support", "invite", "sip:billing@pbx.acme.example", false],
      ["Hand back to IVR", "bye", null, false],
    ]);
    expect(destinations[1]!.sipHeaders).toEqual([
      { name: "X-Customer-ID", value: "$customer_id" },
      { name: "X-Caller-ID", value: "$caller_id" },
    ]);
    expect(listAgentVariables(t.db, agent!.id).map((v) => v.name)).toEqual(["customer_id", "tier"]);
    // Opening again migrates nothing new and seeds nothing twice.
    const again = openDb(t.file);
    expect(listAgents(again)).toHaveLength(1);
    again.$client.close();
  });
});

describe("migrateWithRetry", () => {
  const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it("tries again after another process migrated first (busy, or its tables already there)", () => {
    for (const error of [
      sqliteError("SQLITE_BUSY", "database is locked"),
      sqliteError("SQLITE_ERROR", "table `agents` already exists"),
      sqliteError("SQLITE_ERROR", "duplicate column name: pre_release_version"),
    ]) {
      let calls = 0;
      migrateWithRetry(() => {
        calls += 1;
        if (calls === 1) throw error;
      });
      expect(calls).toBe(2);
    }
  });

  it("gives up on a clash that does not go away, and at once on any other error", () => {
    let calls = 0;
    expect(() =>
      migrateWithRetry(() => {
        calls += 1;
        throw sqliteError("SQLITE_ERROR", "index `x` already exists");
      }),
    ).toThrow(/already exists/);
    expect(calls).toBe(4);
    calls = 0;
    expect(() =>
      migrateWithRetry(() => {
        calls += 1;
        throw sqliteError("SQLITE_ERROR", 'near "TABLE": syntax error');
      }),
    ).toThrow(/syntax error/);
    expect(calls).toBe(1);
  });
});
