import { listScenarios } from "@/db/repositories/scenarios";
import { runStoredScenarios } from "@/db/repositories/scenario-host";
import { invalid } from "@/lib/api/errors";
import { toApiRun } from "@/lib/api/scenarios";
import { scenariosWithTags } from "@/lib/scenarios";
import { serverPythonPool } from "@/telephony/python-pool";
import { apiRoute, readJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { parseBody } from "./schema";

/**
 * POST /api/v1/agents/{agentId}/scenarios/run: runs the agent's scenarios (all, `names`, or those with any of `tags`) in this
 * server process (Python on its warm pool), records each run with its scenario, and returns the
 * results: per scenario pass, fail or cannot run, each expectation expected against actual, the call.
 */
export const POST = apiRoute<{ agentId: string }>(
  async ({ req, db, params }) => {
    const agent = requireAgent(db, params.agentId);
    const body = parseBody(await readJson(req, undefined, { optional: true }));
    if (!body.ok) throw invalid(body.fields);
    const all = listScenarios(db, agent.id);
    let chosen = all;
    if (body.names) {
      const fields: Record<string, string> = {};
      body.names.forEach((n, i) => {
        if (!all.some((s) => s.name.toLowerCase() === n.trim().toLowerCase()))
          fields[`names.${i}`] = `No scenario named "${n}"`;
      });
      if (Object.keys(fields).length > 0) throw invalid(fields);
      const wanted = new Set(body.names.map((n) => n.trim().toLowerCase()));
      chosen = all.filter((s) => wanted.has(s.name.toLowerCase()));
    }
    if (body.tags) {
      chosen = scenariosWithTags(chosen, body.tags);
      if (chosen.length === 0)
        throw invalid({ tags: `No scenario has the tag${body.tags.length === 1 ? "" : "s"} ${body.tags.join(", ")}` });
    }
    const pool = serverPythonPool();
    const results = await runStoredScenarios(db, agent.id, chosen, (r) => pool.run(r), { version: body.version });
    return toApiRun(results);
  },
  { permission: "scenarios.edit" },
);
