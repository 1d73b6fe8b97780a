"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { appendAudit } from "@/db/repositories/audit";
import { createAgent, getAgent, renameAgent } from "@/db/repositories/agents";
import { writeTransaction } from "@/db/transaction";
import type { AgentActionResult } from "@/lib/agents/action-results";
import { agentInputSchema } from "@/lib/agents/schema";
import { agentChange } from "@/lib/audit/changes";
import { change } from "@/lib/audit/summaries";
import { actorOf } from "@/lib/audit/types";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

const denied = (d: Denial): AgentActionResult => ({ ok: false, fieldErrors: { _form: d.message } });

export const createAgentAction = guardedAction(
  "agents.edit",
  denied,
  async (viewer, input: unknown): Promise<AgentActionResult> => {
    const parsed = agentInputSchema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const db = getDb();
    const agent = writeTransaction(db, () => {
      const agent = createAgent(db, parsed.data.name);
      appendAudit(db, actorOf(viewer), agentChange("created", agent, "created"));
      return agent;
    });
    revalidatePath("/", "layout");
    return { ok: true, agent: { id: agent.id, name: agent.name } };
  },
);

export const renameAgentAction = guardedAction(
  "agents.edit",
  denied,
  async (viewer, agentId: unknown, input: unknown): Promise<AgentActionResult> => {
    const parsed = agentInputSchema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const db = getDb();
    const before = typeof agentId === "string" ? getAgent(db, agentId) : null;
    if (!before) return { ok: false, fieldErrors: { _form: "This agent no longer exists; reload the page" } };
    const agent = writeTransaction(db, () => {
      const agent = renameAgent(db, before.id, parsed.data.name)!;
      if (before.name !== agent.name)
        appendAudit(db, actorOf(viewer), agentChange("renamed", agent, change("name", before.name, agent.name)));
      return agent;
    });
    revalidatePath("/", "layout");
    return { ok: true, agent: { id: agent.id, name: agent.name } };
  },
);
