import { z } from "zod";
import { INVALID_REASON_MESSAGE, isReasonCode } from "../handoffs/record";
import { MAX_TEXT } from "../flow/fields";
import { parseWith, type ParseResult } from "../validation/field-errors";
import type { TopicInput } from "./types";

export const MAX_TOPIC_NAME = 80;
export const MAX_SAMPLE_QUESTIONS = 100;
export const MAX_SAMPLE_QUESTION = 300;
export const MAX_TOPIC_CONTENT = 4000;
export const MAX_TOPICS = 500;

/** One question a line in the form; blank lines are dropped, each question trimmed. */
export function splitQuestions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((q) => q.trim())
    .filter((q) => q !== "");
}

const sampleQuestionsSchema = z
  .array(z.string().trim().max(MAX_SAMPLE_QUESTION, `Questions are at most ${MAX_SAMPLE_QUESTION} characters`))
  .transform((qs) => qs.filter((q) => q !== ""))
  .pipe(
    z
      .array(z.string())
      .min(1, "Add at least one sample question")
      .max(MAX_SAMPLE_QUESTIONS, `At most ${MAX_SAMPLE_QUESTIONS} sample questions`),
  );

const handoffActionSchema = z.object({
  kind: z.literal("builtin-handoff"),
  destinationId: z.string().min(1).nullable(),
  reason: z
    .string()
    .trim()
    .refine((r) => r === "" || isReasonCode(r), INVALID_REASON_MESSAGE),
  utterance: z.string().max(MAX_TEXT, `At most ${MAX_TEXT} characters`),
});

export const topicActionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("none") }),
    handoffActionSchema,
    z.object({ kind: z.literal("function"), functionName: z.string().trim().min(1, "Choose a function") }),
  ],
  { error: "Choose an action: none, builtin-handoff or function" },
);

/** The topic form's rules, shared by the form, the server actions, the CSV import and the agent document. */
export const topicInputSchema = z
  .object({
    name: z
      .string({ error: "Enter a name" })
      .trim()
      .min(1, "Enter a name")
      .max(MAX_TOPIC_NAME, `Names are at most ${MAX_TOPIC_NAME} characters`),
    sampleQuestions: sampleQuestionsSchema,
    content: z.string().trim().max(MAX_TOPIC_CONTENT, `At most ${MAX_TOPIC_CONTENT} characters`),
    action: topicActionSchema,
    enabled: z.boolean().default(true),
  })
  .superRefine((t, ctx) => {
    // A topic without an action only speaks its content, so it needs some.
    if (t.action.kind === "none" && t.content === "") {
      ctx.addIssue({
        code: "custom",
        path: ["content"],
        message: "Enter what the agent says (the topic has no action)",
      });
    }
  });

export type ValidTopic = z.output<typeof topicInputSchema>;

export function parseTopicInput(input: unknown): ParseResult<TopicInput> {
  return parseWith(topicInputSchema, input);
}

/** Copies are named like destinations' copies: "X (copy)", "X (copy 2)"… */
export { copyName } from "../handoffs/schema";
