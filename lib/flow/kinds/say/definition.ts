import { z } from "zod";
import { defineKind, NEXT_HANDLE, truncate } from "../../kind";
import { kindTitle, textSchema, titleSchema } from "../../fields";

export const sayDataSchema = z.object({ title: titleSchema, utterance: textSchema });
export type SayData = z.output<typeof sayDataSchema>;

export const sayKind = defineKind<"say", SayData>({
  kind: "say",
  label: "Say",
  description: "The agent says something, then moves on.",
  dataSchema: sayDataSchema,
  defaults: () => ({ utterance: "" }),
  outHandles: () => [NEXT_HANDLE],
  validate: () => [],
  summary: (d) => (d.utterance.trim() ? `“${truncate(d.utterance)}”` : "Says nothing yet"),
  defaultTitle: (d) => kindTitle("Say", d.utterance),
  variableTexts: (d) => [{ path: "data.utterance", label: "the utterance", text: d.utterance }],
  assignedVariables: () => [],
});
