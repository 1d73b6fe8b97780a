"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type Denial } from "@/auth/viewer";
import { getDb } from "@/db/server";
import { appendAudit } from "@/db/repositories/audit";
import { writeTransaction } from "@/db/transaction";
import { getAgent } from "@/db/repositories/agents";
import { listDestinations } from "@/db/repositories/handoffs";
import { listFunctions } from "@/db/repositories/functions";
import {
  createTopic,
  deleteTopic,
  duplicateTopic,
  getTopic,
  importTopics,
  setTopicEnabled,
  updateTopic,
  type TopicResult,
} from "@/db/repositories/topics";
import { topicChange } from "@/lib/audit/changes";
import { actorOf } from "@/lib/audit/types";
import type { Viewer } from "@/lib/auth/types";
import { MAX_TOPIC_CSV_BYTES, parseTopicsCsv } from "@/lib/topics/csv";
import { parseTopicInput } from "@/lib/topics/schema";
import type { TopicActionResult, TopicImportResult } from "@/lib/topics/action-results";
import type { Topic } from "@/lib/topics/types";

const GONE_AGENT: TopicActionResult = {
  ok: false,
  fieldErrors: {},
  formError: "This agent no longer exists; reload the page",
};
const GONE_TOPIC: TopicActionResult = {
  ok: false,
  fieldErrors: {},
  formError: "This topic was deleted in the meantime; reload to see the current list",
};

const denied = (d: Denial): TopicActionResult => ({ ok: false, fieldErrors: {}, formError: d.message });

function agentExists(agentId: unknown): agentId is string {
  return typeof agentId === "string" && getAgent(getDb(), agentId) !== null;
}

function destinationNames(agentId: string): (id: string) => string {
  const names = new Map(listDestinations(getDb(), agentId).map((d) => [d.id, d.name]));
  return (id) => names.get(id) ?? "a deleted destination";
}

/** Runs a repository change and appends its audit entry (before → after) in one transaction. */
function audited(viewer: Viewer, agentId: string, before: Topic | null, change: () => TopicResult, verb?: string) {
  const db = getDb();
  const names = destinationNames(agentId);
  return writeTransaction(db, () => {
    const result = change();
    if (result.ok) appendAudit(db, actorOf(viewer), topicChange(before, result.topic, names, verb));
    return result;
  });
}

function finish(agentId: string, result: TopicResult): TopicActionResult {
  if (result.ok) {
    revalidatePath(`/agents/${agentId}/knowledge`);
    return { ok: true, topic: result.topic };
  }
  return result.status === "not_found" ? GONE_TOPIC : { ok: false, fieldErrors: result.fieldErrors };
}

// Every argument is `unknown`: a server action is a public endpoint and must validate what it gets.

export const createTopicAction = guardedAction(
  "topics.edit",
  denied,
  async (viewer, agentId: unknown, input: unknown): Promise<TopicActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    const parsed = parseTopicInput(input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    return finish(
      agentId,
      audited(viewer, agentId, null, () => createTopic(getDb(), agentId, parsed.value)),
    );
  },
);

export const updateTopicAction = guardedAction(
  "topics.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown, input: unknown): Promise<TopicActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_TOPIC;
    const parsed = parseTopicInput(input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    const before = getTopic(getDb(), agentId, id);
    if (!before) return GONE_TOPIC;
    return finish(
      agentId,
      audited(viewer, agentId, before, () => updateTopic(getDb(), agentId, id, parsed.value)),
    );
  },
);

export const duplicateTopicAction = guardedAction(
  "topics.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown): Promise<TopicActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_TOPIC;
    return finish(
      agentId,
      audited(viewer, agentId, null, () => duplicateTopic(getDb(), agentId, id)),
    );
  },
);

export const setTopicEnabledAction = guardedAction(
  "topics.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown, enabled: unknown): Promise<TopicActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_TOPIC;
    if (typeof enabled !== "boolean") return { ok: false, fieldErrors: { enabled: "Expected true or false" } };
    const before = getTopic(getDb(), agentId, id);
    if (!before) return GONE_TOPIC;
    if (before.enabled === enabled) return { ok: true, topic: before };
    return finish(
      agentId,
      audited(viewer, agentId, before, () => setTopicEnabled(getDb(), agentId, id, enabled)),
    );
  },
);

export const deleteTopicAction = guardedAction(
  "topics.edit",
  denied,
  async (viewer, agentId: unknown, id: unknown): Promise<TopicActionResult> => {
    if (!agentExists(agentId)) return GONE_AGENT;
    if (typeof id !== "string") return GONE_TOPIC;
    const db = getDb();
    const names = destinationNames(agentId);
    const deleted = writeTransaction(db, () => {
      const topic = deleteTopic(db, agentId, id);
      if (topic) appendAudit(db, actorOf(viewer), topicChange(topic, null, names));
      return topic;
    });
    if (!deleted) return GONE_TOPIC;
    revalidatePath(`/agents/${agentId}/knowledge`);
    return { ok: true };
  },
);

/** CSV import: every row checked first; any problem imports nothing (docs/design.md §13). */
export const importTopicsAction = guardedAction(
  "topics.edit",
  (d: Denial): TopicImportResult => ({ ok: false, errors: [], formError: d.message }),
  async (viewer, agentId: unknown, csv: unknown): Promise<TopicImportResult> => {
    if (!agentExists(agentId))
      return { ok: false, errors: [], formError: "This agent no longer exists; reload the page" };
    if (typeof csv !== "string") return { ok: false, errors: [], formError: "Choose a CSV file" };
    if (new TextEncoder().encode(csv).length > MAX_TOPIC_CSV_BYTES)
      return { ok: false, errors: [], formError: `The file is larger than ${MAX_TOPIC_CSV_BYTES / 1024 / 1024} MB` };
    const db = getDb();
    const parsed = parseTopicsCsv(csv, {
      destinations: listDestinations(db, agentId),
      functions: listFunctions(db, agentId).map((f) => f.name),
    });
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const names = destinationNames(agentId);
    const result = writeTransaction(db, () => {
      const imported = importTopics(db, agentId, parsed.topics);
      for (const t of imported) appendAudit(db, actorOf(viewer), topicChange(t.before, t.after, names, "imported"));
      return imported;
    });
    revalidatePath(`/agents/${agentId}/knowledge`);
    const replaced = result.filter((t) => t.before !== null).length;
    return { ok: true, added: result.length - replaced, replaced };
  },
);
