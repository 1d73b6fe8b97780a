/**
 * Knowledge topics (docs/design.md §13): questions a caller may ask at any listen step, with what
 * the agent says and, optionally, an action. A handoff topic names its destination by id, like a
 * handoff node (null: the agent's default), so renaming the destination keeps the topic.
 */
export const TOPIC_ACTION_KINDS = ["none", "builtin-handoff", "function"] as const;
export type TopicActionKind = (typeof TOPIC_ACTION_KINDS)[number];

export const TOPIC_ACTION_LABELS: Record<TopicActionKind, string> = {
  none: "None",
  "builtin-handoff": "Builtin handoff",
  function: "Function",
};

export type TopicAction =
  | { kind: "none" }
  | { kind: "builtin-handoff"; destinationId: string | null; reason: string; utterance: string }
  | { kind: "function"; functionName: string };

/** What a person edits: the form, the CSV import and the agent document all produce this. */
export interface TopicInput {
  name: string;
  sampleQuestions: string[];
  content: string;
  action: TopicAction;
  enabled: boolean;
}

export interface Topic extends TopicInput {
  id: string;
  agentId: string;
  createdAt: string;
  updatedAt: string;
}
