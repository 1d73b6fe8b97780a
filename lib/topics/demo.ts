import { DEMO_FRONT_DESK } from "../handoffs/demo";
import type { TopicInput } from "./types";

/**
 * The demo agent's knowledge topics (docs/design.md §13), written once: db/seed.ts stores them and
 * tests reuse them. `destinationIdOf` gives the id the database gave a demo destination's name.
 */
export function demoTopics(destinationIdOf: (name: string) => string | null): TopicInput[] {
  return [
    {
      name: "Opening hours",
      sampleQuestions: ["What are your opening hours?", "When are you open?", "What time do you close today?"],
      content: "We're open Monday to Friday from 8 am to 6 pm, and on Saturdays from 9 am to 1 pm.",
      action: { kind: "none" },
      enabled: true,
    },
    {
      name: "Speak to a human",
      sampleQuestions: [
        "Can I talk to a real person?",
        "I want to speak with someone",
        "Put me through to somebody please",
        "Connect me to a colleague",
      ],
      content: "",
      action: {
        kind: "builtin-handoff",
        destinationId: destinationIdOf(DEMO_FRONT_DESK.name),
        reason: "needs_human",
        utterance: "Of course, let me get someone for you.",
      },
      enabled: true,
    },
  ];
}
