import { and, asc, eq, max } from "drizzle-orm";
import type { Db } from "../client";
import { newId, nowIso } from "../ids";
import { knowledgeTopics } from "../schema";
import { writeTransaction } from "../transaction";
import { copyName } from "../../lib/topics/schema";
import type { Topic, TopicInput } from "../../lib/topics/types";
import type { FieldErrors } from "../../lib/validation/field-errors";

type Row = typeof knowledgeTopics.$inferSelect;

export type TopicResult =
  | { ok: true; topic: Topic }
  | { ok: false; status: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; status: "not_found" };

function toTopic(row: Row): Topic {
  return {
    id: row.id,
    agentId: row.agentId,
    name: row.name,
    sampleQuestions: [...row.sampleQuestions],
    content: row.content,
    action: row.action,
    enabled: row.enabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const nameKey = (name: string) => name.trim().toLowerCase();

const nameTaken = (name: string): TopicResult => ({
  ok: false,
  status: "invalid",
  fieldErrors: { name: `A topic named "${name}" already exists for this agent` },
});

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && "code" in e && (e as { code: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** The agent's topics in list order (the order they were added; matching ties go to the earlier one). */
export function listTopics(db: Db, agentId: string): Topic[] {
  return db
    .select()
    .from(knowledgeTopics)
    .where(eq(knowledgeTopics.agentId, agentId))
    .orderBy(asc(knowledgeTopics.position))
    .all()
    .map(toTopic);
}

export function getTopic(db: Db, agentId: string, id: string): Topic | null {
  const row = db
    .select()
    .from(knowledgeTopics)
    .where(and(eq(knowledgeTopics.agentId, agentId), eq(knowledgeTopics.id, id)))
    .get();
  return row ? toTopic(row) : null;
}

export function findTopicByName(db: Db, agentId: string, name: string): Topic | null {
  const row = db
    .select()
    .from(knowledgeTopics)
    .where(and(eq(knowledgeTopics.agentId, agentId), eq(knowledgeTopics.nameKey, nameKey(name))))
    .get();
  return row ? toTopic(row) : null;
}

function values(input: TopicInput) {
  return {
    name: input.name,
    nameKey: nameKey(input.name),
    sampleQuestions: input.sampleQuestions,
    content: input.content,
    action: input.action,
    enabled: input.enabled,
  };
}

function insert(db: Db, agentId: string, input: TopicInput): Topic {
  const top = db
    .select({ top: max(knowledgeTopics.position) })
    .from(knowledgeTopics)
    .where(eq(knowledgeTopics.agentId, agentId))
    .get()?.top;
  const now = nowIso();
  const row = db
    .insert(knowledgeTopics)
    .values({
      id: newId("kt"),
      agentId,
      ...values(input),
      position: top === null || top === undefined ? 0 : top + 1,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  return toTopic(row);
}

function guardUnique(name: string, fn: () => TopicResult): TopicResult {
  try {
    return fn();
  } catch (e) {
    if (isUniqueViolation(e)) return nameTaken(name);
    throw e;
  }
}

/** Adds a topic at the end of the list. Names are unique per agent, ignoring case. */
export function createTopic(db: Db, agentId: string, input: TopicInput): TopicResult {
  return guardUnique(input.name, () =>
    writeTransaction(db, (): TopicResult => {
      if (findTopicByName(db, agentId, input.name)) return nameTaken(input.name);
      return { ok: true, topic: insert(db, agentId, input) };
    }),
  );
}

export function updateTopic(db: Db, agentId: string, id: string, input: TopicInput): TopicResult {
  return guardUnique(input.name, () =>
    writeTransaction(db, (tx): TopicResult => {
      if (!getTopic(db, agentId, id)) return { ok: false, status: "not_found" };
      const clash = findTopicByName(db, agentId, input.name);
      if (clash && clash.id !== id) return nameTaken(input.name);
      const row = tx
        .update(knowledgeTopics)
        .set({ ...values(input), updatedAt: nowIso() })
        .where(and(eq(knowledgeTopics.agentId, agentId), eq(knowledgeTopics.id, id)))
        .returning()
        .get();
      return { ok: true, topic: toTopic(row!) };
    }),
  );
}

/** The enabled toggle: only that field changes. */
export function setTopicEnabled(db: Db, agentId: string, id: string, enabled: boolean): TopicResult {
  const row = db
    .update(knowledgeTopics)
    .set({ enabled, updatedAt: nowIso() })
    .where(and(eq(knowledgeTopics.agentId, agentId), eq(knowledgeTopics.id, id)))
    .returning()
    .get();
  return row ? { ok: true, topic: toTopic(row) } : { ok: false, status: "not_found" };
}

/** Copies a topic under a free "(copy)" name, placed last. */
export function duplicateTopic(db: Db, agentId: string, id: string): TopicResult {
  return writeTransaction(db, (): TopicResult => {
    const source = getTopic(db, agentId, id);
    if (!source) return { ok: false, status: "not_found" };
    const taken = listTopics(db, agentId).map((t) => t.name);
    return {
      ok: true,
      topic: insert(db, agentId, {
        name: copyName(source.name, taken),
        sampleQuestions: source.sampleQuestions,
        content: source.content,
        action: source.action,
        enabled: source.enabled,
      }),
    };
  });
}

export function deleteTopic(db: Db, agentId: string, id: string): Topic | null {
  const row = db
    .delete(knowledgeTopics)
    .where(and(eq(knowledgeTopics.agentId, agentId), eq(knowledgeTopics.id, id)))
    .returning()
    .get();
  return row ? toTopic(row) : null;
}

/** What an import did to each topic, in file order (for the audit log and the result message). */
export interface ImportedTopic {
  before: Topic | null;
  after: Topic;
}

/**
 * CSV import (already validated as a whole by lib/topics/csv): one transaction; a row whose name
 * matches a topic (ignoring case) replaces that topic's fields, any other row adds a topic.
 */
export function importTopics(db: Db, agentId: string, inputs: readonly TopicInput[]): ImportedTopic[] {
  return writeTransaction(db, (tx) => {
    const out: ImportedTopic[] = [];
    for (const input of inputs) {
      const before = findTopicByName(db, agentId, input.name);
      if (!before) {
        out.push({ before: null, after: insert(db, agentId, input) });
        continue;
      }
      const row = tx
        .update(knowledgeTopics)
        .set({ ...values(input), updatedAt: nowIso() })
        .where(eq(knowledgeTopics.id, before.id))
        .returning()
        .get();
      out.push({ before, after: toTopic(row!) });
    }
    return out;
  });
}

/** Replaces every topic of the agent (agent import and version restore), keeping ids of topics matched by name. */
export function replaceTopics(db: Db, agentId: string, inputs: readonly TopicInput[]): void {
  writeTransaction(db, (tx) => {
    const existing = new Map(listTopics(db, agentId).map((t) => [nameKey(t.name), t]));
    const keep = new Set(inputs.map((t) => nameKey(t.name)));
    for (const [key, t] of existing)
      if (!keep.has(key)) tx.delete(knowledgeTopics).where(eq(knowledgeTopics.id, t.id)).run();
    inputs.forEach((input, position) => {
      const old = existing.get(nameKey(input.name));
      const now = nowIso();
      if (old) {
        tx.update(knowledgeTopics)
          .set({ ...values(input), position, updatedAt: now })
          .where(eq(knowledgeTopics.id, old.id))
          .run();
      } else {
        tx.insert(knowledgeTopics)
          .values({ id: newId("kt"), agentId, ...values(input), position, createdAt: now, updatedAt: now })
          .run();
      }
    });
  });
}
