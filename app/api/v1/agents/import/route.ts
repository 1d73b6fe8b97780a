import { createAgentFromDocument } from "@/db/repositories/agent-document";
import { appendAudit } from "@/db/repositories/audit";
import { replaceDraftKeepingIt } from "@/db/repositories/versions";
import { writeTransaction } from "@/db/transaction";
import { agentChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import { MAX_DOCUMENT_BYTES } from "@/lib/agent-document";
import { toApiAgent } from "@/lib/api/agents";
import { documentFieldErrors } from "@/lib/api/agent-document";
import { invalid } from "@/lib/api/errors";
import { beforeImportingNote } from "@/lib/versions/types";
import { apiRoute, json, readJson } from "@/app/api/v1/_lib/handler";
import { requireAgent } from "@/app/api/v1/_lib/lookups";
import { parseBody } from "./schema";

/**
 * POST /api/v1/agents/import: an agent document becomes a new agent (201), or with `?into={agentId}`
 * that agent's draft (200; destinations, functions and flows matched by name keep their ids; the
 * draft it replaces is kept as a version unless it is the latest one already). An
 * invalid document changes nothing: 400 with each problem under its path.
 */
export const POST = apiRoute(
  async ({ req, db, viewer }) => {
    const url = new URL(req.url);
    const unknown = [...url.searchParams.keys()].filter((k) => k !== "into");
    if (unknown.length > 0) throw invalid(Object.fromEntries(unknown.map((k) => [k, "Unknown parameter"])));
    const into = url.searchParams.get("into");
    if (into === "") throw invalid({ into: "Give the id of the agent whose draft to replace" });
    const target = into === null ? null : requireAgent(db, into);
    const parsed = parseBody(await readJson(req, MAX_DOCUMENT_BYTES));
    if (!parsed.ok) throw invalid(documentFieldErrors(parsed.errors), "The agent document is invalid; see fields");
    if (target) {
      writeTransaction(db, () => {
        replaceDraftKeepingIt(
          db,
          target.id,
          parsed.doc,
          beforeImportingNote("a document sent to the API"),
          viewer!.name,
        );
        appendAudit(db, actorOf(viewer!), agentChange("imported", target, "draft replaced from an agent document"));
      });
      return json(200, toApiAgent(requireAgent(db, target.id)));
    }
    const agent = writeTransaction(db, () => {
      const agent = createAgentFromDocument(db, parsed.doc);
      appendAudit(db, actorOf(viewer!), agentChange("created", agent, "imported from an agent document"));
      return agent;
    });
    return json(201, toApiAgent(agent), { location: `/api/v1/agents/${agent.id}` });
  },
  { permission: "functions.edit" },
);
